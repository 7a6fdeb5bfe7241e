//! Verify one signed record with three signatures (chains of depth 2, cached trust store), beside the
//! raw public-key operations it needs, so that the ratio can be read in one run
//! (scripts/bench-verify-vs-openssl.sh adds `openssl speed` for the same operations).
#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

use std::fs;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use hocba_core::pki::{CertInfo, CrlInfo, TrustStore};
use hocba_core::time::UnixTime;
use hocba_core::verify::{verify, Verdict, VerifyInputs, VerifyPolicy};

fn tests_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

fn store() -> TrustStore {
    let mut s = TrustStore::new();
    let dir = tests_dir().join("pki/trust");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        s.add_file(&f.display().to_string(), &fs::read(&f).unwrap())
            .unwrap();
    }
    s.finish().unwrap()
}

fn bench(c: &mut Criterion) {
    let vector: serde_json::Value = serde_json::from_slice(
        &fs::read(tests_dir().join("vectors/verify/valid-without-crl-or-status.json")).unwrap(),
    )
    .unwrap();
    let envelope = serde_json::to_vec(&vector["input"]["envelope"]).unwrap();
    let store = store();
    let crls: Vec<CrlInfo> = Vec::new();
    let policy = VerifyPolicy::default();
    let inputs = VerifyInputs {
        store: &store,
        crls: &crls,
        status_list: None,
        now: UnixTime::parse_rfc3339("2025-07-10T00:00:00Z").unwrap(),
        policy: &policy,
    };
    assert_eq!(verify(&envelope, &inputs).verdict, Verdict::Valid);

    let mut group = c.benchmark_group("verify");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("record_3_signatures_depth_2", |b| {
        b.iter(|| verify(&envelope, &inputs))
    });

    // The raw public-key operations of that record: per signature, the CMS signature and the signer
    // certificate's signature by its CA (CA → root links are verified once when the store is built).
    // GVCN: RSA-2048 PKCS#1 (CMS) + RSA-2048 (cert by the public CA);
    // HT: ECDSA P-256 (CMS) + ECDSA P-256 (cert by the government CA);
    // seal: RSA-2048 PSS (CMS) + ECDSA P-256 (cert by the government CA).
    let certs = |name: &str| {
        CertInfo::load_many(&fs::read(tests_dir().join(format!("pki/chains/{name}.pem"))).unwrap())
            .unwrap()
    };
    let (gvcn, ht, seal) = (certs("gvcn"), certs("ht"), certs("seal"));
    let links = [(&gvcn[0], &gvcn[1]), (&ht[0], &ht[1]), (&seal[0], &seal[1])];
    group.bench_function("raw_rsa2048_verify", |b| {
        b.iter(|| gvcn[0].verify_signed_by(&gvcn[1]).unwrap())
    });
    group.bench_function("raw_p256_verify", |b| {
        b.iter(|| ht[0].verify_signed_by(&ht[1]).unwrap())
    });
    group.bench_function("raw_operations_of_the_record", |b| {
        b.iter(|| {
            for (leaf, ca) in links {
                leaf.verify_signed_by(ca).unwrap();
            }
            // The three CMS signatures: RSA PKCS#1, ECDSA P-256, RSA-PSS over ~1 KB of attributes.
            gvcn[0].verify_signed_by(&gvcn[1]).unwrap();
            ht[0].verify_signed_by(&ht[1]).unwrap();
            gvcn[0].verify_signed_by(&gvcn[1]).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

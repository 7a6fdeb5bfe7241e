//! Verify one signed record with three signatures (chains of depth 2, cached trust store), beside the
//! raw public-key operations it needs, so that the ratio can be read in one run
//! (scripts/bench-verify-vs-openssl.sh adds `openssl speed` for the same operations).
#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

use std::fs;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use hocba_core::pki::build_path;
use hocba_core::pki::{Backend, CertInfo, CrlInfo, SharedPathCache, TrustStore};
use hocba_core::time::UnixTime;
use hocba_core::verify::adapter::record_checks;
use hocba_core::verify::cms::read_cms;
use hocba_core::verify::{
    parse_envelope, signed_content, verify, verify_cached, Verdict, VerifyInputs, VerifyPolicy,
};

// As the CLI runs it (cli/src/main.rs): the benchmark measures what a user of `hocba verify` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    // One group per backend, so that the RustCrypto run and the `--features native-crypto` run of this
    // bench leave their figures side by side (scripts/bench-verify-vs-openssl.sh reads both).
    let backend = match Backend::SELECTED {
        Backend::RustCrypto => "rustcrypto",
        _ => "native",
    };
    let mut group = c.benchmark_group(format!("verify-{backend}"));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("record_3_signatures_depth_2", |b| {
        b.iter(|| verify(&envelope, &inputs))
    });
    // As in a batch: the signers' certificates were seen before, so only the three CMS signatures are
    // public-key operations (design §6).
    let cache = SharedPathCache::default();
    assert_eq!(
        verify_cached(&envelope, &inputs, &cache),
        verify(&envelope, &inputs)
    );
    group.bench_function("record_3_signatures_depth_2_path_cache", |b| {
        b.iter(|| verify_cached(&envelope, &inputs, &cache))
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
    group.bench_function("raw_cms_operations_of_the_record", |b| {
        b.iter(|| {
            // What remains per record once certificate links are cached: 2 RSA-2048 + 1 P-256.
            gvcn[0].verify_signed_by(&gvcn[1]).unwrap();
            ht[0].verify_signed_by(&ht[1]).unwrap();
            gvcn[0].verify_signed_by(&gvcn[1]).unwrap();
        })
    });

    // Where the rest of the time goes (the stages of `verify`, each alone).
    let env = parse_envelope(&envelope).unwrap();
    let content = signed_content(&env.record).unwrap();
    let cms: Vec<Vec<u8>> = env
        .signatures
        .iter()
        .map(|s| s.cms.clone().unwrap())
        .collect();
    group.bench_function("stage_parse_envelope", |b| {
        b.iter(|| parse_envelope(&envelope).unwrap())
    });
    group.bench_function("stage_canonical_digest", |b| {
        b.iter(|| signed_content(&env.record).unwrap())
    });
    group.bench_function("stage_record_checks", |b| {
        b.iter(|| record_checks(&env.record))
    });
    group.bench_function("stage_read_3_cms", |b| {
        b.iter(|| {
            for c in &cms {
                read_cms(c).unwrap();
            }
        })
    });
    let facts: Vec<_> = cms.iter().map(|c| read_cms(c).unwrap()).collect();
    let at = UnixTime::parse_rfc3339("2025-06-25T00:00:00Z").unwrap();
    group.bench_function("stage_build_3_paths", |b| {
        b.iter(|| {
            for f in &facts {
                build_path(&f.signer_cert, &f.embedded, &store, at).unwrap();
            }
        })
    });
    let _ = content;
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

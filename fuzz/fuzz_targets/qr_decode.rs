//! The QR stub verifier on arbitrary input: no panic, no unbounded work. The first byte picks the layer
//! the remaining bytes are fed to, so every parser is reached, not only the Base45 gate:
//! 0 the text itself, 1 a zlib stream (Base45-encoded here), 2 a COSE structure (compressed and
//! encoded here), 3 the claim set's CBOR alone.
#![no_main]

use std::sync::OnceLock;

use hocba_core::pki::{CertInfo, TrustStore};
use hocba_core::qr::codec::encode_text;
use hocba_core::qr::{base45, verify_stub, QrClaims, QrVerifyInputs, PREFIX};
use hocba_core::time::UnixTime;
use hocba_core::verify::VerifyPolicy;
use libfuzzer_sys::fuzz_target;

static STORE: OnceLock<(TrustStore, Vec<CertInfo>)> = OnceLock::new();

fn store() -> &'static (TrustStore, Vec<CertInfo>) {
    STORE.get_or_init(|| {
        let pki = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/pki");
        let mut s = TrustStore::new();
        for e in std::fs::read_dir(format!("{pki}/trust")).expect("trust dir") {
            let p = e.expect("entry").path();
            s.add_file(&p.display().to_string(), &std::fs::read(&p).expect("read"))
                .expect("certificate");
        }
        let seals = ["seal", "seal-p256"]
            .iter()
            .flat_map(|n| {
                CertInfo::load_many(&std::fs::read(format!("{pki}/certs/{n}.pem")).expect("seal"))
                    .expect("certificate")
            })
            .collect();
        (s.finish().expect("anchors"), seals)
    })
}

fuzz_target!(|data: &[u8]| {
    let (store, seals) = store();
    let policy = VerifyPolicy::default();
    let inputs = QrVerifyInputs {
        store,
        certificates: seals,
        crls: &[],
        status_list: None,
        now: UnixTime(1_752_105_600),
        policy: &policy,
        record: None,
    };
    let text = match data.split_first() {
        Some((1, rest)) => format!("{PREFIX}{}", base45::encode(rest)),
        Some((2, rest)) => encode_text(rest).0,
        Some((3, rest)) => {
            let _ = QrClaims::from_cbor(rest);
            return;
        }
        Some((_, rest)) => String::from_utf8_lossy(rest).into_owned(),
        None => String::new(),
    };
    let report = verify_stub(&text, &inputs);
    let _ = report.to_json(hocba_core::Lang::Vi);
});

//! The whole verifier on arbitrary envelopes, with the test PKI's trust store: no panic.
//! The first byte picks a mutation: raw bytes as the envelope, or a valid envelope whose first
//! signature's CMS is replaced by the remaining bytes.
#![no_main]

use std::sync::OnceLock;

use base64::Engine as _;
use hocba_core::pki::TrustStore;
use hocba_core::time::UnixTime;
use hocba_core::verify::{verify, VerifyInputs, VerifyPolicy};
use libfuzzer_sys::fuzz_target;

static STORE: OnceLock<TrustStore> = OnceLock::new();
static BASE: OnceLock<serde_json::Value> = OnceLock::new();

fn store() -> &'static TrustStore {
    STORE.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/pki/trust");
        let mut s = TrustStore::new();
        for e in std::fs::read_dir(dir).expect("trust dir") {
            let p = e.expect("entry").path();
            s.add_file(&p.display().to_string(), &std::fs::read(&p).expect("read"))
                .expect("certificate");
        }
        s.finish().expect("anchors")
    })
}

fn base() -> &'static serde_json::Value {
    BASE.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/vectors/verify/valid-full.json"
        );
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).expect("vector")).expect("json");
        v["input"]["envelope"].clone()
    })
}

fuzz_target!(|data: &[u8]| {
    let policy = VerifyPolicy::default();
    let inputs = VerifyInputs {
        store: store(),
        crls: &[],
        status_list: None,
        now: UnixTime(1_752_105_600),
        policy: &policy,
    };
    match data.split_first() {
        Some((0, rest)) => {
            let mut env = base().clone();
            env["signatures"][0]["cms"] = base64::engine::general_purpose::STANDARD
                .encode(rest)
                .into();
            let _ = verify(&serde_json::to_vec(&env).expect("json"), &inputs);
        }
        _ => {
            let _ = verify(data, &inputs);
        }
    }
});

//! Package verification on arbitrary manifests and NDJSON: no panic. The input is split at its first
//! 0xFF byte (never in UTF-8 text) into `manifest.json` and `records.ndjson`; the manifest signature is
//! absent, so every other check still runs.
#![no_main]

use std::sync::OnceLock;

use hocba_core::package::verify_package;
use hocba_core::pki::TrustStore;
use hocba_core::time::UnixTime;
use hocba_core::verify::{VerifyInputs, VerifyPolicy};
use libfuzzer_sys::fuzz_target;

static STORE: OnceLock<TrustStore> = OnceLock::new();

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

fuzz_target!(|data: &[u8]| {
    let (manifest, ndjson) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let policy = VerifyPolicy::default();
    let inputs = VerifyInputs {
        store: store(),
        crls: &[],
        status_list: None,
        now: UnixTime(1_752_105_600),
        policy: &policy,
    };
    let report = verify_package(manifest, Err("absent".into()), ndjson, &inputs);
    let _ = report.to_json(hocba_core::Lang::En);
});

//! Shared helpers of the verification tests: the test PKI and the shared vectors.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use hocba_core::pki::{CrlInfo, TrustStore};
use hocba_core::status::{parse_status_document, StatusDocument, StatusListError};
use hocba_core::time::UnixTime;
use hocba_core::verify::{verify, VerificationReport, VerifyInputs, VerifyPolicy};
use serde_json::Value;

/// `tests/` at the workspace root.
pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

/// A trust store from a directory of certificates.
pub fn trust(dir: &Path) -> TrustStore {
    let mut store = TrustStore::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("trust dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files {
        store
            .add_file(&f.display().to_string(), &fs::read(&f).expect("read"))
            .expect("certificate");
    }
    store.finish().expect("anchors")
}

/// The standard trust store of the test PKI.
pub fn pki_trust() -> TrustStore {
    trust(&tests_dir().join("pki/trust"))
}

/// Every CRL of the test PKI.
pub fn pki_crls() -> Vec<CrlInfo> {
    ["ca-public", "ca-gov", "root-national", "root-gov"]
        .iter()
        .map(|n| {
            CrlInfo::from_bytes(
                &fs::read(tests_dir().join(format!("pki/crl/{n}.crl.pem"))).expect("crl"),
            )
            .expect("CRL decodes")
        })
        .collect()
}

/// One shared vector.
pub struct Vector {
    pub id: String,
    pub envelope: Vec<u8>,
    pub store: TrustStore,
    pub crls: Vec<CrlInfo>,
    pub status: Option<Result<StatusDocument, StatusListError>>,
    pub now: UnixTime,
    pub expected: Value,
}

impl Vector {
    /// Verifies with the default policy.
    pub fn verify(&self) -> VerificationReport {
        let policy = VerifyPolicy::default();
        verify(
            &self.envelope,
            &VerifyInputs {
                store: &self.store,
                crls: &self.crls,
                status_list: self.status.as_ref(),
                now: self.now,
                policy: &policy,
            },
        )
    }
}

/// Reads `tests/vectors/verify/<id>.json`.
pub fn vector(id: &str) -> Vector {
    let path = tests_dir().join(format!("vectors/verify/{id}.json"));
    load_vector(&path)
}

/// Reads one vector file.
pub fn load_vector(path: &Path) -> Vector {
    let v: Value = serde_json::from_slice(&fs::read(path).expect("vector")).expect("vector JSON");
    let input = &v["input"];
    let envelope = match input.get("envelope_text") {
        Some(Value::String(t)) => t.as_bytes().to_vec(),
        _ => serde_json::to_vec(&input["envelope"]).expect("envelope"),
    };
    let crls = input["crls"]
        .as_array()
        .expect("crls")
        .iter()
        .map(|c| {
            CrlInfo::from_bytes(
                &fs::read(tests_dir().join(c.as_str().expect("path"))).expect("crl"),
            )
            .expect("crl")
        })
        .collect();
    let status = match &input["status_list"] {
        Value::Null => None,
        sl => Some(parse_status_document(
            &serde_json::to_vec(sl).expect("status"),
        )),
    };
    Vector {
        id: v["id"].as_str().expect("id").into(),
        envelope,
        store: trust(&tests_dir().join(input["trust"].as_str().expect("trust"))),
        crls,
        status,
        now: UnixTime::parse_rfc3339(input["now"].as_str().expect("now")).expect("time"),
        expected: v["expected"].clone(),
    }
}

/// (id, status, code) of every check of a report.
pub fn triples(report: &VerificationReport) -> Vec<(String, String, String)> {
    report
        .checks
        .iter()
        .map(|c| {
            let status = serde_json::to_value(c.status).expect("status");
            (
                c.id.clone(),
                status.as_str().expect("str").into(),
                c.code.clone(),
            )
        })
        .collect()
}

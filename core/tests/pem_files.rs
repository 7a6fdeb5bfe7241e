//! Certificates and CRLs as other tools write their files (D-108): the lax PEM reading gives the same
//! objects as the strict files of the test PKI. (The CLI test `trust_directories_in_other_tools_formats_…`
//! covers OpenSSL's own outputs: `-text` dumps, TRUSTED CERTIFICATE, PKCS #7 bundles.)
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use hocba_core::pki::{CertInfo, CrlInfo};

/// `pem` rewritten: explanatory text before and after, CRLF, the base64 rewrapped at `width`.
fn rewrap(pem: &str, width: usize) -> String {
    let label = pem.lines().next().unwrap().to_string();
    let end = pem
        .lines()
        .find(|l| l.starts_with("-----END"))
        .unwrap()
        .to_string();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let lines: Vec<String> = body
        .as_bytes()
        .chunks(width)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    format!(
        "Issuer: C = VN, O = hocba test\r\n    text as `openssl … -text` writes it\r\n{label}\r\n{}\r\n{end}\r\nafter\r\n",
        lines.join("\r\n")
    )
}

#[test]
fn certificates_read_the_same_from_lax_pem() {
    let pem = fs::read_to_string(common::tests_dir().join("pki/certs/gvcn.pem")).unwrap();
    let strict = CertInfo::load_many(pem.as_bytes()).unwrap();
    for width in [76, 20, 1000] {
        let lax = CertInfo::load_many(rewrap(&pem, width).as_bytes()).unwrap();
        assert_eq!(lax.len(), 1);
        assert_eq!(lax[0].fingerprint, strict[0].fingerprint, "{width}");
    }
}

#[test]
fn crls_read_the_same_from_lax_pem() {
    let pem = fs::read_to_string(common::tests_dir().join("pki/crl/ca-gov.crl.pem")).unwrap();
    let strict = CrlInfo::from_bytes(pem.as_bytes()).unwrap();
    let lax = CrlInfo::from_bytes(rewrap(&pem, 76).as_bytes()).unwrap();
    assert_eq!(lax.der, strict.der);
    // Two CRLs in one file, or another kind of block, are refused with the reason.
    let two = format!("{pem}{pem}");
    assert!(CrlInfo::from_bytes(two.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("2 PEM blocks"));
    let cert = fs::read(common::tests_dir().join("pki/certs/gvcn.pem")).unwrap();
    assert!(CrlInfo::from_bytes(&cert)
        .unwrap_err()
        .to_string()
        .contains("PEM label CERTIFICATE"));
}

#[test]
fn a_file_with_no_certificate_or_another_block_is_refused() {
    let crl = fs::read(common::tests_dir().join("pki/crl/ca-gov.crl.pem")).unwrap();
    let e = CertInfo::load_many(&crl).unwrap_err();
    assert_eq!(e.code(), "certificate_pem_malformed");
    assert!(e.to_string().contains("X509 CRL"), "{e}");
    let e = CertInfo::load_many(b"-----BEGIN CERTIFICATE-----\nAQID\n").unwrap_err();
    assert!(e.to_string().contains("no END line"), "{e}");
}

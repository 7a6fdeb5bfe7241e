//! The ESS attributes that bind a CMS signature to its signer's certificate (D-117): signing-certificate-v2
//! (hocba's own signatures) and signing-certificate v1 (SHA-1, written by some other tools), each checked
//! against the certificate the CMS embeds as the signer's.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::fs;

use hocba_core::pki::CertInfo;
use hocba_core::sign::{PrepareOptions, Role, SoftwareSigner};
use hocba_core::time::UnixTime;
use hocba_core::verify::cms::{read_cms, CmsFacts, EssAttribute, EssError};

fn pki(path: &str) -> Vec<u8> {
    fs::read(common::tests_dir().join("pki").join(path)).expect("pki file")
}

/// The class teacher's detached CMS over `content`, with v1 or v2.
fn signed(ess_v1: bool) -> CmsFacts {
    let signer =
        SoftwareSigner::from_pkcs8_pem(&String::from_utf8(pki("keys/gvcn.pem")).unwrap()).unwrap();
    let chain = CertInfo::load_many(&pki("chains/gvcn.pem")).unwrap();
    let cms = signer
        .sign_content(
            b"{\"format\":\"hocba.record/1\"}",
            Role::Gvcn,
            &chain,
            UnixTime::parse_rfc3339("2025-06-20T02:00:00Z").unwrap(),
            PrepareOptions {
                ess_v1,
                ..PrepareOptions::default()
            },
        )
        .unwrap();
    read_cms(&cms).unwrap()
}

#[test]
fn a_v1_attribute_binds_the_signer_by_sha1() {
    let facts = signed(true);
    let v1 = facts.signing_certificate_v1.clone().unwrap();
    assert!(facts.signing_certificate_v2.is_none());
    assert_eq!(v1.hash_algorithm, None);
    assert_eq!(v1.cert_hash.len(), 20, "SHA-1");
    assert_eq!(
        facts.check_signing_certificate(),
        Ok(EssAttribute::SigningCertificate)
    );

    // Another certificate's hash, or another serial under the same issuer: not the signer's.
    let mut other_hash = facts.clone();
    other_hash
        .signing_certificate_v1
        .as_mut()
        .unwrap()
        .cert_hash[0] ^= 1;
    assert_eq!(
        other_hash.check_signing_certificate(),
        Err(EssError::Mismatch)
    );
    let mut other_serial = facts.clone();
    let serial = &mut other_serial
        .signing_certificate_v1
        .as_mut()
        .unwrap()
        .issuer_serial
        .as_mut()
        .unwrap()
        .serial;
    *serial.last_mut().unwrap() ^= 1;
    assert_eq!(
        other_serial.check_signing_certificate(),
        Err(EssError::Mismatch)
    );

    // Neither attribute: missing, as before.
    let mut neither = facts;
    neither.signing_certificate_v1 = None;
    assert_eq!(neither.check_signing_certificate(), Err(EssError::Missing));
}

#[test]
fn with_both_attributes_each_must_name_the_signer() {
    let mut both = signed(false);
    assert_eq!(
        both.check_signing_certificate(),
        Ok(EssAttribute::SigningCertificateV2)
    );
    both.signing_certificate_v1 = signed(true).signing_certificate_v1;
    assert_eq!(
        both.check_signing_certificate(),
        Ok(EssAttribute::SigningCertificateV2)
    );
    // A v2 that holds does not excuse a v1 naming another certificate.
    both.signing_certificate_v1.as_mut().unwrap().cert_hash[19] ^= 1;
    assert_eq!(both.check_signing_certificate(), Err(EssError::Mismatch));
}

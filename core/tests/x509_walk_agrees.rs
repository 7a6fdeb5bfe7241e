//! The in-place reading of certificates and CRLs (decisions D-89) against `x509-cert`'s derived
//! decoders: the same fields for every certificate and CRL of the test PKI, and, for every one-byte
//! corruption of a certificate and a CRL, never a refusal where `x509-cert` accepts, and then the same
//! fields.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::PathBuf;

use der::{Decode, Encode};
use hocba_core::pki::{CertInfo, CrlInfo};
use hocba_core::time::UnixTime;
use x509_cert::crl::CertificateList;
use x509_cert::Certificate;

fn pem_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(common::tests_dir().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pem"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{dir}");
    files
}

fn unix(t: &x509_cert::time::Time) -> UnixTime {
    UnixTime::from_x509(t)
}

/// Every field hocba reads equals what `x509-cert` decodes. `x509-cert` normalises (it sorts the members
/// of an RDN, drops an explicit DEFAULT), while the walk keeps the bytes as they arrived: the byte fields
/// are compared only when the input is the canonical DER `x509-cert` would write.
fn assert_same_certificate(ours: &CertInfo, theirs: &Certificate, what: &str) {
    let tbs = &theirs.tbs_certificate;
    assert_eq!(ours.serial, tbs.serial_number.as_bytes(), "{what}: serial");
    assert_eq!(ours.not_before, unix(&tbs.validity.not_before), "{what}");
    assert_eq!(ours.not_after, unix(&tbs.validity.not_after), "{what}");
    if theirs.to_der().unwrap() == ours.der {
        assert_eq!(ours.subject_der, tbs.subject.to_der().unwrap(), "{what}");
        assert_eq!(ours.issuer_der, tbs.issuer.to_der().unwrap(), "{what}");
        assert_eq!(
            ours.spki_der,
            tbs.subject_public_key_info.to_der().unwrap(),
            "{what}"
        );
        assert_eq!(ours.tbs_der, tbs.to_der().unwrap(), "{what}");
    }
    assert_eq!(ours.has_extensions, tbs.extensions.is_some(), "{what}");
    let subject_values: Vec<&str> = ours.subject.values().collect();
    let rdn_count: usize = tbs.subject.0.iter().map(|rdn| rdn.0.len()).sum();
    assert_eq!(subject_values.len(), rdn_count, "{what}");
    let theirs_bc = tbs
        .get::<x509_cert::ext::pkix::BasicConstraints>()
        .ok()
        .flatten()
        .map(|(_, bc)| (bc.ca, bc.path_len_constraint));
    assert_eq!(ours.basic_constraints, theirs_bc, "{what}");
    let theirs_ski = tbs
        .get::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
        .ok()
        .flatten()
        .map(|(_, ski)| ski.0.as_bytes().to_vec());
    assert_eq!(ours.ski, theirs_ski, "{what}");
    let theirs_aki = tbs
        .get::<x509_cert::ext::pkix::AuthorityKeyIdentifier>()
        .ok()
        .flatten()
        .and_then(|(_, aki)| aki.key_identifier.map(|k| k.as_bytes().to_vec()));
    assert_eq!(ours.aki, theirs_aki, "{what}");
    let theirs_eku = tbs
        .get::<x509_cert::ext::pkix::ExtendedKeyUsage>()
        .ok()
        .flatten()
        .map(|(_, eku)| eku.0);
    assert_eq!(ours.ext_key_usage, theirs_eku, "{what}");
    // Name constraints are enforced only when read whole: where x509-cert cannot decode them, hocba
    // does not take them either (the CA is then unusable); where both do, the same extension.
    match tbs.get::<x509_cert::ext::pkix::NameConstraints>() {
        Ok(Some((_, nc))) => {
            if let Some(ours) = &ours.name_constraints {
                assert_eq!(ours, &nc.to_der().unwrap(), "{what}");
            } else {
                assert!(
                    !ours.unsupported_critical.is_empty(),
                    "{what}: constraints dropped"
                );
            }
        }
        _ => assert_eq!(ours.name_constraints, None, "{what}"),
    }
}

fn assert_same_crl(ours: &CrlInfo, theirs: &CertificateList, what: &str) {
    let tbs = &theirs.tbs_cert_list;
    if theirs.to_der().unwrap() == ours.der {
        assert_eq!(ours.issuer_der, tbs.issuer.to_der().unwrap(), "{what}");
    }
    assert_eq!(ours.this_update, unix(&tbs.this_update), "{what}");
    assert_eq!(
        ours.next_update,
        tbs.next_update.as_ref().map(unix),
        "{what}"
    );
    let theirs_revoked: Vec<(Vec<u8>, UnixTime)> = tbs
        .revoked_certificates
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            (
                r.serial_number.as_bytes().to_vec(),
                unix(&r.revocation_date),
            )
        })
        .collect();
    let ours_revoked: Vec<(Vec<u8>, UnixTime)> = ours
        .revoked
        .iter()
        .map(|r| (r.serial.clone(), r.date))
        .collect();
    // hocba keeps them sorted for lookups: the same entries, in serial order.
    let mut theirs_revoked = theirs_revoked;
    theirs_revoked.sort();
    assert_eq!(ours_revoked, theirs_revoked, "{what}");
}

#[test]
fn every_certificate_of_the_test_pki_reads_the_same() {
    let mut count = 0;
    for dir in [
        "pki/certs",
        "pki/chains",
        "pki/trust",
        "pki/name-constraints",
    ] {
        for path in pem_files(dir) {
            let bytes = fs::read(&path).unwrap();
            let ours = CertInfo::load_many(&bytes).unwrap();
            let theirs = Certificate::load_pem_chain(&bytes).unwrap();
            assert_eq!(ours.len(), theirs.len(), "{}", path.display());
            for (o, t) in ours.iter().zip(&theirs) {
                assert_same_certificate(o, t, &path.display().to_string());
                count += 1;
            }
        }
    }
    assert!(count > 40, "{count} certificates");
}

#[test]
fn every_crl_of_the_test_pki_reads_the_same() {
    for path in pem_files("pki/crl") {
        let bytes = fs::read(&path).unwrap();
        let ours = CrlInfo::from_bytes(&bytes).unwrap();
        let theirs = CertificateList::from_der(&ours.der).unwrap();
        assert_same_crl(&ours, &theirs, &path.display().to_string());
    }
}

/// One-byte corruptions: every position, three ways.
fn corruptions(der: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    (0..der.len()).flat_map(move |i| {
        [0x01_u8, 0x80, 0xff].into_iter().map(move |mask| {
            let mut m = der.to_vec();
            m[i] ^= mask;
            m
        })
    })
}

#[test]
fn corrupted_certificates_are_never_refused_where_x509_cert_accepts() {
    // An RSA leaf, a P-384 leaf, an Ed25519 leaf, a root, the TSA (critical extKeyUsage), a CA with name
    // constraints and a leaf with an alternative name.
    for name in [
        "certs/gvcn",
        "certs/gvcn-p384",
        "certs/ht-ed25519",
        "certs/root-gov",
        "certs/tsa",
        "name-constraints/ca",
        "name-constraints/gmail-san",
    ] {
        let pem = fs::read(common::tests_dir().join(format!("pki/{name}.pem"))).unwrap();
        let der = CertInfo::load_many(&pem).unwrap().remove(0).der;
        let (mut both, mut refused) = (0, 0);
        for m in corruptions(&der) {
            match (Certificate::from_der(&m), CertInfo::from_der(&m)) {
                (Ok(theirs), Ok(ours)) => {
                    both += 1;
                    assert_same_certificate(&ours, &theirs, name);
                }
                (Ok(_), Err(e)) => panic!("{name}: x509-cert accepts what the walk refuses: {e}"),
                (Err(_), _) => refused += 1,
            }
        }
        // The corruptions reach both outcomes (text bytes of names, key bits and signature bits are
        // accepted; tags and lengths are not).
        assert!(
            both > 100 && refused > 100,
            "{name}: {both} accepted, {refused} refused"
        );
    }
}

#[test]
fn corrupted_crls_are_never_refused_where_x509_cert_accepts() {
    let pem = fs::read(common::tests_dir().join("pki/crl/ca-gov.crl.pem")).unwrap();
    let der = CrlInfo::from_bytes(&pem).unwrap().der;
    let (mut both, mut refused) = (0, 0);
    for m in corruptions(&der) {
        match (CertificateList::from_der(&m), CrlInfo::from_bytes(&m)) {
            (Ok(theirs), Ok(ours)) => {
                both += 1;
                assert_same_crl(&ours, &theirs, "corrupted");
            }
            (Ok(_), Err(e)) => panic!("x509-cert accepts what the walk refuses: {e}"),
            (Err(_), _) => refused += 1,
        }
    }
    assert!(
        both > 50 && refused > 50,
        "{both} accepted, {refused} refused"
    );
}

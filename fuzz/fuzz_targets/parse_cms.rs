//! CMS, certificate (DER, lax PEM, PKCS #7 bundles), CRL and timestamp-token parsing on arbitrary bytes:
//! no panic, bounded work.
#![no_main]

use hocba_core::pki::name_constraints::check_names;
use hocba_core::pki::{CertInfo, CrlInfo};
use hocba_core::timestamp::token_from_reply;
use hocba_core::verify::cms::read_cms;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(facts) = read_cms(data) {
        let _ = facts.check_digest(b"content", hocba_core::sign::profile::oid::DATA);
        let _ = facts.check_algorithms();
        let _ = facts.check_signature();
        let _ = facts.check_signing_certificate();
    }
    if let Ok(cert) = CertInfo::from_der(data) {
        let _ = cert.verify_signed_by(&cert);
        let _ = cert.display_name();
        // Its own name constraints over its own names: both readers of the name checks on fuzzed bytes.
        let _ = check_names(&cert, &cert);
    }
    let _ = CertInfo::load_many(data);
    // The lax PEM reader, also on the bytes wrapped in boundaries (the fuzzer rarely finds them alone).
    let _ = hocba_core::pki::pem::blocks(data);
    let wrapped = [
        b"-----BEGIN CERTIFICATE-----\n".as_slice(),
        data,
        b"\n-----END CERTIFICATE-----",
    ]
    .concat();
    let _ = CertInfo::load_many(&wrapped);
    if let Ok(crl) = CrlInfo::from_bytes(data) {
        // Every entry is found again by the binary search, at its earliest date for its issuer (D-112,
        // D-115: an indirect CRL's entries name their own issuers).
        for entry in &crl.revoked {
            let issuer = crl.issuer_of(entry);
            let found = crl.entry_for(&entry.serial, issuer).map(|e| e.date);
            assert!(found.is_some_and(|date| date <= entry.date));
        }
    }
    let _ = token_from_reply(data);
});

//! The stub's COSE_Sign1 reader (`qr::cose`, minicbor, decisions D-93) against `coset`, which it
//! replaced: for the bundled stub and for COSE structures with every header parameter hocba reads or
//! skips, and for every one-byte change of each of them (all 256 values at every position), both
//! refuse the stub, or both read the same algorithm, key id, payload, signature and signed bytes. A stub
//! is refused as `decode_stub` refuses it: its COSE_Sign1 is unreadable, or it names critical
//! parameters, an algorithm other than ES256/PS256, a key id other than 8 bytes or no payload (coset
//! refuses numbers IANA has not registered — an algorithm, a `crit` label, a content format — anywhere in
//! the structure; hocba does not carry the registry, refuses such an algorithm in the protected header
//! at the algorithm check and uses nothing of the unprotected header, so those changes are counted, not
//! compared). The bytes hocba writes (protected header, COSE_Sign1, Sig_structure) are coset's.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

use ciborium::value::Value;
use coset::{iana, CborSerializable, CoseSign1, HeaderBuilder, TaggedCborSerializable};
use hocba_core::qr::cbor_limits;
use hocba_core::qr::codec::{inflate, COSE_LIMITS, HEADER_LIMITS, PREFIX};
use hocba_core::qr::cose;

mod cose_reference;
use cose_reference::{by_coset, by_hocba, usable};

fn bundled_stub() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/signed/valid.stub.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.trim().strip_prefix(PREFIX).unwrap();
    inflate(&hocba_core::qr::base45::decode(body.as_bytes()).unwrap()).unwrap()
}

/// COSE_Sign1 structures written by coset with the header parameters the reader checks or skips.
fn made_by_coset() -> Vec<Vec<u8>> {
    let sign1 = |protected: coset::Header, unprotected: coset::Header, tagged: bool| {
        let s = CoseSign1 {
            protected: coset::ProtectedHeader {
                original_data: None,
                header: protected,
            },
            unprotected,
            payload: Some(vec![0xa1, 0x01, 0x61, b'x']),
            signature: vec![7; 64],
        };
        if tagged {
            s.to_tagged_vec().unwrap()
        } else {
            s.to_vec().unwrap()
        }
    };
    vec![
        sign1(
            HeaderBuilder::new()
                .algorithm(iana::Algorithm::PS256)
                .key_id(vec![1, 2, 3, 4, 5, 6, 7, 8])
                .content_type("application/cbor".into())
                .build(),
            HeaderBuilder::new()
                .iv(vec![9, 9])
                .text_value("note".into(), Value::Text("x".into()))
                .build(),
            true,
        ),
        sign1(
            HeaderBuilder::new()
                .algorithm(iana::Algorithm::ES256)
                .partial_iv(vec![1])
                .build(),
            // `crit` is an array, one level too deep for the protected header's limits.
            HeaderBuilder::new()
                .add_critical(iana::HeaderParameter::Alg)
                .key_id(vec![4; 8])
                .content_format(iana::CoapContentFormat::Cbor)
                .build(),
            false,
        ),
        sign1(coset::Header::default(), coset::Header::default(), true),
    ]
}

#[test]
fn every_one_byte_change_is_read_alike() {
    let mut structures = vec![bundled_stub()];
    structures.extend(made_by_coset());
    let (mut both_read, mut both_refused, mut unregistered) = (0, 0, 0);
    let mut differ = Vec::new();
    let mut usable_originals = 0;
    for original in &structures {
        assert!(
            by_hocba(original).is_some(),
            "hocba refuses {original:02x?}: {:?}",
            cose::read_sign1(original, COSE_LIMITS, HEADER_LIMITS).err()
        );
        assert_eq!(Ok(by_hocba(original)), by_coset(original));
        usable_originals += usize::from(usable(by_hocba(original)).is_some());
        for i in 0..original.len() {
            for b in 0..=255u8 {
                let mut bytes = original.clone();
                bytes[i] = b;
                // As in `decode_stub`: the limits walk runs before either reader.
                if cbor_limits::check(&bytes, COSE_LIMITS).is_err() {
                    continue;
                }
                let Ok(c) = by_coset(&bytes) else {
                    unregistered += 1;
                    continue;
                };
                let (h, c) = (usable(by_hocba(&bytes)), usable(c));
                if h != c {
                    differ.push(format!(
                        "byte {i} := {b:#04x}: hocba reads {}, coset {}\n  {bytes:02x?}",
                        h.is_some(),
                        c.is_some()
                    ));
                }
                if h.is_some() {
                    both_read += 1;
                } else {
                    both_refused += 1;
                }
            }
        }
    }
    assert!(
        differ.is_empty(),
        "{} changes read differently:\n{}",
        differ.len(),
        differ[..differ.len().min(12)].join("\n")
    );
    println!(
        "{both_read} changes read alike, {both_refused} refused by both, {unregistered} with a \
         number IANA has not registered (coset refuses, hocba may read on)"
    );
    assert!(
        usable_originals >= 2,
        "{usable_originals} usable structures"
    );
    assert!(both_read > 1000 && both_refused > 1000);
}

#[test]
fn the_bytes_written_are_cosets() {
    let kid = [1, 2, 3, 4, 5, 6, 7, 8];
    let payload = [0xa1, 0x01, 0x61, b'x'];
    for (alg, id) in [(iana::Algorithm::ES256, -7), (iana::Algorithm::PS256, -37)] {
        let header = HeaderBuilder::new()
            .algorithm(alg)
            .key_id(kid.to_vec())
            .build();
        let protected = header.clone().to_vec().unwrap();
        assert_eq!(cose::protected_header(id, &kid), protected);
        let sign1 = CoseSign1 {
            protected: coset::ProtectedHeader {
                original_data: Some(protected.clone()),
                header,
            },
            unprotected: coset::Header::default(),
            payload: Some(payload.to_vec()),
            signature: vec![5; 64],
        };
        assert_eq!(
            cose::sig_structure(&protected, &payload),
            sign1.tbs_data(b"")
        );
        assert_eq!(
            cose::tagged_sign1(&protected, &payload, &[5; 64]),
            sign1.to_tagged_vec().unwrap()
        );
    }
}

/// The limits walk over a COSE_Sign1 does not look inside byte strings, so every protected header —
/// the stub's and a counter signature's — is held to the header limits before it is decoded: a deep one
/// is refused at once, not read recursively.
#[test]
fn a_counter_signatures_protected_header_is_held_to_the_header_limits() {
    let with_counter_signature_header = |header: &[u8]| {
        // [h'', {7: [h'<header>', {}, h'']}, h'', h'']
        let mut b = vec![0x84, 0x40, 0xa1, 0x07, 0x83, 0x59];
        b.extend_from_slice(&u16::try_from(header.len()).unwrap().to_be_bytes());
        b.extend_from_slice(header);
        b.extend_from_slice(&[0xa0, 0x40, 0x40, 0x40]);
        b
    };
    // {1: -7} passes; {99: [[…[0]…]]}, 1,000 arrays deep, is refused by the limits, not decoded.
    let flat = with_counter_signature_header(&[0xa1, 0x01, 0x26]);
    assert!(cose::read_sign1(&flat, COSE_LIMITS, HEADER_LIMITS).is_ok());
    let mut deep = vec![0xa1, 0x18, 99];
    deep.extend(std::iter::repeat_n(0x81, 1000));
    deep.push(0x00);
    let deep = with_counter_signature_header(&deep);
    assert!(matches!(
        cose::read_sign1(&deep, COSE_LIMITS, HEADER_LIMITS),
        Err(cose::Sign1Error::Limits(
            cbor_limits::CborLimitError::TooDeep(_)
        ))
    ));
}

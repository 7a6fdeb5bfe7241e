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
use coset::{
    iana, AsCborValue, CborSerializable, CoseSign1, HeaderBuilder, TaggedCborSerializable,
};
use hocba_core::qr::cbor_limits;
use hocba_core::qr::codec::{inflate, COSE_LIMITS, HEADER_LIMITS, PREFIX};
use hocba_core::qr::cose::{self, Label};

/// What the judgement of a stub uses from its COSE_Sign1.
#[derive(Debug, PartialEq, Eq)]
struct Read {
    alg: Option<Label>,
    critical: bool,
    kid: Vec<u8>,
    payload: Option<Vec<u8>>,
    signature: Vec<u8>,
    to_be_signed: Vec<u8>,
}

/// Where coset refuses a number IANA has not registered (an algorithm, a `crit` label, a content
/// format): hocba does not carry the registry and may read on. `Err(())` marks those.
fn by_coset_or_unregistered(bytes: &[u8]) -> Result<Option<Read>, ()> {
    if let Ok(value) = ciborium::de::from_reader::<Value, _>(bytes) {
        let value = match value {
            Value::Tag(18, inner) => *inner,
            other => other,
        };
        if matches!(
            CoseSign1::from_cbor_value(value),
            Err(coset::CoseError::UnregisteredIanaValue
                | coset::CoseError::UnregisteredIanaNonPrivateValue)
        ) {
            return Err(());
        }
    }
    Ok(by_coset(bytes))
}

fn by_coset(bytes: &[u8]) -> Option<Read> {
    let value: Value = ciborium::de::from_reader(bytes).ok()?;
    let value = match value {
        Value::Tag(18, inner) => *inner,
        Value::Tag(..) => return None,
        other => other,
    };
    if let Value::Array(items) = &value {
        if let Some(Value::Bytes(protected)) = items.first() {
            if !protected.is_empty() {
                cbor_limits::check(protected, HEADER_LIMITS).ok()?;
            }
        }
    }
    let s = CoseSign1::from_cbor_value(value).ok()?;
    let h = &s.protected.header;
    let alg = h.alg.as_ref().map(|a| match a {
        coset::RegisteredLabelWithPrivate::Assigned(x) => Label::Int(*x as i64),
        coset::RegisteredLabelWithPrivate::PrivateUse(i) => Label::Int(*i),
        coset::RegisteredLabelWithPrivate::Text(t) => Label::Text(t.clone()),
    });
    Some(Read {
        alg,
        critical: !h.crit.is_empty(),
        kid: h.key_id.clone(),
        payload: s.payload.clone(),
        signature: s.signature.clone(),
        to_be_signed: s.tbs_data(b""),
    })
}

fn by_hocba(bytes: &[u8]) -> Option<Read> {
    let s = cose::read_sign1(bytes, COSE_LIMITS, HEADER_LIMITS).ok()?;
    Some(Read {
        alg: s.protected.alg.clone(),
        critical: s.protected.critical,
        kid: s.protected.kid.clone(),
        payload: s.payload.map(<[u8]>::to_vec),
        signature: s.signature.to_vec(),
        to_be_signed: s.to_be_signed(),
    })
}

/// What `decode_stub` goes on with.
fn usable(r: Option<Read>) -> Option<Read> {
    r.filter(|r| {
        matches!(r.alg, Some(Label::Int(-7 | -37)))
            && !r.critical
            && r.kid.len() == 8
            && r.payload.is_some()
    })
}

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
        assert_eq!(by_hocba(original), by_coset(original));
        usable_originals += usize::from(usable(by_hocba(original)).is_some());
        for i in 0..original.len() {
            for b in 0..=255u8 {
                let mut bytes = original.clone();
                bytes[i] = b;
                // As in `decode_stub`: the limits walk runs before either reader.
                if cbor_limits::check(&bytes, COSE_LIMITS).is_err() {
                    continue;
                }
                let Ok(c) = by_coset_or_unregistered(&bytes) else {
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

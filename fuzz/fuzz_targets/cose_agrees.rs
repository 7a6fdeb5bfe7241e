//! Differential: the stub's COSE_Sign1 reader (`qr::cose`, minicbor, decisions D-93) against `coset` on
//! arbitrary bytes that pass the stub's CBOR limits (as `decode_stub` feeds it). A stub one of them
//! goes on with (ES256/PS256, no `crit`, an 8-byte key id, a payload) the other must go on with too,
//! having read the same algorithm, key id, payload, signature and signed bytes. Where coset refuses a
//! number IANA has not registered (an algorithm, a `crit` label, a content format), hocba, which does not
//! carry the registry, may read on.
#![no_main]

use ciborium::value::Value;
use coset::{AsCborValue, CoseError, CoseSign1};
use hocba_core::qr::cbor_limits;
use hocba_core::qr::codec::{COSE_LIMITS, HEADER_LIMITS};
use hocba_core::qr::cose;
use libfuzzer_sys::fuzz_target;

type Usable = (i64, Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>);

fn usable(alg: Option<i64>, critical: bool, kid: &[u8], payload: Option<&[u8]>) -> Option<i64> {
    let alg = alg.filter(|a| *a == -7 || *a == -37)?;
    (!critical && kid.len() == 8 && payload.is_some()).then_some(alg)
}

fn by_hocba(bytes: &[u8]) -> Option<Usable> {
    let s = cose::read_sign1(bytes, COSE_LIMITS, HEADER_LIMITS).ok()?;
    let alg = match s.protected.alg {
        Some(cose::Label::Int(a)) => Some(a),
        _ => None,
    };
    let alg = usable(alg, s.protected.critical, &s.protected.kid, s.payload)?;
    Some((
        alg,
        s.protected.kid.clone(),
        s.payload?.to_vec(),
        s.signature.to_vec(),
        s.to_be_signed(),
    ))
}

/// `None`: coset refused because of a number IANA has not registered.
fn by_coset(bytes: &[u8]) -> Option<Option<Usable>> {
    let Ok(value) = ciborium::de::from_reader::<Value, _>(bytes) else {
        return Some(None);
    };
    let value = match value {
        Value::Tag(18, inner) => *inner,
        Value::Tag(..) => return Some(None),
        other => other,
    };
    if let Value::Array(items) = &value {
        if let Some(Value::Bytes(protected)) = items.first() {
            if !protected.is_empty() && cbor_limits::check(protected, HEADER_LIMITS).is_err() {
                return Some(None);
            }
        }
    }
    let s = match CoseSign1::from_cbor_value(value) {
        Ok(s) => s,
        Err(CoseError::UnregisteredIanaValue | CoseError::UnregisteredIanaNonPrivateValue) => {
            return None
        }
        Err(_) => return Some(None),
    };
    let h = &s.protected.header;
    let alg = match h.alg.as_ref() {
        Some(coset::RegisteredLabelWithPrivate::Assigned(a)) => Some(*a as i64),
        Some(coset::RegisteredLabelWithPrivate::PrivateUse(a)) => Some(*a),
        _ => None,
    };
    let Some(alg) = usable(alg, !h.crit.is_empty(), &h.key_id, s.payload.as_deref()) else {
        return Some(None);
    };
    Some(Some((
        alg,
        h.key_id.clone(),
        s.payload.clone().unwrap_or_default(),
        s.signature.clone(),
        s.tbs_data(b""),
    )))
}

fuzz_target!(|data: &[u8]| {
    if cbor_limits::check(data, COSE_LIMITS).is_err() {
        return;
    }
    if let Some(by_coset) = by_coset(data) {
        assert_eq!(by_hocba(data), by_coset, "{data:02x?}");
    }
});

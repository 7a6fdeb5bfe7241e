//! The reference for hocba's COSE_Sign1 reader (`qr::cose`, decisions D-93): what `coset`, which it
//! replaced, reads of the same bytes, beside what hocba reads, both reduced to what the judgement of a
//! stub uses. Shared by `tests/qr_cose_agrees.rs` and the fuzz target `cose_agrees`.

use ciborium::value::Value;
use coset::{AsCborValue, CoseSign1};
use hocba_core::qr::cbor_limits;
use hocba_core::qr::codec::{COSE_LIMITS, HEADER_LIMITS};
use hocba_core::qr::cose::{self, Label};

/// What the judgement of a stub uses from its COSE_Sign1.
#[derive(Debug, PartialEq, Eq)]
pub struct Read {
    pub alg: Option<Label>,
    pub critical: bool,
    pub kid: Vec<u8>,
    pub payload: Option<Vec<u8>>,
    pub signature: Vec<u8>,
    pub to_be_signed: Vec<u8>,
}

/// What coset reads (`Ok(None)`: it refuses), as `decode_stub` used it: a tag other than 18 refused,
/// the protected header held to its limits first. `Err(())` where coset refuses a number IANA has not
/// registered (an algorithm, a `crit` label, a content format): hocba does not carry the registry and
/// may read on.
pub fn by_coset(bytes: &[u8]) -> Result<Option<Read>, ()> {
    let Ok(value) = ciborium::de::from_reader::<Value, _>(bytes) else {
        return Ok(None);
    };
    let value = match value {
        Value::Tag(18, inner) => *inner,
        Value::Tag(..) => return Ok(None),
        other => other,
    };
    if let Value::Array(items) = &value {
        if let Some(Value::Bytes(protected)) = items.first() {
            if !protected.is_empty() && cbor_limits::check(protected, HEADER_LIMITS).is_err() {
                return Ok(None);
            }
        }
    }
    let s = match CoseSign1::from_cbor_value(value) {
        Ok(s) => s,
        Err(
            coset::CoseError::UnregisteredIanaValue
            | coset::CoseError::UnregisteredIanaNonPrivateValue,
        ) => return Err(()),
        Err(_) => return Ok(None),
    };
    if !counter_signatures_within(&s.protected.header) || !counter_signatures_within(&s.unprotected)
    {
        return Ok(None);
    }
    let h = &s.protected.header;
    let alg = h.alg.as_ref().map(|a| match a {
        coset::RegisteredLabelWithPrivate::Assigned(x) => Label::Int(*x as i64),
        coset::RegisteredLabelWithPrivate::PrivateUse(i) => Label::Int(*i),
        coset::RegisteredLabelWithPrivate::Text(t) => Label::Text(t.clone()),
    });
    Ok(Some(Read {
        alg,
        critical: !h.crit.is_empty(),
        kid: h.key_id.clone(),
        payload: s.payload.clone(),
        signature: s.signature.clone(),
        to_be_signed: s.tbs_data(b""),
    }))
}

/// coset does not hold a counter signature's protected header to limits; hocba holds it to the stub's
/// protected-header limits, as it holds the stub's own, so the reference does too.
fn counter_signatures_within(h: &coset::Header) -> bool {
    h.counter_signatures.iter().all(|cs| {
        cs.protected
            .original_data
            .as_deref()
            .is_none_or(|b| b.is_empty() || cbor_limits::check(b, HEADER_LIMITS).is_ok())
            && counter_signatures_within(&cs.protected.header)
            && counter_signatures_within(&cs.unprotected)
    })
}

/// What hocba reads (`None`: it refuses).
pub fn by_hocba(bytes: &[u8]) -> Option<Read> {
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

/// What `decode_stub` goes on with: ES256 or PS256, no `crit`, an 8-byte key id, a payload.
pub fn usable(r: Option<Read>) -> Option<Read> {
    r.filter(|r| {
        matches!(r.alg, Some(Label::Int(-7 | -37)))
            && !r.critical
            && r.kid.len() == 8
            && r.payload.is_some()
    })
}

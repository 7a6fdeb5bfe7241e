//! The stub's COSE_Sign1 (RFC 9052 §4.2), read and written with `minicbor` (decisions D-93).
//!
//! A stub is `18([protected: bstr .cbor header_map, unprotected: header_map, payload: bstr,
//! signature: bstr])`; the signature covers the Sig_structure `["Signature1", protected, h'', payload]`.
//! hocba writes `{1: alg, 4: kid}` as the protected header and an empty unprotected one. The reader
//! checks every header map as COSE requires (labels are integers or texts and unique; `alg`, `crit`,
//! `content type`, `kid`, `IV`, `Partial IV` and counter signatures have their types; IV and Partial
//! IV not both) and keeps what the stub's judgement needs; every protected header is held to the header
//! limits before it is decoded. A stub it refuses is one `coset` refuses, and the other way round, but
//! for numbers IANA has not registered, which coset refuses wherever they stand and hocba, without the
//! registry, refuses only as the stub's algorithm (`core/tests/qr_cose_agrees.rs`, D-93). The bytes
//! written are those `coset` wrote.

use alloc::string::String;
use alloc::vec::Vec;

use minicbor::data::Type;
use minicbor::{Decoder, Encoder};

use super::cbor_limits::{self, CborLimitError, CborLimits};

/// COSE_Sign1's tag.
const TAG_SIGN1: u64 = 18;

const ALG: i64 = 1;
const CRIT: i64 = 2;
const CONTENT_TYPE: i64 = 3;
const KID: i64 = 4;
const IV: i64 = 5;
const PARTIAL_IV: i64 = 6;
const COUNTER_SIGNATURE: i64 = 7;

/// A header parameter's label or an algorithm: an integer or a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// An integer (every registered label and algorithm).
    Int(i64),
    /// A text.
    Text(String),
}

/// What the reader keeps of the protected header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// `alg`.
    pub alg: Option<Label>,
    /// Whether `crit` names parameters (hocba processes none, so any is a refusal).
    pub critical: bool,
    /// `kid`.
    pub kid: Vec<u8>,
}

/// A COSE_Sign1 as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sign1<'a> {
    /// The protected header's bytes, as signed.
    pub protected_bytes: &'a [u8],
    /// The protected header.
    pub protected: Header,
    /// The payload (`None`: detached).
    pub payload: Option<&'a [u8]>,
    /// The signature.
    pub signature: &'a [u8],
}

impl Sign1<'_> {
    /// The bytes the signature covers (no external data).
    #[must_use]
    pub fn to_be_signed(&self) -> Vec<u8> {
        sig_structure(self.protected_bytes, self.payload.unwrap_or_default())
    }
}

fn malformed(_: minicbor::decode::Error) -> Sign1Error {
    cose("DecodeFailed")
}

/// A refusal in coset's terms.
fn cose(detail: impl Into<String>) -> Sign1Error {
    Sign1Error::Cose(detail.into())
}

/// A byte string.
fn bstr<'b>(d: &mut Decoder<'b>) -> Result<&'b [u8], Sign1Error> {
    match d.datatype().map_err(malformed)? {
        Type::Bytes => d.bytes().map_err(malformed),
        other => Err(cose(alloc::format!("UnexpectedItem({other}, bstr)"))),
    }
}

/// Whether the next item is an integer (major type 0 or 1).
pub(crate) fn is_integer(d: &Decoder<'_>) -> bool {
    matches!(
        d.datatype(),
        Ok(Type::U8
            | Type::U16
            | Type::U32
            | Type::U64
            | Type::I8
            | Type::I16
            | Type::I32
            | Type::I64
            | Type::Int)
    )
}

fn label(d: &mut Decoder<'_>) -> Result<Label, Sign1Error> {
    if is_integer(d) {
        let i = d.int().map_err(malformed)?;
        return i64::try_from(i)
            .map(Label::Int)
            .map_err(|_| cose("OutOfRangeIntegerValue"));
    }
    match d.datatype().map_err(malformed)? {
        Type::String => d.str().map(|s| Label::Text(s.into())).map_err(malformed),
        other => Err(cose(alloc::format!("UnexpectedItem({other}, int/tstr)"))),
    }
}

fn nonempty_bytes(d: &mut Decoder<'_>) -> Result<Vec<u8>, Sign1Error> {
    match bstr(d)? {
        [] => Err(cose("UnexpectedItem(empty bstr, non-empty bstr)")),
        b => Ok(b.to_vec()),
    }
}

/// A header map: every parameter's type checked, what the stub needs kept. A protected header inside a
/// counter signature is held to `header_limits` as the stub's own is.
fn header(d: &mut Decoder<'_>, header_limits: CborLimits) -> Result<Header, Sign1Error> {
    let entries = match d.datatype().map_err(malformed)? {
        Type::Map => d.map().map_err(malformed)?.unwrap_or(0),
        other => return Err(cose(alloc::format!("UnexpectedItem({other}, map)"))),
    };
    let mut h = Header::default();
    let mut seen: Vec<Label> = Vec::new();
    let (mut iv, mut partial_iv) = (false, false);
    for _ in 0..entries {
        let l = label(d)?;
        if seen.contains(&l) {
            return Err(cose("DuplicateMapKey"));
        }
        seen.push(l.clone());
        match l {
            Label::Int(ALG) => h.alg = Some(label(d)?),
            Label::Int(CRIT) => {
                let n = array_len(d, "array value")?;
                if n == 0 {
                    return Err(cose("UnexpectedItem(empty array, non-empty array)"));
                }
                for _ in 0..n {
                    label(d)?;
                }
                h.critical = true;
            }
            Label::Int(CONTENT_TYPE) => content_type(d)?,
            Label::Int(KID) => h.kid = nonempty_bytes(d)?,
            Label::Int(IV) => iv = !nonempty_bytes(d)?.is_empty(),
            Label::Int(PARTIAL_IV) => partial_iv = !nonempty_bytes(d)?.is_empty(),
            Label::Int(COUNTER_SIGNATURE) => counter_signatures(d, header_limits)?,
            _ => skip_value(d)?,
        }
        if iv && partial_iv {
            return Err(cose(
                "UnexpectedItem(IV and partial-IV specified, only one of IV and partial IV)",
            ));
        }
    }
    Ok(h)
}

/// Passes over a parameter hocba does not use. Like coset (whose CBOR values cannot hold them), it
/// refuses simple values other than `false`, `true`, `null` and `undefined`; the limits walk has already
/// bounded the nesting.
fn skip_value(d: &mut Decoder<'_>) -> Result<(), Sign1Error> {
    match d.datatype().map_err(malformed)? {
        Type::Simple => Err(cose("DecodeFailed")),
        Type::Array => {
            for _ in 0..array_len(d, "array")? {
                skip_value(d)?;
            }
            Ok(())
        }
        Type::Map => {
            for _ in 0..d.map().map_err(malformed)?.unwrap_or(0) {
                skip_value(d)?;
                skip_value(d)?;
            }
            Ok(())
        }
        Type::Tag => {
            d.tag().map_err(malformed)?;
            skip_value(d)
        }
        _ => d.skip().map_err(malformed),
    }
}

fn array_len(d: &mut Decoder<'_>, what: &str) -> Result<u64, Sign1Error> {
    match d.datatype().map_err(malformed)? {
        Type::Array => Ok(d.array().map_err(malformed)?.unwrap_or(0)),
        other => Err(cose(alloc::format!("UnexpectedItem({other}, {what})"))),
    }
}

/// `counter signature` (RFC 9338): one COSE_Signature, or a non-empty array of them.
fn counter_signatures(d: &mut Decoder<'_>, header_limits: CborLimits) -> Result<(), Sign1Error> {
    let n = array_len(d, "array")?;
    if n == 0 {
        return Err(cose("UnexpectedItem(empty sig array, non-empty sig array)"));
    }
    match d.datatype().map_err(malformed)? {
        Type::Bytes => cose_signature_items(d, n, header_limits),
        Type::Array => {
            for _ in 0..n {
                let items = array_len(d, "array")?;
                cose_signature_items(d, items, header_limits)?;
            }
            Ok(())
        }
        other => Err(cose(alloc::format!(
            "UnexpectedItem({other}, array or bstr value)"
        ))),
    }
}

/// The items of a COSE_Signature: `[protected: bstr .cbor header_map, unprotected: header_map,
/// signature: bstr]`.
fn cose_signature_items(
    d: &mut Decoder<'_>,
    items: u64,
    header_limits: CborLimits,
) -> Result<(), Sign1Error> {
    if items != 3 {
        return Err(cose("UnexpectedItem(array, array with 3 items)"));
    }
    read_protected(d, header_limits)?;
    header(d, header_limits)?;
    bstr(d).map(|_| ())
}

/// A protected header: a byte string holding a header map, or empty. Its bytes are held to
/// `header_limits` before they are decoded: the limits walk over the whole structure does not look
/// inside byte strings.
fn read_protected<'b>(
    d: &mut Decoder<'b>,
    header_limits: CborLimits,
) -> Result<(&'b [u8], Header), Sign1Error> {
    let bytes = bstr(d)?;
    if bytes.is_empty() {
        return Ok((bytes, Header::default()));
    }
    cbor_limits::check(bytes, header_limits).map_err(Sign1Error::Limits)?;
    let mut p = Decoder::new(bytes);
    let h = header(&mut p, header_limits)?;
    if p.position() != bytes.len() {
        return Err(cose("ExtraneousData"));
    }
    Ok((bytes, h))
}

/// `content type`: an unsigned integer below 2^16, or a `type/subtype` text without outer blanks.
fn content_type(d: &mut Decoder<'_>) -> Result<(), Sign1Error> {
    match d.datatype().map_err(malformed)? {
        Type::U8 | Type::U16 => d.u16().map(|_| ()).map_err(malformed),
        Type::String => {
            let t = d.str().map_err(malformed)?;
            if t.is_empty() || t.trim() != t || t.matches('/').count() != 1 {
                Err(cose("UnexpectedItem(content type text, type/subtype)"))
            } else {
                Ok(())
            }
        }
        other => Err(cose(alloc::format!("UnexpectedItem({other}, uint/tstr)"))),
    }
}

/// Why a COSE_Sign1 is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sign1Error {
    /// The bytes, or the protected header's, exceed their limits (checked before they are decoded).
    Limits(CborLimitError),
    /// What is wrong, in `coset`'s terms.
    Cose(String),
}

/// Reads a COSE_Sign1, tagged (18) or not, that fills `bytes` exactly. The bytes are held to `limits`
/// and the protected header's to `header_limits` before they are decoded, so the reading (which
/// recurses into header values) is bounded.
///
/// # Errors
/// [`Sign1Error`].
pub fn read_sign1(
    bytes: &[u8],
    limits: CborLimits,
    header_limits: CborLimits,
) -> Result<Sign1<'_>, Sign1Error> {
    cbor_limits::check(bytes, limits).map_err(Sign1Error::Limits)?;
    let mut d = Decoder::new(bytes);
    if d.datatype().map_err(malformed)? == Type::Tag
        && d.tag().map_err(malformed)?.as_u64() != TAG_SIGN1
    {
        return Err(cose("a tag other than COSE_Sign1 (18)"));
    }
    if array_len(&mut d, "array")? != 4 {
        return Err(cose("UnexpectedItem(array, array with 4 items)"));
    }
    let (protected_bytes, protected) = read_protected(&mut d, header_limits)?;
    header(&mut d, header_limits)?; // the unprotected header: checked, nothing of it is used
    let payload = match d.datatype().map_err(malformed)? {
        Type::Bytes => Some(d.bytes().map_err(malformed)?),
        Type::Null => {
            d.null().map_err(malformed)?;
            None
        }
        other => return Err(cose(alloc::format!("UnexpectedItem({other}, bstr or nil)"))),
    };
    let signature = bstr(&mut d)?;
    if d.position() != bytes.len() {
        return Err(cose("ExtraneousData"));
    }
    Ok(Sign1 {
        protected_bytes,
        protected,
        payload,
        signature,
    })
}

/// Writing into a `Vec` cannot fail; `minicbor` still returns a `Result`.
fn written(e: Encoder<Vec<u8>>) -> Vec<u8> {
    e.into_writer()
}

/// The Sig_structure of a COSE_Sign1 without external data.
#[must_use]
pub fn sig_structure(protected_bytes: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    let _ = e
        .array(4)
        .and_then(|e| e.str("Signature1"))
        .and_then(|e| e.bytes(protected_bytes))
        .and_then(|e| e.bytes(b""))
        .and_then(|e| e.bytes(payload));
    written(e)
}

/// hocba's protected header: `{1: alg, 4: kid}`.
#[must_use]
pub fn protected_header(alg: i64, kid: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    let _ = e
        .map(2)
        .and_then(|e| e.i64(ALG))
        .and_then(|e| e.i64(alg))
        .and_then(|e| e.i64(KID))
        .and_then(|e| e.bytes(kid));
    written(e)
}

/// The tagged COSE_Sign1 with an empty unprotected header.
#[must_use]
pub fn tagged_sign1(protected_bytes: &[u8], payload: &[u8], signature: &[u8]) -> Vec<u8> {
    let mut e = Encoder::new(Vec::new());
    let _ = e
        .tag(minicbor::data::Tag::new(TAG_SIGN1))
        .and_then(|e| e.array(4))
        .and_then(|e| e.bytes(protected_bytes))
        .and_then(|e| e.map(0))
        .and_then(|e| e.bytes(payload))
        .and_then(|e| e.bytes(signature));
    written(e)
}

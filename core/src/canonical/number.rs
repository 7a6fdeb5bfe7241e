//! Numbers as ECMAScript writes them (`Number.prototype.toString`, ECMA-262 §6.1.6.1.20), which RFC 8785
//! §3.2.2.3 makes the canonical form of every JSON number.
//!
//! The shortest digits that round-trip, nearest to the value, ties to even — the digit string ECMAScript
//! requires — come from `zmij` (Schubfach; already serde_json's float writer). `core::fmt`'s `{:e}` is
//! shortest too but breaks ties upwards (1424953923781206.25 → …206.3, RFC 8785 Appendix B wants …206.2).
//! This module only places the decimal point and the exponent the way ECMAScript does. No allocation, no
//! float arithmetic of our own.

use alloc::vec::Vec;

/// Up to 2^53 every integer is a double exactly, and its canonical text is its decimal text.
pub const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// A JSON number that has no canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// An integer beyond 2^53 that no double holds: RFC 8785 reads numbers as doubles, so its canonical
    /// text would name another number (9007199254740993 → 9007199254740992). Refused rather than changed
    /// (I-JSON, RFC 7493 §2.2). Integers beyond 2^53 that are doubles exactly, written as ECMAScript writes
    /// them (`292444603198775940`), are kept: canonical text is always canonical again.
    OutOfRange,
    /// NaN or an infinity (cannot come from JSON text, only from a value built in code).
    NotFinite,
}

/// Writes a JSON number in its canonical form.
///
/// # Errors
/// [`NumberProblem`] when the number has no canonical form.
pub fn write_number(n: &serde_json::Number, out: &mut Vec<u8>) -> Result<(), NumberProblem> {
    let integer = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => Some((u, false)),
        (None, Some(i)) => Some((i.unsigned_abs(), i < 0)),
        (None, None) => None,
    };
    if let Some((magnitude, negative)) = integer {
        if magnitude <= MAX_EXACT_INTEGER {
            write_integer(magnitude, negative, out);
            return Ok(());
        }
        // As a double (nearest, ties to even), then as ECMAScript writes it: kept only if that is the
        // same text, so the value never changes.
        #[allow(clippy::cast_precision_loss)] // the loss is what is checked here
        let double = magnitude as f64;
        let start = out.len();
        if negative {
            out.push(b'-');
        }
        write_integer(magnitude, false, out);
        let decimal_end = out.len();
        write_f64(double, out)?;
        let (decimal, canonical) = out[start..].split_at(decimal_end - start);
        let same = decimal.strip_prefix(b"-").unwrap_or(decimal) == canonical;
        out.truncate(decimal_end);
        return if same {
            Ok(())
        } else {
            out.truncate(start);
            Err(NumberProblem::OutOfRange)
        };
    }
    write_f64(n.as_f64().unwrap_or(f64::NAN), out)
}

fn write_integer(magnitude: u64, negative: bool, out: &mut Vec<u8>) {
    if negative && magnitude != 0 {
        out.push(b'-');
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = magnitude;
    loop {
        i -= 1;
        // m % 10 < 10 always fits a digit.
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Writes a double as ECMAScript's `Number.prototype.toString` does.
///
/// # Errors
/// [`NumberProblem::NotFinite`] for NaN and infinities.
pub fn write_f64(value: f64, out: &mut Vec<u8>) -> Result<(), NumberProblem> {
    if !value.is_finite() {
        return Err(NumberProblem::NotFinite);
    }
    if value == 0.0 {
        // Both +0 and -0 are "0" (ECMA-262 step 2).
        out.push(b'0');
        return Ok(());
    }
    if value < 0.0 {
        out.push(b'-');
    }
    let mut buffer = zmij::Buffer::new();
    let written = buffer.format_finite(value.abs()).as_bytes();
    let (digit_buf, k, n) = decompose(written).ok_or(NumberProblem::NotFinite)?;
    let digits = &digit_buf[..k];
    // ECMA-262 §6.1.6.1.20: value = s × 10^(n−k), s of k digits.
    let k = i32::try_from(k).map_err(|_| NumberProblem::NotFinite)?;
    if k <= n && n <= 21 {
        out.extend_from_slice(digits);
        out.extend(core::iter::repeat_n(b'0', (n - k).unsigned_abs() as usize));
    } else if 0 < n && n <= 21 {
        let split = n.unsigned_abs() as usize;
        out.extend_from_slice(&digits[..split]);
        out.push(b'.');
        out.extend_from_slice(&digits[split..]);
    } else if -6 < n && n <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(core::iter::repeat_n(b'0', n.unsigned_abs() as usize));
        out.extend_from_slice(digits);
    } else {
        out.push(digits[0]);
        if k > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        let e = n - 1;
        out.push(if e < 0 { b'-' } else { b'+' });
        write_integer(u64::from(e.unsigned_abs()), false, out);
    }
    Ok(())
}

/// The significant digits (no leading or trailing zero), their count `k`, and `n` such that the value is
/// `0.d₁d₂…d_k × 10^n`, from a positive number written `123.45`, `1.2345e+2`, `5e-324` or `1e30`.
fn decompose(text: &[u8]) -> Option<([u8; 24], usize, i32)> {
    let (mantissa, exponent) = match text.iter().position(|&b| b == b'e' || b == b'E') {
        Some(at) => (&text[..at], parse_exponent(&text[at + 1..])?),
        None => (text, 0),
    };
    let point = mantissa
        .iter()
        .position(|&b| b == b'.')
        .unwrap_or(mantissa.len());
    let mut digits = [0u8; 24];
    let mut k = 0usize;
    // Position of the decimal point relative to the first kept digit.
    let mut n = i32::try_from(point).ok()?;
    for &b in mantissa.iter().filter(|&&b| b != b'.') {
        if !b.is_ascii_digit() {
            return None;
        }
        if k == 0 && b == b'0' {
            n -= 1;
            continue;
        }
        *digits.get_mut(k)? = b;
        k += 1;
    }
    while k > 1 && digits[k - 1] == b'0' {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    Some((digits, k, n + exponent))
}

fn parse_exponent(text: &[u8]) -> Option<i32> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let mut v: i32 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i32::from(d - b'0');
    }
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es(bits: u64) -> alloc::string::String {
        let mut out = Vec::new();
        match write_f64(f64::from_bits(bits), &mut out) {
            Ok(()) => alloc::string::String::from_utf8(out).unwrap_or_default(),
            Err(_) => "error".into(),
        }
    }

    #[test]
    fn ecmascript_placement() {
        assert_eq!(es(1.0f64.to_bits()), "1");
        assert_eq!(es(0.5f64.to_bits()), "0.5");
        assert_eq!(es(123.456f64.to_bits()), "123.456");
        assert_eq!(es(1e21f64.to_bits()), "1e+21");
        assert_eq!(es(1e20f64.to_bits()), "100000000000000000000");
        assert_eq!(es(1e-6f64.to_bits()), "0.000001");
        assert_eq!(es(1e-7f64.to_bits()), "1e-7");
        assert_eq!(es(1.5e-7f64.to_bits()), "1.5e-7");
        assert_eq!(es((-2.5f64).to_bits()), "-2.5");
        assert_eq!(es(f64::NAN.to_bits()), "error");
    }
}

//! SEC1 decoding and validation of P-256 and P-384 public keys, without the curves' arithmetic.
//!
//! Why this exists: the WebAssembly verification module leaves the public-key arithmetic to the browser
//! (WebCrypto), so the core's `verify` feature must not link RustCrypto's `p256`/`p384` `arithmetic`
//! (fiat-crypto field and scalar code, ≈120 KB of wasm), which only the feature `signature-arithmetic`
//! brings. Yet the key policy must judge a key identically in every build: the same keys accepted, the
//! same refused, with the same error. This module decodes exactly what
//! `p256::ecdsa::VerifyingKey::from_sec1_bytes` / `p384::ecdsa::VerifyingKey::from_sec1_bytes` decode
//! (sec1 `EncodedPoint::from_bytes`, then primeorder's `FromEncodedPoint`, then the identity refused):
//!
//! * tag `0x00` (identity, one byte): refused, a public key is never the identity;
//! * tag `0x04` (uncompressed, `1 + 2n` bytes): `x < p`, `y < p` and `y² = x³ − 3x + b`;
//! * tags `0x02`/`0x03` (compressed, `1 + n` bytes): `x < p` and `x³ − 3x + b` a square; `y` is the root
//!   whose parity the tag names (primeorder's selection, also when the root is 0);
//! * tag `0x05` (compact, `1 + n` bytes, as sec1 reads it): as compressed with even `y`, then the smaller
//!   of `y` and `p − y` (primeorder's `to_compact`);
//! * any other tag or length: refused.
//!
//! The field arithmetic is crypto-bigint's Montgomery residues (already a dependency of `elliptic-curve`).
//! Both primes are ≡ 3 (mod 4), so a square root of `α` is `α^((p+1)/4)`, checked by squaring it back.
//! Keys are public: nothing here needs to be constant-time. `core/tests/ec_point_agrees.rs` holds the
//! decoder to p256/p384 on edge cases and random inputs, outcome and error text alike.

use crypto_bigint::modular::constant_mod::{Residue, ResidueParams};
use crypto_bigint::{Limb, Uint, U256, U384};

use moduli::{P256Modulus, P384Modulus};

/// The field primes, as crypto-bigint's Montgomery parameters.
mod moduli {
    use crypto_bigint::{impl_modulus, U256, U384};

    impl_modulus!(
        P256Modulus,
        U256,
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"
    );
    impl_modulus!(
        P384Modulus,
        U384,
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"
    );
}

/// The coefficient `b` of P-256 (`y² = x³ − 3x + b`).
const P256_B: U256 =
    U256::from_be_hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
/// The coefficient `b` of P-384.
const P384_B: U384 = U384::from_be_hex(
    "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
);

/// A point refused by the SEC1 decoder. Its text is `signature::Error`'s, the error
/// `VerifyingKey::from_sec1_bytes` returns for every refusal, so that a refused key reads the same
/// (`malformed_key`, "malformed public key: signature error") with or without `signature-arithmetic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidPoint;

impl core::fmt::Display for InvalidPoint {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("signature error")
    }
}

/// A point of the curve other than the identity, as its uncompressed SEC1 encoding `0x04 ‖ x ‖ y`
/// (`LEN` = 1 + 2 × the field size): what AWS-LC and WebCrypto take.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EcPoint<const LEN: usize>([u8; LEN]);

/// A P-256 point (65 bytes uncompressed).
pub type P256Point = EcPoint<65>;
/// A P-384 point (97 bytes uncompressed).
pub type P384Point = EcPoint<97>;

impl<const LEN: usize> EcPoint<LEN> {
    /// The uncompressed SEC1 encoding `0x04 ‖ x ‖ y`.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The affine x coordinate, big-endian, the field's size.
    #[must_use]
    pub fn x(&self) -> &[u8] {
        &self.0[1..=LEN / 2]
    }

    /// The affine y coordinate, big-endian, the field's size.
    #[must_use]
    pub fn y(&self) -> &[u8] {
        &self.0[1 + LEN / 2..]
    }
}

impl<const LEN: usize> core::fmt::Debug for EcPoint<LEN> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("EcPoint(")?;
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

impl P256Point {
    /// Decodes a SEC1 point of P-256, accepting and refusing exactly what
    /// `p256::ecdsa::VerifyingKey::from_sec1_bytes` does (see the module's documentation).
    ///
    /// # Errors
    /// [`InvalidPoint`].
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, InvalidPoint> {
        decode::<P256Modulus, { U256::LIMBS }, 65>(bytes, &P256_B).map(EcPoint)
    }
}

impl P384Point {
    /// Decodes a SEC1 point of P-384, accepting and refusing exactly what
    /// `p384::ecdsa::VerifyingKey::from_sec1_bytes` does (see the module's documentation).
    ///
    /// # Errors
    /// [`InvalidPoint`].
    pub fn from_sec1_bytes(bytes: &[u8]) -> Result<Self, InvalidPoint> {
        decode::<P384Modulus, { U384::LIMBS }, 97>(bytes, &P384_B).map(EcPoint)
    }
}

/// SEC1 decoding on `y² = x³ − 3x + b` modulo `MOD` (a prime ≡ 3 mod 4 whose size in bytes is
/// `(LEN − 1) / 2`); the point is returned uncompressed.
fn decode<MOD, const LIMBS: usize, const LEN: usize>(
    bytes: &[u8],
    b: &Uint<LIMBS>,
) -> Result<[u8; LEN], InvalidPoint>
where
    MOD: ResidueParams<LIMBS>,
{
    let n = Uint::<LIMBS>::BYTES;
    debug_assert_eq!(LEN, 1 + 2 * n);
    let (&tag, rest) = bytes.split_first().ok_or(InvalidPoint)?;
    // sec1::Tag::from_u8 and Tag::message_len.
    let expected_len = match tag {
        0x00 => 1,
        0x02 | 0x03 | 0x05 => 1 + n,
        0x04 => 1 + 2 * n,
        _ => return Err(InvalidPoint),
    };
    if bytes.len() != expected_len {
        return Err(InvalidPoint);
    }
    let curve = Curve::<MOD, LIMBS>::new(b);
    let (x, y) = match tag {
        // The identity decodes (sec1), but is no public key (elliptic-curve's PublicKey).
        0x00 => return Err(InvalidPoint),
        0x04 => {
            let (x, y) = rest.split_at(n);
            let y = field_element::<MOD, LIMBS>(y)?;
            let x = field_element::<MOD, LIMBS>(x)?;
            if y.square() != curve.rhs(&x) {
                return Err(InvalidPoint);
            }
            (x, y)
        }
        0x02 | 0x03 => {
            let x = field_element::<MOD, LIMBS>(rest)?;
            let y = curve.decompress(&x, tag == 0x03)?;
            (x, y)
        }
        // 0x05, compact: the even root, then the smaller of y and −y.
        _ => {
            let x = field_element::<MOD, LIMBS>(rest)?;
            let y = curve.decompress(&x, false)?;
            let minus_y = -y;
            let y = if y.retrieve() > minus_y.retrieve() {
                minus_y
            } else {
                y
            };
            (x, y)
        }
    };
    let mut out = [0u8; LEN];
    out[0] = 0x04;
    write_be(&x.retrieve(), &mut out[1..=n]);
    write_be(&y.retrieve(), &mut out[1 + n..]);
    Ok(out)
}

/// A field element from `bytes` (big-endian, the field's size), refused when not below the prime
/// (primeorder's `FieldElement::from_repr`).
fn field_element<MOD, const LIMBS: usize>(bytes: &[u8]) -> Result<Residue<MOD, LIMBS>, InvalidPoint>
where
    MOD: ResidueParams<LIMBS>,
{
    let value = Uint::<LIMBS>::from_be_slice(bytes);
    if value >= MOD::MODULUS {
        return Err(InvalidPoint);
    }
    Ok(Residue::new(&value))
}

fn write_be<const LIMBS: usize>(value: &Uint<LIMBS>, out: &mut [u8]) {
    for (chunk, word) in out
        .chunks_exact_mut(Limb::BYTES)
        .zip(value.as_words().iter().rev())
    {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
}

struct Curve<MOD: ResidueParams<LIMBS>, const LIMBS: usize> {
    b: Residue<MOD, LIMBS>,
}

impl<MOD: ResidueParams<LIMBS>, const LIMBS: usize> Curve<MOD, LIMBS> {
    fn new(b: &Uint<LIMBS>) -> Self {
        Self { b: Residue::new(b) }
    }

    /// `x³ − 3x + b`.
    fn rhs(&self, x: &Residue<MOD, LIMBS>) -> Residue<MOD, LIMBS> {
        let three = Residue::<MOD, LIMBS>::new(&Uint::from_u8(3));
        x.square().mul(x) - three.mul(x) + self.b
    }

    /// The y of a compressed point (primeorder's `decompress`): a square root `β` of `x³ − 3x + b`, or
    /// none; `β` if its parity is the one asked for, else `−β` (also when `β` is 0).
    fn decompress(
        &self,
        x: &Residue<MOD, LIMBS>,
        y_is_odd: bool,
    ) -> Result<Residue<MOD, LIMBS>, InvalidPoint> {
        let alpha = self.rhs(x);
        // p ≡ 3 (mod 4): α^((p+1)/4) is a square root of α when α has one.
        let exponent = MOD::MODULUS.wrapping_add(&Uint::ONE).shr_vartime(2);
        let beta = alpha.pow(&exponent);
        if beta.square() != alpha {
            return Err(InvalidPoint);
        }
        let beta_is_odd = beta.retrieve().as_words()[0] & 1 == 1;
        Ok(if beta_is_odd == y_is_odd { beta } else { -beta })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is the test failing
mod tests {
    use super::*;
    use alloc::string::ToString;

    // The generator of P-256 (SEC 2), uncompressed.
    const G256: &str = "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

    fn unhex(s: &str) -> alloc::vec::Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn the_generator_round_trips_in_every_encoding() {
        let g = unhex(G256);
        let point = P256Point::from_sec1_bytes(&g).unwrap();
        assert_eq!(point.as_bytes(), &g[..]);
        // The generator's y is odd (…f5).
        let mut compressed = alloc::vec![0x03];
        compressed.extend_from_slice(point.x());
        assert_eq!(P256Point::from_sec1_bytes(&compressed), Ok(point.clone()));
        compressed[0] = 0x02;
        let other = P256Point::from_sec1_bytes(&compressed).unwrap();
        assert_eq!(other.x(), point.x());
        assert_ne!(other.y(), point.y());
        assert_eq!(P256Point::from_sec1_bytes(&[0]), Err(InvalidPoint));
        assert_eq!(InvalidPoint.to_string(), "signature error");
    }
}

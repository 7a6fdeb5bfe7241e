//! PEM as RFC 7468 §3 asks a parser to read it ("lax"), for certificates, CRLs and CMS files that come
//! from other tools (D-108).
//!
//! The strict reader (`pem-rfc7468`, what `der::pem` offers) takes only what a careful generator writes:
//! the file starts with the boundary, lines are 64 characters, nothing outside the block. Files met in
//! practice differ. `openssl x509 -text` puts the certificate's text dump before the block; Windows
//! writes CRLF; MIME tools wrap base64 at 76 columns; CA bundles put a comment before each block. Any of
//! these made a whole trust directory fail to load. Here:
//!
//! * text before, between and after blocks is ignored (RFC 7468 calls it explanatory text);
//! * the base64 may be wrapped at any width, with any whitespace, and its final padding may be left out;
//! * RFC 1421 header lines (`Proc-Type: …`) at the top of a block are skipped;
//! * each block's END label must equal its BEGIN label, and the base64 must decode.
//!
//! The number of blocks is limited ([`MAX_BLOCKS`]); the input is as large as the caller's read limit.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;

/// The most blocks one file may hold (a bundle of every CA in a country is a few hundred).
pub const MAX_BLOCKS: usize = 4096;

/// Standard base64, padding optional (RFC 7468 §3 lets a lax parser accept either).
const LAX_BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// One decoded block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemBlock {
    /// The label, e.g. `CERTIFICATE`.
    pub label: String,
    /// The decoded bytes.
    pub der: Vec<u8>,
}

/// Why PEM text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PemError {
    /// Not UTF-8 text.
    #[error("PEM is not text")]
    NotText,
    /// No `-----BEGIN …-----` line.
    #[error("no PEM block")]
    NoBlock,
    /// A block without its END line.
    #[error("the {label} block has no END line")]
    NoEnd {
        /// Its label.
        label: String,
    },
    /// END names another label than BEGIN.
    #[error("a {begin} block ends as {end}")]
    LabelMismatch {
        /// The BEGIN label.
        begin: String,
        /// The END label.
        end: String,
    },
    /// The body is not base64.
    #[error("the {label} block is not base64: {detail}")]
    Base64 {
        /// Its label.
        label: String,
        /// The decoder's words.
        detail: String,
    },
    /// A file that must hold one block holds another number of them.
    #[error("{count} PEM blocks where one is expected")]
    NotOneBlock {
        /// How many it holds.
        count: usize,
    },
    /// More blocks than [`MAX_BLOCKS`].
    #[error("more than {MAX_BLOCKS} PEM blocks")]
    TooManyBlocks,
}

/// Is `bytes` PEM: text with a BEGIN boundary somewhere? Otherwise it is taken as DER. (DER is almost
/// never valid UTF-8, so a DER certificate that carries "-----BEGIN " in a name stays DER.)
#[must_use]
pub fn is_pem(bytes: &[u8]) -> bool {
    bytes.windows(BEGIN.len()).any(|w| w == BEGIN.as_bytes()) && core::str::from_utf8(bytes).is_ok()
}

/// The label of a boundary line such as `-----BEGIN CERTIFICATE-----`, after `prefix`.
fn boundary_label<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    line.trim()
        .strip_prefix(prefix)?
        .strip_suffix(DASHES)
        .map(str::trim)
}

/// Every block of `bytes`, in order.
///
/// # Errors
/// [`PemError`]: no block, a block without its END, mismatched labels, bad base64, too many blocks.
pub fn blocks(bytes: &[u8]) -> Result<Vec<PemBlock>, PemError> {
    let text = core::str::from_utf8(bytes).map_err(|_| PemError::NotText)?;
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(label) = boundary_label(line, BEGIN) else {
            continue; // explanatory text
        };
        if out.len() == MAX_BLOCKS {
            return Err(PemError::TooManyBlocks);
        }
        let mut body = String::new();
        let (mut in_headers, mut seen_header) = (true, false);
        let mut ended = false;
        for line in lines.by_ref() {
            if let Some(end) = boundary_label(line, END) {
                if end != label {
                    return Err(PemError::LabelMismatch {
                        begin: label.to_string(),
                        end: end.to_string(),
                    });
                }
                ended = true;
                break;
            }
            // RFC 1421 headers (`Name: value`, continued by indented lines, ended by an empty line).
            if in_headers && line.contains(':') {
                seen_header = true;
                continue;
            }
            if in_headers && seen_header && line.starts_with([' ', '\t']) {
                continue;
            }
            in_headers = false;
            body.extend(line.chars().filter(|c| !c.is_ascii_whitespace()));
        }
        if !ended {
            return Err(PemError::NoEnd {
                label: label.to_string(),
            });
        }
        let der = LAX_BASE64.decode(body).map_err(|e| PemError::Base64 {
            label: label.to_string(),
            detail: e.to_string(),
        })?;
        out.push(PemBlock {
            label: label.to_string(),
            der,
        });
    }
    if out.is_empty() {
        return Err(PemError::NoBlock);
    }
    Ok(out)
}

/// The one block of a file that holds exactly one (a CRL, a detached signature).
///
/// # Errors
/// As [`blocks`], and [`PemError::NotOneBlock`].
pub fn single_block(bytes: &[u8]) -> Result<PemBlock, PemError> {
    let mut all = blocks(bytes)?;
    if all.len() != 1 {
        return Err(PemError::NotOneBlock { count: all.len() });
    }
    Ok(all.remove(0))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const BODY: &str = "MIIBAjCBqqADAgECAgEBMAoGCCqGSM49BAMCMA8xDTALBgNVBAMMBHRlc3Qw";

    fn decoded() -> Vec<u8> {
        LAX_BASE64.decode(BODY).unwrap()
    }

    #[test]
    fn strict_pem_reads() {
        let pem =
            alloc::format!("-----BEGIN CERTIFICATE-----\n{BODY}\n-----END CERTIFICATE-----\n");
        let blocks = blocks(pem.as_bytes()).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label, "CERTIFICATE");
        assert_eq!(blocks[0].der, decoded());
    }

    #[test]
    fn lax_pem_reads_what_other_tools_write() {
        // Text before (openssl x509 -text), CRLF, 76- and 20-column lines, tabs, no padding, text after.
        let (a, b) = BODY.split_at(20);
        let pem = alloc::format!(
            "Certificate:\r\n    Data: ...\r\n-----BEGIN CERTIFICATE-----\r\n{a}\r\n\t{b}\r\n-----END CERTIFICATE-----\r\ntrailing words\r\n"
        );
        assert_eq!(blocks(pem.as_bytes()).unwrap()[0].der, decoded());
        let unpadded = "AQID";
        let pem = alloc::format!("-----BEGIN X-----\n{unpadded}\n-----END X-----");
        assert_eq!(blocks(pem.as_bytes()).unwrap()[0].der, [1, 2, 3]);
        let pem = "-----BEGIN X-----\nAQI\n-----END X-----";
        assert_eq!(blocks(pem.as_bytes()).unwrap()[0].der, [1, 2]);
    }

    #[test]
    fn bundles_with_comments_give_every_block() {
        let pem = alloc::format!(
            "# Root A\n-----BEGIN CERTIFICATE-----\n{BODY}\n-----END CERTIFICATE-----\n\n# Root B\n-----BEGIN X509 CRL-----\nAQID\n-----END X509 CRL-----\n"
        );
        let blocks = blocks(pem.as_bytes()).unwrap();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].label, "X509 CRL");
    }

    #[test]
    fn rfc1421_headers_are_skipped() {
        let pem = "-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,\n 00\n\nAQID\n-----END X-----";
        assert_eq!(blocks(pem.as_bytes()).unwrap()[0].der, [1, 2, 3]);
    }

    #[test]
    fn broken_pem_is_refused_with_its_reason() {
        assert_eq!(blocks(b"just text"), Err(PemError::NoBlock));
        assert!(matches!(
            blocks(b"-----BEGIN CERTIFICATE-----\nAQID\n"),
            Err(PemError::NoEnd { .. })
        ));
        assert!(matches!(
            blocks(b"-----BEGIN CERTIFICATE-----\nAQID\n-----END X509 CRL-----\n"),
            Err(PemError::LabelMismatch { .. })
        ));
        assert!(matches!(
            blocks(b"-----BEGIN CERTIFICATE-----\nAQ*D\n-----END CERTIFICATE-----\n"),
            Err(PemError::Base64 { .. })
        ));
        assert_eq!(blocks(b"\xff\xfe"), Err(PemError::NotText));
        let two = "-----BEGIN X-----\nAQID\n-----END X-----\n".repeat(2);
        assert_eq!(
            single_block(two.as_bytes()),
            Err(PemError::NotOneBlock { count: 2 })
        );
        assert_eq!(
            single_block(&two.as_bytes()[..two.len() / 2]).unwrap().der,
            [1, 2, 3]
        );
        let many = "-----BEGIN X-----\nAQID\n-----END X-----\n".repeat(MAX_BLOCKS + 1);
        assert_eq!(blocks(many.as_bytes()), Err(PemError::TooManyBlocks));
        assert!(is_pem(b"junk -----BEGIN X-----"));
        assert!(!is_pem(b"\x30\x82\x01\x00"));
        assert!(!is_pem(b"\x30\x82\xff -----BEGIN X-----"));
    }
}

//! The QR code of the verification stub, as a PNG data URI embedded in the page (no file beside the
//! HTML, no network). The stub text (`HB1:` + Base45) is all QR alphanumeric characters, so the encoder's
//! segment optimiser stores it in alphanumeric mode (5.5 bits a character).

use base64ct::{Base64, Encoding};
use qrcode::{Color, EcLevel, QrCode};

/// Largest stub accepted: the design's 600 bytes before Base45 are 900 characters after it; this leaves
/// room for a prefix and later versions while staying far below QR's 4,296-character maximum.
pub const MAX_STUB_CHARS: usize = 2_000;

/// Pixels per module of the embedded PNG: enough for a sharp print at 45 mm without smoothing.
const MODULE_PX: usize = 8;

/// Light modules around the symbol (ISO/IEC 18004 quiet zone).
const QUIET_ZONE: usize = 4;

/// The stub cannot be put in a QR code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QrError {
    /// Empty after trimming.
    #[error("the QR stub file is empty")]
    Empty,
    /// Longer than [`MAX_STUB_CHARS`].
    #[error("the QR stub has {chars} characters, at most {MAX_STUB_CHARS}")]
    TooLong {
        /// How many.
        chars: usize,
    },
    /// Not printable ASCII (a stub is `PREFIX:` + Base45).
    #[error("the QR stub has a character that is not printable ASCII at position {position}")]
    NotAscii {
        /// 0-based character position.
        position: usize,
    },
    /// The encoder refused it.
    #[error("the QR stub cannot be encoded: {0}")]
    Encode(String),
}

/// An encoded stub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    /// The exact text encoded.
    pub text: String,
    /// Modules per side (without the quiet zone).
    pub modules: usize,
    /// `data:image/png;base64,…`.
    pub data_uri: String,
}

/// The stub as written by `hocba qr issue`, without line breaks at its ends. Spaces are kept: the space is
/// a Base45 character, so a stub may begin or end with one.
///
/// # Errors
/// [`QrError`].
pub fn stub_text(file_text: &str) -> Result<&str, QrError> {
    let text = file_text.trim_matches(['\r', '\n']);
    if text.is_empty() {
        return Err(QrError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_STUB_CHARS {
        return Err(QrError::TooLong { chars });
    }
    if let Some(position) = text.chars().position(|c| !(' '..='~').contains(&c)) {
        return Err(QrError::NotAscii { position });
    }
    Ok(text)
}

/// Encodes `text` with error correction level Q (25 % of the symbol recoverable: printed copies get
/// folded and stamped; the EU Digital COVID Certificate prints its Base45 stub at the same level).
///
/// # Errors
/// [`QrError::Encode`].
pub fn encode(text: &str) -> Result<QrImage, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::Q)
        .map_err(|e| QrError::Encode(e.to_string()))?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * MODULE_PX;
    // 1-bit grey PNG: rows of bytes, most significant bit first, 1 = white.
    let row_bytes = side.div_ceil(8);
    let mut pixels = vec![0xFF_u8; row_bytes * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_ZONE, i / modules + QUIET_ZONE);
        for y in my * MODULE_PX..(my + 1) * MODULE_PX {
            for x in mx * MODULE_PX..(mx + 1) * MODULE_PX {
                pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
            }
        }
    }
    let png = encode_png(&pixels, side).map_err(|e| QrError::Encode(e.to_string()))?;
    Ok(QrImage {
        text: text.to_string(),
        modules,
        data_uri: format!("data:image/png;base64,{}", Base64::encode_string(&png)),
    })
}

fn encode_png(pixels: &[u8], side: usize) -> Result<Vec<u8>, png::EncodingError> {
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn stub_text_is_trimmed_and_checked() {
        assert_eq!(stub_text("HB1:ABC\n").unwrap(), "HB1:ABC");
        assert!(matches!(stub_text("\r\n"), Err(QrError::Empty)));
        assert_eq!(stub_text("HB1: A \n").unwrap(), "HB1: A ");
        assert!(matches!(
            stub_text("HB1:Ạ"),
            Err(QrError::NotAscii { position: 4 })
        ));
        let long = "A".repeat(MAX_STUB_CHARS + 1);
        assert!(matches!(stub_text(&long), Err(QrError::TooLong { .. })));
    }

    #[test]
    fn encodes_a_png_data_uri() {
        let qr = encode("HB1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEMWK2*8").unwrap();
        assert!(qr.data_uri.starts_with("data:image/png;base64,iVBORw0KGgo"));
        assert!(qr.modules >= 21);
    }
}

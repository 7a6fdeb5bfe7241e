//! HTML escaping: every text that comes from a record or a certificate goes through [`esc`].

use std::fmt;

/// A text to be written into HTML element content or a double- or single-quoted attribute.
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(&'a str);

/// Escapes `text` as it is written (`&`, `<`, `>`, `"`, `'`), without allocating.
pub fn esc(text: &str) -> Escaped<'_> {
    Escaped(text)
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_and_quotes_keeps_vietnamese() {
        assert_eq!(
            esc(r#"<b>Lê & "Nhung"</b> 'x' Đạt"#).to_string(),
            "&lt;b&gt;Lê &amp; &quot;Nhung&quot;&lt;/b&gt; &#39;x&#39; Đạt"
        );
        assert_eq!(esc("").to_string(), "");
    }
}

//! Reading what signing and verification need from files: trust directories, CRLs, certificate chains,
//! keys, times. The core does no I/O and reads no clock; this is where both happen.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Context};
use hocba_core::pki::{CertInfo, CrlInfo, TrustStore};
use hocba_core::time::UnixTime;

use crate::input::read_limited;

/// Largest certificate, key, CRL or CMS file read.
pub const MAX_PKI_FILE: usize = 16 * 1024 * 1024;

/// The clock, read once per command.
pub fn system_now() -> UnixTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// `--time`/`--at`, or the clock.
pub fn time_or_now(text: Option<&str>) -> anyhow::Result<UnixTime> {
    match text {
        None => Ok(system_now()),
        Some(t) => UnixTime::parse_rfc3339(t).map_err(|e| anyhow!("{e}")),
    }
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    read_limited(path, MAX_PKI_FILE).with_context(|| format!("cannot read {}", path.display()))
}

/// Every certificate file of a directory (`.pem`, `.crt`, `.cer`, `.der`, and PKCS #7 bundles `.p7b`,
/// `.p7c`; PEM read laxly, D-108): self-signed ones become trust anchors, the others intermediates.
///
/// A file instead of a directory is read alone: a CA's bundle (`--trust ca-bundle.pem`, `.p7b`).
pub fn load_trust(dir: &Path) -> anyhow::Result<TrustStore> {
    let mut store = TrustStore::new();
    let mut files: Vec<PathBuf> = if dir.is_file() {
        vec![dir.to_path_buf()]
    } else {
        fs::read_dir(dir)
            .with_context(|| format!("cannot read the trust directory {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "pem" | "crt" | "cer" | "der" | "p7b" | "p7c"
                    )
                })
            })
            .collect()
    };
    files.sort();
    for f in &files {
        store
            .add_file(&f.display().to_string(), &read(f)?)
            .map_err(|e| anyhow!("[{}] {e}", e.code()))?;
    }
    let mut store = store
        .finish()
        .map_err(|e| anyhow!("[{}] {e} in {}", e.code(), dir.display()))?;
    store.source = Some(dir.display().to_string());
    Ok(store)
}

/// CRL files (PEM or DER).
pub fn load_crls(paths: &[PathBuf]) -> anyhow::Result<Vec<CrlInfo>> {
    paths
        .iter()
        .map(|p| {
            CrlInfo::from_bytes(&read(p)?)
                .map_err(|e| anyhow!("{}: [{}] {e}", p.display(), e.code()))
        })
        .collect()
}

/// A certificate chain file, signer first.
pub fn load_chain(path: &Path) -> anyhow::Result<Vec<CertInfo>> {
    CertInfo::load_many(&read(path)?).map_err(|e| anyhow!("{}: [{}] {e}", path.display(), e.code()))
}

/// A text file (a PEM key).
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    String::from_utf8(read(path)?).with_context(|| format!("{} is not text", path.display()))
}

/// A binary file (DER), or PEM whose body is returned decoded.
pub fn read_der_or_pem(path: &Path) -> anyhow::Result<Vec<u8>> {
    let bytes = read(path)?;
    let trimmed = bytes.trim_ascii_start();
    if let Some(body) = smime_signature(trimmed) {
        use base64ct::Encoding as _;
        return base64ct::Base64::decode_vec(&body)
            .map_err(|e| anyhow!("{}: bad S/MIME signature part: {e}", path.display()));
    }
    if hocba_core::pki::pem::is_pem(trimmed) {
        return hocba_core::pki::pem::single_block(trimmed)
            .map(|block| block.der)
            .map_err(|e| anyhow!("{}: bad PEM: {e}", path.display()));
    }
    Ok(bytes)
}

/// The base64 body of the `application/(x-)pkcs7-signature` part of an S/MIME `multipart/signed` message:
/// what `openssl cms -sign` writes unless told `-outform DER` or `PEM`. `None` when `bytes` is not such a
/// message.
fn smime_signature(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let first = text.lines().next()?.to_ascii_lowercase();
    if !first.starts_with("mime-version:") && !first.starts_with("content-type:") {
        return None;
    }
    let mut lines = text.lines();
    // The signature part's own Content-Type line (not the multipart header, which names the protocol).
    lines.by_ref().find(|line| {
        let line = line.to_ascii_lowercase();
        line.starts_with("content-type:")
            && !line.contains("multipart/")
            && (line.contains("application/pkcs7-signature")
                || line.contains("application/x-pkcs7-signature"))
    })?;
    // Its headers end at the first blank line; its body at the next boundary line ("--…").
    lines.by_ref().find(|line| line.trim().is_empty())?;
    let body = lines
        .map(str::trim)
        .take_while(|line| !line.starts_with("--"))
        .collect();
    Some(body)
}

/// Reads a file (or `-`) of at most `limit` bytes.
pub fn read_input(path: &Path, limit: usize) -> anyhow::Result<Vec<u8>> {
    read_limited(path, limit).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes `text` to `out` or standard output.
pub fn write_output(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(p) => fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

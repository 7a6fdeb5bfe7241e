//! Reading inputs: a file or standard input, never more than the core's size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Reads `path` (`-` for standard input), stopping one byte past `limit` so that a 50 MB file is refused
/// without being read whole.
///
/// # Errors
/// I/O errors (missing file, permission).
pub fn read_limited(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().lock().take(cap).read_to_end(&mut bytes)?;
    } else {
        File::open(path)?.take(cap).read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

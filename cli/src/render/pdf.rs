//! Printing the HTML to PDF through headless Chromium, when the machine has it. The browser is found on
//! `PATH` (or named by `HOCBA_CHROMIUM`); without one the command fails with a message that says so.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Names the browser goes by on Linux distributions and macOS installs.
const CANDIDATES: [&str; 6] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "headless_shell",
];

/// Longest a print may take before the browser is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// Printing failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// No browser.
    #[error(
        "headless Chromium was not found (looked for {} on PATH and HOCBA_CHROMIUM); install it \
         (Debian/Ubuntu: apt-get install chromium) or print the HTML from a browser",
        CANDIDATES.join(", ")
    )]
    ChromiumNotFound,
    /// The browser could not be started.
    #[error("cannot start {browser}: {source}")]
    Spawn {
        /// Which.
        browser: String,
        /// Why.
        source: std::io::Error,
    },
    /// The browser ran too long.
    #[error("{browser} did not finish printing within {} s", PRINT_TIMEOUT.as_secs())]
    Timeout {
        /// Which.
        browser: String,
    },
    /// The browser failed or wrote no PDF.
    #[error("{browser} did not print a PDF (exit status {status}): {stderr}")]
    Failed {
        /// Which.
        browser: String,
        /// Its exit status.
        status: String,
        /// The end of what it said.
        stderr: String,
    },
}

impl PdfError {
    /// Stable machine code.
    pub const fn code(&self) -> &'static str {
        match self {
            PdfError::ChromiumNotFound => "chromium_not_found",
            PdfError::Spawn { .. } => "chromium_spawn",
            PdfError::Timeout { .. } => "chromium_timeout",
            PdfError::Failed { .. } => "chromium_failed",
        }
    }
}

/// The headless browser: `HOCBA_CHROMIUM` if set, else the first of [`CANDIDATES`] on `PATH`.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = env::var_os("HOCBA_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| CANDIDATES.iter().map(move |name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Prints `html` (a file) to `pdf` with A4 pages as the stylesheet's `@page` says, without the browser's
/// own header and footer.
///
/// # Errors
/// [`PdfError`].
pub fn print_to_pdf(html: &Path, pdf: &Path) -> Result<(), PdfError> {
    let browser = find_chromium().ok_or(PdfError::ChromiumNotFound)?;
    let name = browser.display().to_string();
    let html = std::path::absolute(html).unwrap_or_else(|_| html.to_path_buf());
    let _ = std::fs::remove_file(pdf);
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| PdfError::Spawn {
            browser: name.clone(),
            source,
        })?;
    // Drain the browser's chatter while it runs, so a full pipe cannot stall it.
    let stderr_reader = child.stderr.take().map(|mut e| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut e, &mut text);
            text
        })
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > PRINT_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Timeout { browser: name });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                return Err(PdfError::Spawn {
                    browser: name,
                    source: e,
                })
            }
        }
    };
    let printed = std::fs::metadata(pdf).is_ok_and(|m| m.len() > 0);
    if status.success() && printed {
        return Ok(());
    }
    let stderr = stderr_reader
        .and_then(|t| t.join().ok())
        .unwrap_or_default();
    let tail: String = stderr.lines().rev().take(5).collect::<Vec<_>>().join(" | ");
    Err(PdfError::Failed {
        browser: name,
        status: status.to_string(),
        stderr: tail,
    })
}

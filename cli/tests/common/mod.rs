//! Helpers shared by the CLI binary tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The repository root (the tests run the binary from there).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `hocba` with `args`.
pub fn hocba(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hocba"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run hocba")
}

/// Runs `hocba` with `input` on standard input.
pub fn hocba_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hocba"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hocba");
    // The child may stop reading early (size limit): a broken pipe is expected then.
    let _ = child.stdin.take().expect("stdin").write_all(input);
    child.wait_with_output().expect("wait")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// A fresh folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hocba-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

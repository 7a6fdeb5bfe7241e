//! Embeds the shared test vectors (tests/vectors/assess*, record, verify) and the test PKI's trust
//! certificates and CRLs into the wasm-bindgen tests, so the very files the Rust, Node and Kotlin/Python
//! harnesses read also run inside headless Chromium (which has no file system).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x))
        })
        .collect();
    names.sort();
    names
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn main() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let root = tests.join("vectors");
    let mut out = String::from(
        "/// (folder, file name, contents) of every shared vector.\npub const VECTORS: &[(&str, &str, &str)] = &[\n",
    );
    for folder in ["assess", "assess-errors", "record", "verify"] {
        for path in files(&root.join(folder), &["json"]) {
            let _ = writeln!(
                out,
                "    ({folder:?}, {:?}, include_str!({:?})),",
                file_name(&path),
                path.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    // The verification vectors name their trust directory and CRLs relative to tests/.
    out.push_str(
        "/// (path relative to tests/, contents) of the test PKI's trust certificates and CRLs.\npub const PKI: &[(&str, &[u8])] = &[\n",
    );
    for (folder, extensions) in [
        ("pki/trust", &["pem"][..]),
        ("pki/trust-formats", &["pem", "crt", "p7b"][..]),
        ("pki/policies/trust", &["pem"][..]),
        ("pki/crl-scopes/trust", &["pem"][..]),
        ("pki/crl-scopes/crls", &["crl"][..]),
        ("pki/crl", &["pem"][..]),
    ] {
        for path in files(&tests.join(folder), extensions) {
            let _ = writeln!(
                out,
                "    (\"{folder}/{}\", include_bytes!({:?})),",
                file_name(&path),
                path.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    // One test per verification vector: each runs for a while in a debug build, and the headless runner
    // needs the page to yield between tests to poll it.
    let mut tests = String::new();
    for path in files(&root.join("verify"), &["json"]) {
        let name = file_name(&path);
        let ident: String = name
            .trim_end_matches(".json")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let _ = writeln!(
            tests,
            "#[wasm_bindgen_test]\nfn verify_vector_{ident}() {{\n    check_verification_vector({name:?}, include_str!({:?}));\n}}",
            path.display().to_string()
        );
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out_dir).join("verify_tests.rs"), tests) {
        println!("cargo:warning=cannot write verify_tests.rs: {e}");
    }
    let dest =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("vectors.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

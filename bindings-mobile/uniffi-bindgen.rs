//! `uniffi-bindgen` of this workspace, at the same uniffi version as the library.
fn main() {
    uniffi::uniffi_bindgen_main();
}

#!/usr/bin/env bash
# Installs the tools the tests need. Idempotent; each step is skipped when its tool is present.
set -euo pipefail
have_target() { rustup target list --installed 2>/dev/null | grep -qx "$1"; }
for t in wasm32-unknown-unknown thumbv7em-none-eabihf; do
  have_target "$t" || rustup target add "$t"
done
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done

#!/usr/bin/env bash
# Builds libhocba_mobile and generates its Kotlin, Swift and Python bindings (uniffi library mode) into
# bindings-mobile/generated/, with the shared library copied beside the Python module.
# PROFILE=release for vendors; the tests use the debug build.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
profile="${PROFILE:-debug}"
cd "$root"
flag=(); [ "$profile" = release ] && flag=(--release)
cargo build -p hocba-mobile --lib --locked "${flag[@]}"
cargo build -p hocba-mobile --bin uniffi-bindgen --features bindgen-cli --locked
lib="$root/target/$profile/libhocba_mobile.so"
out="$here/generated"
rm -rf "$out"
"$root/target/debug/uniffi-bindgen" generate --library "$lib" \
  --language kotlin --language swift --language python --out-dir "$out" --no-format
cp "$lib" "$out/"
echo "bindings in $out"

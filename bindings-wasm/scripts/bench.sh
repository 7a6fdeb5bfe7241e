#!/usr/bin/env bash
# WASM vs native benchmark: builds the package (if needed) and the native timing example twice — with the
# pure-Rust RustCrypto backend the WebAssembly build uses, and with the core's `native-crypto` (AWS-LC)
# backend, the fastest native — then runs bench/bench.mjs, which prints times and ratios.
# Usage: bindings-wasm/scripts/bench.sh [--json out.json]     (BENCH_MS=1500 per operation by default)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
[ -f "$here/pkg/hocba_verify_bg.wasm" ] || bash "$here/scripts/build.sh"
out="$root/target/bench-wasm"
mkdir -p "$out"
cargo build --release --locked -p hocba-wasm --example native_bench
cp target/release/examples/native_bench "$out/native_bench"
export NATIVE_BENCH="$out/native_bench"
if cargo build --release --locked -p hocba-wasm --example native_bench --features native-crypto; then
  cp target/release/examples/native_bench "$out/native_bench_fast"
  export NATIVE_BENCH_FAST="$out/native_bench_fast"
else
  echo "the native-crypto backend did not build; comparing with the pure-Rust native build only" >&2
fi
node "$here/bench/bench.mjs" "$@"

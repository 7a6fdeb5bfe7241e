#!/usr/bin/env bash
# Builds the npm package into bindings-wasm/pkg: three WebAssembly modules from the hocba-wasm crate
# (decisions D-103, D-121, D-123), each wasm-release profile → wasm-bindgen (web target) → wasm-opt -Oz
# (binaryen from npm), then the size budget of each (gzipped .wasm, design budget 250 KB, enforced):
#   hocba_rules       assess, validate, canonical bytes, gradebooks: the teacher view and browser-side
#                     validation; also the record checks and the Unicode tables verification borrows.
#   hocba_verify      signed envelopes and QR stubs, with neither the rules nor any public-key arithmetic:
#                     the rules module judges the record, the platform's crypto checks the signatures.
#   hocba_signatures  RustCrypto's RSA, ECDSA and Ed25519, fetched only for a check the platform cannot run.
# Every figure is printed on every build.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
wasm_opt="$here/node_modules/.bin/wasm-opt"
rm -rf "$here/pkg"

# build_module FEATURE NAME [CARGO_ARGS…]: the crate with only FEATURE, as pkg/NAME.js + pkg/NAME_bg.wasm.
build_module() {
  local feature=$1 name=$2
  shift 2
  cargo build -p hocba-wasm --no-default-features --features "$feature" --target wasm32-unknown-unknown \
    --profile wasm-release --locked "$@"
  wasm-bindgen --target web --out-dir "$here/pkg" --out-name "$name" \
    "${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-release/hocba_wasm.wasm"
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    -o "$here/pkg/${name}_bg.opt.wasm" "$here/pkg/${name}_bg.wasm"
  mv "$here/pkg/${name}_bg.opt.wasm" "$here/pkg/${name}_bg.wasm"
}
# The rules module keeps the speed settings of D-90 and D-103 (.cargo/config.toml's inline threshold,
# Cargo.toml's opt-level 3 for three crates): assess and validate stay well within 2× native.
build_module rules hocba_rules
# The verification module is built for size alone — no inline threshold (an empty CARGO_ENCODED_RUSTFLAGS
# replaces the config's rustflags), opt-level z everywhere — which saves 29 KB gzipped; verify stays
# within 2× native because the platform does the signature arithmetic (D-87, D-103). It normalizes Unicode
# through the rules module's tables (feature nfc-from-rules, D-122).
CARGO_ENCODED_RUSTFLAGS="" build_module verification,nfc-from-rules hocba_verify \
  --config 'profile.wasm-release.package.hocba-wasm.opt-level="z"' \
  --config 'profile.wasm-release.package.hocba-json-reader.opt-level="z"' \
  --config 'profile.wasm-release.package.hocba-core.opt-level="z"'
# The signature module keeps the speed settings: on a page without crypto.subtle it computes every check.
build_module signature-fallback hocba_signatures
cp "$here"/js/*.js "$here"/js/*.d.ts "$here/pkg/"

# The static site: the page, the package, and sample files a newcomer can try.
rm -rf "$here/site"
mkdir -p "$here/site/samples"
cp -r "$here"/www/* "$here/site/"
cp -r "$here/pkg" "$here/site/pkg"
cp "$root"/examples/*.json "$root"/examples/*.csv "$here/site/samples/"
# The parent view's demo: signed samples, their status lists, CRLs and the demo trust store (samples.json
# lists them with the verification time each is meant for). Copied, never duplicated in git.
cp -r "$root/examples/signed" "$here/site/samples/signed"

# check_size NAME WHAT: prints the module's size and fails when it reaches 250 KB gzipped.
status=0
check_size() {
  local raw gz
  raw=$(stat -c %s "$here/pkg/$1_bg.wasm")
  gz=$(gzip -9 -c "$here/pkg/$1_bg.wasm" | wc -c)
  echo "$1_bg.wasm ($2): $raw bytes, gzipped $gz bytes = $((gz / 1024)) KB (budget 250 KB)"
  if [ "$gz" -ge $((250 * 1024)) ]; then
    echo "wasm size budget exceeded: $1 is over 250 KB gzipped by $(((gz - 250 * 1024) / 1024)) KB" >&2
    status=1
  fi
}
check_size hocba_rules "assess, validation, canonical bytes, gradebooks"
check_size hocba_verify "verification: envelopes and QR stubs"
check_size hocba_signatures "RustCrypto signatures, only when the platform cannot check"
exit "$status"

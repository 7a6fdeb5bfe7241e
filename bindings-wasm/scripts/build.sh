#!/usr/bin/env bash
# Builds the npm package into bindings-wasm/pkg: wasm-release profile → wasm-bindgen (web target) →
# wasm-opt -Oz (binaryen from npm) → size budget check (gzipped .wasm < 250 KB).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
cargo build -p hocba-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
rm -rf "$here/pkg"
wasm-bindgen --target web --out-dir "$here/pkg" --out-name hocba_wasm \
  "$root/target/wasm32-unknown-unknown/wasm-release/hocba_wasm.wasm"
wasm_opt="$here/node_modules/.bin/wasm-opt"
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  -o "$here/pkg/hocba_wasm_bg.opt.wasm" "$here/pkg/hocba_wasm_bg.wasm"
mv "$here/pkg/hocba_wasm_bg.opt.wasm" "$here/pkg/hocba_wasm_bg.wasm"
cp "$here"/js/*.js "$here"/js/*.d.ts "$here/pkg/"
# The static site: the page, the package, and sample files a newcomer can try.
rm -rf "$here/site"
mkdir -p "$here/site/samples"
cp -r "$here"/www/* "$here/site/"
cp -r "$here/pkg" "$here/site/pkg"
cp "$root"/examples/*.json "$root"/examples/*.csv "$here/site/samples/"
raw=$(stat -c %s "$here/pkg/hocba_wasm_bg.wasm")
gz=$(gzip -9 -c "$here/pkg/hocba_wasm_bg.wasm" | wc -c)
budget=$((250 * 1024))
echo "hocba_wasm_bg.wasm: $raw bytes, gzipped $gz bytes (budget $budget)"
if [ "$gz" -ge "$budget" ]; then
  echo "wasm size budget exceeded" >&2
  exit 1
fi

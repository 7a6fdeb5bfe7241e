#!/usr/bin/env bash
# Installs every tool the tests need. Idempotent: each step is skipped when its tool is already there,
# so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '  - %s\n' "$*"; }

# Rust targets and components (the toolchain itself comes with the machine).
for t in wasm32-unknown-unknown thumbv7em-none-eabihf; do
  rustup target list --installed 2>/dev/null | grep -qx "$t" || { say "rustup target $t"; rustup target add "$t"; }
done
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || { say "rustup component $c"; rustup component add "$c"; }
done

# wasm-bindgen-cli at exactly the version the crate pins.
wb_version=$(grep -Eo 'wasm-bindgen = "=[0-9.]+"' bindings-wasm/Cargo.toml | grep -Eo '[0-9]+\.[0-9]+\.[0-9]+')
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# Debian packages: headless Chromium and its driver (browser tests), a JDK and JNA (Kotlin tests).
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v javac >/dev/null || need_apt+=(openjdk-17-jdk-headless)
[ -f /usr/share/java/jna.jar ] || need_apt+=(libjna-java)
command -v openssl >/dev/null || need_apt+=(openssl)
# The CLI's native signature backend (aws-lc-sys) is C built with cc; the batch benchmark reads peak memory.
command -v cc >/dev/null || need_apt+=(gcc)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Node packages of the npm package (binaryen's wasm-opt, playwright-core), exactly as locked.
if [ ! -x bindings-wasm/node_modules/.bin/wasm-opt ] || [ bindings-wasm/package-lock.json -nt bindings-wasm/node_modules/.package-lock.json ]; then
  say "npm ci (bindings-wasm)"
  (cd bindings-wasm && npm ci --no-audit --no-fund --loglevel=error)
fi

# The Kotlin compiler (npm package kotlin-compiler), exactly as locked.
if [ ! -x bindings-mobile/kotlin/node_modules/kotlin-compiler/bin/kotlinc ]; then
  say "npm ci (kotlin-compiler)"
  (cd bindings-mobile/kotlin && npm ci --no-audit --no-fund --loglevel=error)
  chmod +x bindings-mobile/kotlin/node_modules/kotlin-compiler/bin/*
fi

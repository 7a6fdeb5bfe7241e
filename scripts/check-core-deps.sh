#!/usr/bin/env bash
# The core's no_std build must not pull std-only or I/O crates (features merge across a workspace build,
# so this is checked on the core alone). Fails listing the offenders.
# The native signature backend (AWS-LC, feature `native-crypto`) must never enter the default, no_std,
# verify or signing trees: only a frontend that asks for it (the CLI) gets it.
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(serde_json|serde_path_to_error|schemars|clap|anyhow|rayon|indicatif|getrandom|rand|libc|std)$'
native='^(aws-lc-rs|aws-lc-sys|aws-lc-fips-sys|ring|openssl|openssl-sys)$'
tree_of() {
  cargo tree -p hocba-core -e normal "$@" --prefix none --format '{p}' | awk '{print $1}' | sort -u
}
tree=$(tree_of --no-default-features)
bad=$(echo "$tree" | grep -E "$forbidden" || true)
echo "hocba-core (no default features) depends on: $(echo "$tree" | tr '\n' ' ')"
if [ -n "$bad" ]; then
  echo "forbidden in the core's no_std dependency tree: $bad" >&2
  exit 1
fi
for features in "--no-default-features" "--no-default-features --features verify" "" \
  "--features verify" "--features software-signer"; do
  # shellcheck disable=SC2086 # the feature flags are words
  bad=$(tree_of $features | grep -E "$native" || true)
  if [ -n "$bad" ]; then
    echo "native crypto in hocba-core with '${features:-default features}': $bad" >&2
    exit 1
  fi
done
# And the opposite: the feature really brings the native backend (else the check above proves nothing).
tree_of --features native-crypto | grep -qx 'aws-lc-rs' || {
  echo "hocba-core --features native-crypto does not depend on aws-lc-rs" >&2
  exit 1
}
echo "no native crypto in hocba-core's default, no_std, verify or signing trees"

# The feature `verify` alone decodes and judges keys but does no public-key arithmetic: the curves'
# `arithmetic` (fiat-crypto field and scalar code) and ECDSA verification come only with
# `signature-arithmetic` (the WebAssembly verification module leaves the arithmetic to WebCrypto; P-256
# and P-384 points are validated by core/src/pki/ec_point.rs). ed25519-dalek's `verify_strict` has no
# feature of its own: it is dropped at link time when nothing calls it.
features_of() { # crate, then the feature flags: the crate's enabled features in hocba-core's normal tree
  local crate=$1
  shift
  cargo tree -p hocba-core -e normal,features --prefix none -i "$crate" "$@" |
    sed -n "s/^$crate feature \"\([^\"]*\)\".*/\1/p" | sort -u
}
arithmetic='^(p256 arithmetic|p256 ecdsa|p384 arithmetic|p384 ecdsa|ecdsa arithmetic|ecdsa verifying)$'
arithmetic_in() { # fails when cargo tree does
  local crate found
  for crate in p256 p384 ecdsa; do
    found=$(features_of "$crate" "$@") || return 1
    echo "$found" | sed "s/^/$crate /"
  done | { grep -E "$arithmetic" || true; }
}
for features in verify verify,qr; do
  bad=$(arithmetic_in --no-default-features --features "$features")
  if [ -n "$bad" ]; then
    echo "signature arithmetic in hocba-core --features $features: $(echo "$bad" | tr '\n' ',')" >&2
    exit 1
  fi
done
# And the opposite: signature-arithmetic does bring it (else the check above proves nothing).
[ "$(arithmetic_in --no-default-features --features verify,signature-arithmetic | wc -l)" -eq 6 ] || {
  echo "hocba-core --features signature-arithmetic does not enable p256/p384 arithmetic and ECDSA verifying" >&2
  exit 1
}
echo "no signature arithmetic in hocba-core --features verify (only with signature-arithmetic)"

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

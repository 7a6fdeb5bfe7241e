#!/usr/bin/env bash
# The core's no_std build must not pull std-only or I/O crates (features merge across a workspace build,
# so this is checked on the core alone). Fails listing the offenders.
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(serde_json|serde_path_to_error|schemars|clap|anyhow|rayon|indicatif|getrandom|rand|libc|std)$'
tree=$(cargo tree -p hocba-core -e normal --no-default-features --prefix none --format '{p}' | awk '{print $1}' | sort -u)
bad=$(echo "$tree" | grep -E "$forbidden" || true)
echo "hocba-core (no default features) depends on: $(echo "$tree" | tr '\n' ' ')"
if [ -n "$bad" ]; then
  echo "forbidden in the core's no_std dependency tree: $bad" >&2
  exit 1
fi

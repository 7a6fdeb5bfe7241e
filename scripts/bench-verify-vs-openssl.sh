#!/usr/bin/env bash
# Budget check (design §6): verifying one record with three signatures (chains of depth 2, cached trust
# store) must cost at most 2x the raw public-key operations it needs, measured by `openssl speed` in the
# same run. The record's operations: 3 RSA-2048 verifications (the GVCN's CMS and certificate, the
# seal's RSA-PSS CMS) and 3 ECDSA P-256 verifications (the HT's CMS and certificate, the seal's
# certificate); CA-to-root links are verified once when the trust store is built.
#
# The criterion bench runs twice: with the default RustCrypto backend (what the no_std/wasm builds use)
# and with `--features native-crypto` (AWS-LC, what the CLI uses). Each run leaves its figures under
# target/criterion/verify-<backend>/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

SECONDS_PER_ALG=${SECONDS_PER_ALG:-3}
# `openssl speed` runs right before and right after each backend's criterion run and the two are
# averaged: on a shared machine the speed of the moment moves both figures, so they are taken together.
speed() {
  local out
  out=$(openssl speed -seconds "$SECONDS_PER_ALG" rsa2048 ecdsap256 2>/dev/null)
  # "rsa 2048 bits 0.000590s 0.000017s  1694.6  58000.1" -> verify/s is the last column
  echo "$(echo "$out" | awk '/^rsa 2048 bits/ {print $NF}') $(echo "$out" | awk '/256 bits ecdsa \(nistp256\)/ {print $NF}')"
}

filter='record_3_signatures_depth_2|raw_'
speeds=("$(speed)")
for features in "" "--features native-crypto"; do
  # shellcheck disable=SC2086 # the feature flags are words
  cargo bench -q -p hocba-core $features --bench verify -- --noplot "$filter" >/dev/null 2>&1 ||
    cargo bench -p hocba-core $features --bench verify -- "$filter"
  speeds+=("$(speed)")
done
est() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mean']['point_estimate'])" "target/criterion/verify-$1/$2/new/estimates.json"; }
figures=()
for backend in rustcrypto native; do
  for bench in record_3_signatures_depth_2 raw_operations_of_the_record raw_rsa2048_verify raw_p256_verify; do
    figures+=("$(est "$backend" "$bench")")
  done
done

python3 - "${speeds[@]}" "${figures[@]}" <<'PY'
import sys
# Three openssl speed runs (before RustCrypto, between, after native), each "rsa_verify/s ec_verify/s".
speeds = [tuple(map(float, s.split())) for s in sys.argv[1:4]]
fig = list(map(float, sys.argv[4:]))
def raw_cost(pair):
    # The record's public-key operations: 3 RSA-2048 + 3 ECDSA P-256 verifications, in ns.
    a, b = pair
    return ((3 / a[0] + 3 / a[1]) + (3 / b[0] + 3 / b[1])) / 2 * 1e9
for name, (record, raw, rsa, p256), pair in (
    ("RustCrypto", fig[0:4], (speeds[0], speeds[1])),
    ("native (AWS-LC)", fig[4:8], (speeds[1], speeds[2])),
):
    openssl_raw = raw_cost(pair)
    rsa_os = 2 / (pair[0][0] + pair[1][0]) * 1e6
    ec_os = 2 / (pair[0][1] + pair[1][1]) * 1e6
    print(f"{name}: openssl speed around it: RSA-2048 verify {rsa_os:.1f} µs, ECDSA P-256 verify {ec_os:.1f} µs; "
          f"raw public-key cost of the record (3 RSA-2048 + 3 P-256) {openssl_raw/1000:.1f} µs")
    print(f"  hocba primitives: RSA-2048 verify {rsa/1000:.1f} µs, ECDSA P-256 verify {p256/1000:.1f} µs, "
          f"raw operations of the record {raw/1000:.1f} µs")
    print(f"  verify one record (3 signatures, depth 2): {record/1000:.1f} µs; "
          f"ratio to openssl's raw cost {record/openssl_raw:.2f}x (budget 2x); "
          f"to its own primitives {record/raw:.2f}x")
PY

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
speed=$(openssl speed -seconds "$SECONDS_PER_ALG" rsa2048 ecdsap256 2>/dev/null)
# "rsa 2048 bits 0.000590s 0.000017s  1694.6  58000.1" -> verify/s is the last column
rsa_verify=$(echo "$speed" | awk '/^rsa 2048 bits/ {print $NF}')
ecdsa_verify=$(echo "$speed" | awk '/256 bits ecdsa \(nistp256\)/ {print $NF}')

filter='record_3_signatures_depth_2|raw_'
for features in "" "--features native-crypto"; do
  # shellcheck disable=SC2086 # the feature flags are words
  cargo bench -q -p hocba-core $features --bench verify -- --noplot "$filter" >/dev/null 2>&1 ||
    cargo bench -p hocba-core $features --bench verify -- "$filter"
done
est() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mean']['point_estimate'])" "target/criterion/verify-$1/$2/new/estimates.json"; }
figures=()
for backend in rustcrypto native; do
  for bench in record_3_signatures_depth_2 raw_operations_of_the_record raw_rsa2048_verify raw_p256_verify; do
    figures+=("$(est "$backend" "$bench")")
  done
done

python3 - "$rsa_verify" "$ecdsa_verify" "${figures[@]}" <<'PY'
import sys
rsa_vs, ec_vs = map(float, sys.argv[1:3])
fig = list(map(float, sys.argv[3:]))
openssl_raw = (3 / rsa_vs + 3 / ec_vs) * 1e9
print(f"openssl speed: RSA-2048 verify {1e9/rsa_vs/1000:.1f} µs, ECDSA P-256 verify {1e9/ec_vs/1000:.1f} µs")
print(f"raw public-key cost of the record (3 RSA-2048 + 3 P-256): openssl {openssl_raw/1000:.1f} µs")
for name, (record, raw, rsa, p256) in (("RustCrypto", fig[0:4]), ("native (AWS-LC)", fig[4:8])):
    print(f"{name}: RSA-2048 verify {rsa/1000:.1f} µs, ECDSA P-256 verify {p256/1000:.1f} µs, "
          f"raw operations of the record {raw/1000:.1f} µs")
    print(f"  verify one record (3 signatures, depth 2): {record/1000:.1f} µs; "
          f"ratio to openssl's raw cost {record/openssl_raw:.2f}x (budget 2x); "
          f"to its own primitives {record/raw:.2f}x")
PY

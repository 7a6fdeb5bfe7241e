#!/usr/bin/env bash
# Budget check (design §6): `hocba batch verify` of N signed records on 2 cores must take at most 1.5x the
# time `openssl speed -multi 2` needs for the same signature verifications, with memory flat (streaming).
#
# Usage: scripts/bench-batch.sh [N]        (default N=20000; N=1000000 is the design's figure)
#   JOBS=2            worker threads of hocba and processes of openssl speed
#   DISTINCT=100      distinct signed records made with `hocba sign` (test PKI keys, tests/pki); the N
#                     lines cycle through them. Each line is verified in full (3 CMS signatures, digest,
#                     record checks, paths at the signing time); only what design §6 allows to be shared
#                     is shared: decoded certificates and certificate signatures, once per distinct
#                     certificate.
#   STREAM=1          pipe the N lines into `hocba batch verify -` instead of writing a file first (the
#                     default above 200,000 records: 1,000,000 envelopes are ~15 GB)
#   SECONDS_PER_ALG=3 seconds of `openssl speed` per algorithm
#
# Per record, the public-key operations are the three CMS signatures: GVCN RSA-2048 PKCS#1, HT ECDSA
# P-256, seal RSA-2048 PSS. Certificate links are verified once per distinct certificate, as design §6
# prescribes, so openssl's cost is N x (2 RSA-2048 verifications + 1 ECDSA P-256 verification).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 1; }

N=${1:-20000}
JOBS=${JOBS:-2}
DISTINCT=${DISTINCT:-100}
SECONDS_PER_ALG=${SECONDS_PER_ALG:-3}
if [ "$DISTINCT" -gt "$N" ]; then DISTINCT=$N; fi
STREAM=${STREAM:-$([ "$N" -gt 200000 ] && echo 1 || echo 0)}

cargo build -q --release -p hocba-cli
HOCBA=target/release/hocba
PKI=tests/pki
RECORD=tests/vectors/verify/records/record.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. DISTINCT records, each signed GVCN -> HT -> seal at its own times (after the record's lock date).
gen_start=$(date +%s.%N)
stamp() { date -u -d "@$(( $1 + $2 ))" +%Y-%m-%dT%H:%M:%SZ; }
g0=$(date -u -d 2025-06-20T02:00:00Z +%s)
for i in $(seq 1 "$DISTINCT"); do
  $HOCBA sign --role gvcn --key $PKI/keys/gvcn.pem --cert $PKI/chains/gvcn.pem \
    --time "$(stamp "$g0" "$i")" "$RECORD" -o "$work/a.json"
  $HOCBA sign --role ht --key $PKI/keys/ht.pem --cert $PKI/chains/ht.pem \
    --time "$(stamp "$g0" $(( 86400 + i )))" "$work/a.json" -o "$work/b.json"
  $HOCBA sign --role seal --key $PKI/keys/seal.pem --cert $PKI/chains/seal.pem --rsa-pss \
    --time "$(stamp "$g0" $(( 172800 + i )))" "$work/b.json" -o "$work/c.json"
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))' \
    "$work/c.json" >> "$work/distinct.ndjson"
done
# The N lines: the distinct records, repeated.
emit() { python3 - "$work/distinct.ndjson" "$N" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
n = int(sys.argv[2])
out = sys.stdout
for i in range(n):
    out.write(lines[i % len(lines)])
    out.write("\n")
PY
}
if [ "$STREAM" != 1 ]; then emit > "$work/records.ndjson"; fi
gen_end=$(date +%s.%N)

# 2. hocba batch verify on JOBS threads, peak memory from /usr/bin/time.
args=(batch verify --trust $PKI/trust --at 2025-07-10T00:00:00Z --jobs "$JOBS" --lang en)
if [ "$STREAM" = 1 ]; then
  emit | /usr/bin/time -v -o "$work/time.txt" $HOCBA "${args[@]}" - > "$work/out.ndjson" 2> "$work/summary.txt" || true
else
  /usr/bin/time -v -o "$work/time.txt" $HOCBA "${args[@]}" "$work/records.ndjson" > "$work/out.ndjson" 2> "$work/summary.txt" || true
fi
valid=$(grep -c '"verdict":"valid"' "$work/out.ndjson" || true)
[ "$valid" = "$N" ] || { echo "expected $N valid records, got $valid:" >&2; head -3 "$work/out.ndjson" >&2; cat "$work/summary.txt" >&2; exit 1; }
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")

# 3. openssl speed on the same number of cores, wall clock (-elapsed: the machine may be shared, and
# hocba's time above is wall clock too); and one process in CPU time, to compare CPU seconds as well.
rate() { awk -v pat="$1" '$0 ~ pat {v = $NF} END {print v}'; }
speed=$(openssl speed -elapsed -multi "$JOBS" -seconds "$SECONDS_PER_ALG" rsa2048 ecdsap256 2>/dev/null)
rsa_vs=$(echo "$speed" | rate '^rsa 2048 bits')
ec_vs=$(echo "$speed" | rate '256 bits ecdsa [(]nistp256[)]')
speed1=$(openssl speed -seconds "$SECONDS_PER_ALG" rsa2048 ecdsap256 2>/dev/null)
rsa_cpu=$(echo "$speed1" | rate '^rsa 2048 bits')
ec_cpu=$(echo "$speed1" | rate '256 bits ecdsa [(]nistp256[)]')

python3 - "$N" "$wall" "$rss_kb" "$rsa_vs" "$ec_vs" "$gen_start" "$gen_end" "$JOBS" "$(cat "$work/summary.txt")" "$STREAM" "$cpu" "$rsa_cpu" "$ec_cpu" <<'PY'
import sys
n, wall, rss_kb, rsa_vs, ec_vs, g0, g1, jobs, summary, stream, cpu, rsa_cpu, ec_cpu = sys.argv[1:]
n = int(n)
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
openssl = n * (2 / float(rsa_vs) + 1 / float(ec_vs))
openssl_cpu = n * (2 / float(rsa_cpu) + 1 / float(ec_cpu))
print(f"records: {n} ({'streamed from a pipe' if stream == '1' else 'NDJSON file'}); generation {float(g1) - float(g0):.1f} s (not timed below)")
print(f"hocba summary: {summary.strip()}")
print(f"hocba batch verify, {jobs} threads: {seconds:.2f} s wall, {n / seconds:.0f} records/s, {float(cpu):.2f} s CPU, peak RSS {int(rss_kb) / 1024:.1f} MiB")
print(f"openssl speed -elapsed -multi {jobs}: RSA-2048 {float(rsa_vs):.0f} verify/s, ECDSA P-256 {float(ec_vs):.0f} verify/s")
print(f"openssl wall time for the same verifications (2 RSA-2048 + 1 ECDSA P-256 per record): {openssl:.2f} s, {n / openssl:.0f} records/s")
print(f"ratio (wall clock): {seconds / openssl:.2f}x (budget 1.5x)")
print(f"ratio (CPU seconds; openssl speed, one process, {float(rsa_cpu):.0f} / {float(ec_cpu):.0f} verify/s): {float(cpu) / openssl_cpu:.2f}x")
PY

#!/usr/bin/env bash
# Generates a small hierarchy with certificate policies into tests/pki/policies/ (decisions D-113):
#
#   root → three CAs → people
#
#   ca-explicit   asserts policies 2.999.1.1 and 2.999.1.2; policyConstraints requireExplicitPolicy 0
#   ca-mapping    asserts 2.999.1.1, maps it to 2.999.2.1; requireExplicitPolicy 0
#   ca-map-any    asserts anyPolicy and maps 2.999.1.1 to anyPolicy (forbidden, RFC 5280 §6.1.4 a)
#
#   explicit-ok.pem        under ca-explicit, policy 2.999.1.1          → valid
#   explicit-none.pem      under ca-explicit, no certificatePolicies   → policy_required
#   explicit-other.pem     under ca-explicit, policy 2.999.1.9          → policy_required
#   mapped-ok.pem          under ca-mapping, policy 2.999.2.1 (mapped)  → valid
#   mapped-unmapped.pem    under ca-mapping, policy 2.999.1.1 (mapped away) → policy_required
#   map-any.pem            under ca-map-any, policy 2.999.1.1           → policy_mapping_any_policy
#
# trust/ holds the root alone, as a trust directory. 2.999 is the ITU arc for examples. Each person's key is kept in keys/NAME.pem and the person's
# certificate with its CA's in chains/NAME.pem, for the CLI's sign-then-verify test, which also asks
# `openssl verify -policy_check` for its verdict on each. TEST ONLY: these keys are public and must never
# sign anything real. Validity starts on the day of generation and lasts ten years; the tests check
# paths at a fixed time inside it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-pki-lib.sh
. scripts/test-pki-lib.sh
start_output tests/pki/policies keys chains

{
  common_sections
  ca_section ca_explicit "certificatePolicies = 2.999.1.1, 2.999.1.2
policyConstraints = critical, requireExplicitPolicy:0"
  ca_section ca_mapping "certificatePolicies = 2.999.1.1
policyMappings = critical, 2.999.1.1:2.999.2.1
policyConstraints = critical, requireExplicitPolicy:0"
  ca_section ca_map_any "certificatePolicies = 2.5.29.32.0
policyMappings = critical, 2.999.1.1:2.5.29.32.0"
  person_section person
  for p in 2.999.1.1 2.999.1.9 2.999.2.1; do
    person_section "person_${p//./_}"
    printf 'certificatePolicies = %s\n' "$p"
  done
} > "$W/ext.cnf"

root root "hocba policies test root"
mkdir -p "$OUT/trust"
cp "$OUT/root.pem" "$OUT/trust/root.pem"

serial=1
# issue NAME CN SECTION ISSUER: a certificate for a fresh key.
issue() {
  local name=$1 cn=$2 section=$3 issuer=$4
  key "$name"
  openssl req -new -utf8 -config "$W/ext.cnf" -key "$W/$name.key" -subj "/C=VN/O=hocba test/CN=$cn" \
    -out "$W/$name.csr"
  serial=$((serial + 1))
  openssl x509 -req -in "$W/$name.csr" -CA "$OUT/$issuer.pem" -CAkey "$W/$issuer.key" -set_serial "$serial" \
    -days 3650 -sha256 -extfile "$W/ext.cnf" -extensions "$section" -out "$OUT/$name.pem" 2>/dev/null
  if [ "$issuer" != root ]; then
    cp "$W/$name.key" "$OUT/keys/$name.pem"
    cat "$OUT/$name.pem" "$OUT/$issuer.pem" > "$OUT/chains/$name.pem"
  fi
}

issue ca-explicit "CA yêu cầu chính sách" ca_explicit root
issue ca-mapping "CA ánh xạ chính sách" ca_mapping root
issue ca-map-any "CA ánh xạ tới anyPolicy" ca_map_any root
issue explicit-ok "Nguyễn Thị Lan" person_2_999_1_1 ca-explicit
issue explicit-none "Trần Văn Minh" person ca-explicit
issue explicit-other "Lê Văn Hùng" person_2_999_1_9 ca-explicit
issue mapped-ok "Phạm Thị Hoa" person_2_999_2_1 ca-mapping
issue mapped-unmapped "Đỗ Văn Nam" person_2_999_1_1 ca-mapping
issue map-any "Vũ Thị Mai" person_2_999_1_1 ca-map-any
echo "wrote $(ls "$OUT"/*.pem | wc -l) certificates to $OUT"

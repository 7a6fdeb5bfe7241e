#!/usr/bin/env bash
# Generates a small hierarchy with name constraints into tests/pki/name-constraints/ (decisions D-105):
#
#   root (no constraints) → "Sở GD&ĐT Hà Nội CA" (critical nameConstraints) → people
#
# The CA permits the directory subtree C=VN, O=Sở Giáo dục và Đào tạo Hà Nội (minus the excluded
# OU=Phòng thử nghiệm under it), mailboxes under .edu.vn, and excludes the DNS name test.edu.vn. Its
# constraints are written as UTF8String; the people's names are written as OpenSSL's "default" string
# mask writes them (PrintableString for ASCII, BMPString for Vietnamese), and one in upper case with
# doubled spaces, so matching must compare values as RFC 5280 §7.1 asks, not by their bytes.
#
#   ok.pem            inside, mailbox lan@chuvanan.edu.vn                  → valid
#   ok-folded.pem     inside, O in upper case, other string types          → valid
#   outside.pem       O=Sở Giáo dục và Đào tạo Đà Nẵng                     → name_not_permitted
#   excluded.pem      OU=Phòng thử nghiệm under the permitted O            → name_excluded
#   gmail-san.pem     inside, subjectAltName mailbox lan@gmail.com         → name_not_permitted
#   gmail-subject.pem inside, emailAddress=lan@gmail.com in the subject    → name_not_permitted
#   dns-excluded.pem  inside, subjectAltName DNS www.test.edu.vn           → name_excluded
#   ca-reencoded.pem  the CA again (same key), its subject encoded otherwise and in upper case
#
# Each person's key is kept in keys/NAME.pem and the person's certificate with the CA's in chains/NAME.pem,
# for the CLI's sign-then-verify test. TEST ONLY: these keys are public and must never sign anything real. Validity starts on the day of
# generation and lasts ten years; the tests check paths at a fixed time inside it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-pki-lib.sh
. scripts/test-pki-lib.sh
start_output tests/pki/name-constraints keys chains

# OpenSSL reads the dirName sections of a config as Latin-1, which would double-encode the Vietnamese,
# so the extension is written as DER here.
nc_der=$(python3 - <<'PY'
def tlv(tag, body):
    n = len(body)
    length = bytes([n]) if n < 128 else bytes([0x80 | len(n.to_bytes((n.bit_length() + 7) // 8, "big"))]) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag]) + length + body
def attribute(oid, tag, text):
    return tlv(0x31, tlv(0x30, tlv(0x06, oid) + tlv(tag, text.encode())))
C, O, OU = bytes([85, 4, 6]), bytes([85, 4, 10]), bytes([85, 4, 11])
hanoi = attribute(C, 0x13, "VN") + attribute(O, 0x0C, "Sở Giáo dục và Đào tạo Hà Nội")
permitted = tlv(0x30, tlv(0xA4, tlv(0x30, hanoi))) + tlv(0x30, tlv(0x81, b".edu.vn"))
excluded = tlv(0x30, tlv(0xA4, tlv(0x30, hanoi + attribute(OU, 0x0C, "Phòng thử nghiệm")))) + tlv(0x30, tlv(0x82, b"test.edu.vn"))
print(":".join(f"{b:02X}" for b in tlv(0x30, tlv(0xA0, permitted) + tlv(0xA1, excluded))))
PY
)
{
  common_sections
  ca_section ca "nameConstraints = critical, DER:$nc_der"
  person_section person
  person_section person_lan email:lan@chuvanan.edu.vn
  person_section person_gmail email:lan@gmail.com
  person_section person_dns DNS:www.test.edu.vn
} > "$W/ext.cnf"

root root "hocba name constraints test root"

serial=1
# issue NAME SUBJECT SECTION ISSUER [STRING_MASK]: a certificate for a fresh key.
issue() {
  local name=$1 subject=$2 section=$3 issuer=$4 mask=${5:-utf8only}
  key "$name"
  printf '[req]\ndistinguished_name=dn\nstring_mask=%s\n[dn]\n' "$mask" > "$W/req.cnf"
  openssl req -new -utf8 -config "$W/req.cnf" -key "$W/$name.key" -subj "$subject" -out "$W/$name.csr"
  serial=$((serial + 1))
  openssl x509 -req -in "$W/$name.csr" -CA "$OUT/$issuer.pem" -CAkey "$W/$issuer.key" -set_serial "$serial" \
    -days 3650 -sha256 -extfile "$W/ext.cnf" -extensions "$section" -out "$OUT/$name.pem" 2>/dev/null
  if [ "$issuer" = ca ]; then
    cp "$W/$name.key" "$OUT/keys/$name.pem"
    cat "$OUT/$name.pem" "$OUT/ca.pem" > "$OUT/chains/$name.pem"
  fi
}

issue ca "/C=VN/O=Sở Giáo dục và Đào tạo Hà Nội/CN=Sở GD&ĐT Hà Nội CA" ca root
# The same CA and key, its subject written another way (PrintableString and BMPString, upper case): the
# people's certificates name their issuer in UTF8String, so a path through this copy chains only if names
# compare as RFC 5280 §7.1 asks (D-106).
printf '[req]\ndistinguished_name=dn\nstring_mask=default\n[dn]\n' > "$W/req.cnf"
openssl req -new -utf8 -config "$W/req.cnf" -key "$W/ca.key" \
  -subj "/C=VN/O=SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI/CN=SỞ GD&ĐT HÀ NỘI CA" -out "$W/ca-reencoded.csr"
openssl x509 -req -in "$W/ca-reencoded.csr" -CA "$OUT/root.pem" -CAkey "$W/root.key" -set_serial 100 \
  -days 3650 -sha256 -extfile "$W/ext.cnf" -extensions ca -out "$OUT/ca-reencoded.pem" 2>/dev/null
HN="/C=VN/O=Sở Giáo dục và Đào tạo Hà Nội"
issue ok "$HN/OU=THPT Chu Văn An/CN=Nguyễn Thị Lan" person_lan ca default
issue ok-folded "/C=VN/O=SỞ GIÁO DỤC VÀ ĐÀO TẠO  HÀ NỘI/CN=Trần Văn Minh" person ca default
issue outside "/C=VN/O=Sở Giáo dục và Đào tạo Đà Nẵng/CN=Lê Văn Hùng" person ca
issue excluded "$HN/OU=Phòng thử nghiệm/CN=Người Thử" person ca
issue gmail-san "$HN/CN=Nguyễn Thị Lan" person_gmail ca
issue gmail-subject "$HN/CN=Nguyễn Thị Lan/emailAddress=lan@gmail.com" person ca
issue dns-excluded "$HN/CN=Máy chủ thử" person_dns ca
echo "wrote $(ls "$OUT"/*.pem | wc -l) certificates to $OUT"

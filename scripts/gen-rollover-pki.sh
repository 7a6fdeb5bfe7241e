#!/usr/bin/env bash
# Generates a CA that renewed its key into tests/pki/rollover/ (decisions D-109):
#
#   root ─┬─ ca-old.pem   "Rollover CA", key 1: issued teacher.pem and revoked.pem
#         └─ ca-new.pem   "Rollover CA", key 2 (the renewal): signs the CRLs from now on
#   other-root ── ca-new-elsewhere.pem   "Rollover CA", key 2 again, under another root
#
#   crl-new-key.pem   signed with key 2 on 2030-01-01, lists revoked.pem (key compromise, 2029-01-01)
#
# RFC 5280 §6.3.3 (f): a CRL signed by the certificate issuer's name under another key counts when that
# signer has a valid path to the same trust anchor; ca-new-elsewhere has the name and key but another
# anchor, so it must not make the CRL count.
#
# TEST ONLY: the keys are thrown away and the files are checked in. Validity starts on the day of
# generation and lasts ten years; the CRL is dated 2030-01-01, inside that.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-pki-lib.sh
. scripts/test-pki-lib.sh
start_output tests/pki/rollover

{
  common_sections
  ca_section ca
  person_section person
} > "$W/ext.cnf"

# cert NAME KEY SUBJECT SECTION ISSUER SERIAL
cert() {
  openssl req -new -utf8 -config "$W/ext.cnf" -key "$W/$2.key" -subj "$3" -out "$W/$1.csr"
  openssl x509 -req -in "$W/$1.csr" -CA "$OUT/$5.pem" -CAkey "$W/$5.key" -set_serial "$6" -days 3650 \
    -sha256 -extfile "$W/ext.cnf" -extensions "$4" -out "$OUT/$1.pem" 2>/dev/null
}

root root "hocba rollover test root"
root other-root "hocba rollover test other root"
CA="/C=VN/O=hocba test/CN=Rollover CA"
key key1
key key2
cert ca-old key1 "$CA" ca root 10
cert ca-new key2 "$CA" ca root 11
cert ca-new-elsewhere key2 "$CA" ca other-root 12
cp "$W/key1.key" "$W/ca-old.key"
key teacher
key revoked
cert teacher teacher "/C=VN/O=hocba test/CN=Nguyễn Thị Lan" person ca-old 100
cert revoked revoked "/C=VN/O=hocba test/CN=Trần Văn Bình" person ca-old 101

# The CRL of key 2, listing certificate 101 (issued under key 1) as revoked for key compromise.
mkdir -p "$W/db"
: > "$W/db/index.txt"
printf 'R\t361201000000Z\t290101000000Z,keyCompromise\t65\tunknown\t/CN=Trần Văn Bình\n' >> "$W/db/index.txt"
echo 01 > "$W/db/crlnumber"
cat > "$W/ca.cnf" <<CNF
[ ca ]
default_ca = d
[ d ]
database = $W/db/index.txt
crlnumber = $W/db/crlnumber
default_md = sha256
crl_extensions = crl
[ crl ]
authorityKeyIdentifier = keyid
CNF
openssl ca -gencrl -config "$W/ca.cnf" -keyfile "$W/key2.key" -cert "$OUT/ca-new.pem" \
  -crl_lastupdate 20300101000000Z -crl_nextupdate 20300201000000Z \
  -out "$OUT/crl-new-key.pem" 2>/dev/null
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"

#!/usr/bin/env bash
# Generates the test PKI of hocba's signing and verification tests into tests/pki/.
#
#   scripts/gen-test-pki.sh
#
# TEST ONLY. Every private key under tests/pki/keys/ is public, made for these tests, and must never
# sign anything real.
#
# Two hierarchies, as in Vietnam: a national root over a licensed public CA (like the Root CA of the
# National Electronic Authentication Centre over VNPT-CA, Viettel-CA, ...) and a government root over a
# state CA (like the Government Cipher Committee's VGCA, which issues public schools' certificates).
# Plus a timestamp authority, CRLs, and the bad cases: expired, not yet valid, revoked (two reasons),
# wrong key usage, a CA:false intermediate, RSA-1024, a SHA-1 signed certificate, a chain to an unknown
# root and a loop.
#
# Dates, serials, names and extensions are fixed, so the certificates differ between runs only by their
# keys (fresh random keys each run) and the signatures that depend on them. That is why the generated
# files are checked in and CI does NOT re-run this script and diff: a re-run changes every key. Re-running
# is for deliberate changes; run scripts/gen-verify-vectors.sh afterwards, since the signed vectors
# depend on these keys.
#
# Validity: roots 2015–2045, CAs 2020–2040, people and the school 2025-01-01 → 2030-01-01 (five years,
# the usual length of a personal certificate). The tests sign in June 2025 and verify at fixed dates; the
# interoperability tests sign with openssl at the real time, so they need the people's certificates to
# be valid today: regenerate before 2030.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

OUT=tests/pki
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
W=$TMP/work
mkdir -p "$W" "$TMP/out/certs" "$TMP/out/keys" "$TMP/out/crl" "$TMP/out/trust" "$TMP/out/chains"

conf() { # conf NAME -> writes $W/NAME/ca.cnf
  local d=$W/$1
  mkdir -p "$d/newcerts"
  : > "$d/index.txt"
  echo "unique_subject = no" > "$d/index.txt.attr"
  echo "$2" > "$d/serial"
  echo 01 > "$d/crlnumber"
  cat > "$d/ca.cnf" <<CNF
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = $d
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
crlnumber = \$dir/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
email_in_dn = no
preserve = yes
string_mask = utf8only
utf8 = yes
[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
UID = optional
serialNumber = optional
[ req ]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[ dn ]
CN = unused
[ ext_root ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ ext_ca ]
basicConstraints = critical,CA:true,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_ca_open ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_signer ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = clientAuth,emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_wrong_ku ]
basicConstraints = critical,CA:false
keyUsage = critical,keyEncipherment,dataEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_not_ca ]
basicConstraints = critical,CA:false
keyUsage = critical,keyCertSign,cRLSign,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_tsa ]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ crl_ext ]
authorityKeyIdentifier = keyid
CNF
}

key() { # key NAME TYPE
  case $2 in
    rsa1024) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$TMP/out/keys/$1.pem" 2>/dev/null ;;
    rsa2048) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$TMP/out/keys/$1.pem" 2>/dev/null ;;
    rsa3072) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$TMP/out/keys/$1.pem" 2>/dev/null ;;
    p256) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$TMP/out/keys/$1.pem" ;;
    p384) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out "$TMP/out/keys/$1.pem" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$TMP/out/keys/$1.pem" ;;
  esac
}

csr() { # csr NAME SUBJECT
  openssl req -new -config "$W/root-national/ca.cnf" -utf8 -key "$TMP/out/keys/$1.pem" -subj "$2" \
    -out "$W/$1.csr" 2>/dev/null
}

selfsign() { # selfsign CA NAME SUBJECT START END
  csr "$2" "$3"
  openssl ca -batch -config "$W/$1/ca.cnf" -selfsign -keyfile "$TMP/out/keys/$2.pem" -in "$W/$2.csr" \
    -out "$TMP/out/certs/$2.pem" -startdate "$4" -enddate "$5" -extensions ext_root -notext -utf8 2>/dev/null
  cp "$TMP/out/certs/$2.pem" "$W/$1/ca.pem"
  cp "$TMP/out/keys/$2.pem" "$W/$1/ca.key"
}

issue() { # issue CA NAME SUBJECT START END EXT [MD]
  csr "$2" "$3"
  openssl ca -batch -config "$W/$1/ca.cnf" -cert "$W/$1/ca.pem" -keyfile "$W/$1/ca.key" -in "$W/$2.csr" \
    -out "$TMP/out/certs/$2.pem" -startdate "$4" -enddate "$5" -extensions "$6" -md "${7:-sha256}" \
    -notext -utf8 2>/dev/null
}

as_ca() { # as_ca CERTNAME CADIR SERIAL: the issued certificate becomes a CA with its own database
  conf "$2" "$3"
  cp "$TMP/out/certs/$1.pem" "$W/$2/ca.pem"
  cp "$TMP/out/keys/$1.pem" "$W/$2/ca.key"
}

revoke() { # revoke CA NAME REASON DATE(YYMMDDHHMMSSZ): revocation date set in the database
  openssl ca -config "$W/$1/ca.cnf" -cert "$W/$1/ca.pem" -keyfile "$W/$1/ca.key" \
    -revoke "$TMP/out/certs/$2.pem" -crl_reason "$3" 2>/dev/null
  local serial
  serial=$(openssl x509 -in "$TMP/out/certs/$2.pem" -noout -serial | cut -d= -f2)
  awk -v s="$serial" -v d="$4" 'BEGIN{FS=OFS="\t"} $4==s { split($3, a, ","); $3 = d (a[2] ? "," a[2] : "") } {print}' \
    "$W/$1/index.txt" > "$W/$1/index.new" && mv "$W/$1/index.new" "$W/$1/index.txt"
}

crl() { # crl CA OUTNAME
  openssl ca -gencrl -config "$W/$1/ca.cnf" -cert "$W/$1/ca.pem" -keyfile "$W/$1/ca.key" \
    -crl_lastupdate 20251001000000Z -crl_nextupdate 20251101000000Z -crlexts crl_ext \
    -out "$TMP/out/crl/$2.crl.pem" 2>/dev/null
}

ROOT_FROM=150101000000Z; ROOT_TO=450101000000Z
P_FROM=250101000000Z;    P_TO=300101000000Z
SCHOOL="Trường THPT Nguyễn Thị Minh Khai"   # as examples/records/tt22-grade10.json names it

# --- Additive mode: `scripts/gen-test-pki.sh --add-seal-p256` issues only the P-256 school seal (for ES256
# QR stubs) with the checked-in ca-gov key, leaving every existing key, certificate and CRL as it is.
# Serial 0x4003 is the one the full run gives it (after ht, seal, ht-ed25519).
if [ "${1:-}" = "--add-seal-p256" ]; then
  conf ca-gov 4003
  cp "$OUT/certs/ca-gov.pem" "$W/ca-gov/ca.pem"
  cp "$OUT/keys/ca-gov.pem" "$W/ca-gov/ca.key"
  conf root-national 1000   # csr() reads its [req] section
  key seal-p256 p256
  issue ca-gov seal-p256 "/C=VN/L=TP. Hồ Chí Minh/O=$SCHOOL/CN=$SCHOOL/UID=MNS:79000701" $P_FROM $P_TO ext_signer
  cp "$TMP/out/keys/seal-p256.pem" "$OUT/keys/"
  cp "$TMP/out/certs/seal-p256.pem" "$OUT/certs/"
  cat "$OUT/certs/seal-p256.pem" "$OUT/certs/ca-gov.pem" > "$OUT/chains/seal-p256.pem"
  echo "added tests/pki/{keys,certs,chains}/seal-p256.pem"
  exit 0
fi
CA_FROM=200101000000Z;   CA_TO=400101000000Z
P_FROM=250101000000Z;    P_TO=300101000000Z

# --- The two roots -------------------------------------------------------------------------------
conf root-national 1000
key root-national rsa3072
selfsign root-national root-national "/C=VN/O=Trung tâm Chứng thực điện tử quốc gia (TEST)/CN=Root CA quốc gia (TEST)" $ROOT_FROM $ROOT_TO
conf root-gov 2000
key root-gov p384
selfsign root-gov root-gov "/C=VN/O=Ban Cơ yếu Chính phủ (TEST)/CN=Cơ quan chứng thực điện tử chuyên dùng Chính phủ (TEST)" $ROOT_FROM $ROOT_TO

# --- Intermediates -------------------------------------------------------------------------------
key ca-public rsa2048
issue root-national ca-public "/C=VN/O=Công ty Chứng thực số công cộng (TEST)/CN=Public CA (TEST)" $CA_FROM $CA_TO ext_ca
as_ca ca-public ca-public 3000
key ca-gov p256
issue root-gov ca-gov "/C=VN/O=Ban Cơ yếu Chính phủ (TEST)/CN=VGCA cấp 2 (TEST)" $CA_FROM $CA_TO ext_ca
as_ca ca-gov ca-gov 4000

SCHOOL="Trường THPT Nguyễn Thị Minh Khai"   # as examples/records/tt22-grade10.json names it
# --- The people and the school --------------------------------------------------------------------
key gvcn rsa2048      # class teacher: RSA PKCS#1 v1.5 through the public CA
issue ca-public gvcn "/C=VN/L=TP. Hồ Chí Minh/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
key ht p256           # principal: ECDSA P-256 through the government CA
issue ca-gov ht "/C=VN/L=TP. Hồ Chí Minh/O=$SCHOOL/title=Hiệu trưởng/CN=Phạm Văn Đức/UID=CCCD:079180000002" $P_FROM $P_TO ext_signer
key seal rsa2048      # the school's organisation certificate (signed with RSASSA-PSS in the tests)
issue ca-gov seal "/C=VN/L=TP. Hồ Chí Minh/O=$SCHOOL/CN=$SCHOOL/UID=MNS:79000701" $P_FROM $P_TO ext_signer
key ht-ed25519 ed25519  # the same principal with an Ed25519 key
issue ca-gov ht-ed25519 "/C=VN/O=$SCHOOL/CN=Phạm Văn Đức/UID=CCCD:079180000002" $P_FROM $P_TO ext_signer
key seal-p256 p256      # the school seal with a P-256 key (ES256 QR stubs)
issue ca-gov seal-p256 "/C=VN/L=TP. Hồ Chí Minh/O=$SCHOOL/CN=$SCHOOL/UID=MNS:79000701" $P_FROM $P_TO ext_signer
key gvcn-p384 p384      # the class teacher with a P-384 key
issue ca-public gvcn-p384 "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
key tsa rsa2048
issue ca-public tsa "/C=VN/O=Công ty Chứng thực số công cộng (TEST)/CN=Timestamp Authority (TEST)" $P_FROM 350101000000Z ext_tsa

# --- Bad cases ----------------------------------------------------------------------------------------
key gvcn-expired rsa2048
issue ca-public gvcn-expired "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" 190101000000Z 240101000000Z ext_signer
key gvcn-future rsa2048
issue ca-public gvcn-future "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" 310101000000Z 360101000000Z ext_signer
key gvcn-revoked rsa2048     # revoked 2025-06-21, affiliation changed (does not taint earlier signatures)
issue ca-public gvcn-revoked "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
key gvcn-compromised rsa2048 # revoked 2025-06-21, key compromise (taints unproven earlier times)
issue ca-public gvcn-compromised "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
key gvcn-wrong-ku rsa2048
issue ca-public gvcn-wrong-ku "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_wrong_ku
key gvcn-rsa1024 rsa1024
issue ca-public gvcn-rsa1024 "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
key gvcn-sha1 rsa2048
issue ca-public gvcn-sha1 "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer sha1
key not-a-ca rsa2048         # an end-entity certificate (CA:false) used as an intermediate
issue ca-public not-a-ca "/C=VN/O=Công ty Chứng thực số công cộng (TEST)/CN=Not a CA (TEST)" $CA_FROM $CA_TO ext_not_ca
as_ca not-a-ca not-a-ca 5000
key gvcn-under-not-ca rsa2048
issue not-a-ca gvcn-under-not-ca "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
conf root-unknown 6000
key root-unknown rsa2048
selfsign root-unknown root-unknown "/C=VN/O=Không ai biết (TEST)/CN=Unknown Root (TEST)" $ROOT_FROM $ROOT_TO
key gvcn-unknown-root rsa2048
issue root-unknown gvcn-unknown-root "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer
# A loop: loop-a is issued by loop-b and loop-b by loop-a; neither is trusted.
conf loop-b-tmp 7000
key loop-b rsa2048
selfsign loop-b-tmp loop-b "/C=VN/CN=Loop B (TEST)" $CA_FROM $CA_TO
key loop-a rsa2048
issue loop-b-tmp loop-a "/C=VN/CN=Loop A (TEST)" $CA_FROM $CA_TO ext_ca_open
as_ca loop-a loop-a 8000
issue loop-a loop-b "/C=VN/CN=Loop B (TEST)" $CA_FROM $CA_TO ext_ca_open
key gvcn-loop rsa2048
issue loop-a gvcn-loop "/C=VN/O=$SCHOOL/CN=Lê Thị Hồng Nhung/UID=CCCD:079190000001" $P_FROM $P_TO ext_signer

# --- CRLs (thisUpdate 2025-10-01, after the June 2025 signatures) --------------------------------------
revoke ca-public gvcn-revoked affiliationChanged 250621000000Z
revoke ca-public gvcn-compromised keyCompromise 250621000000Z
crl ca-public ca-public
crl ca-gov ca-gov
crl root-national root-national
crl root-gov root-gov

# --- Chains (leaf first) and the trust directory ----------------------------------------------------
c() { cat "$TMP/out/certs/$1.pem"; }
for p in gvcn gvcn-p384 gvcn-expired gvcn-future gvcn-revoked gvcn-compromised gvcn-wrong-ku gvcn-rsa1024 gvcn-sha1 tsa; do
  { c $p; c ca-public; } > "$TMP/out/chains/$p.pem"
done
for p in ht ht-ed25519 seal seal-p256; do { c $p; c ca-gov; } > "$TMP/out/chains/$p.pem"; done
{ c gvcn-under-not-ca; c not-a-ca; } > "$TMP/out/chains/gvcn-under-not-ca.pem"
{ c gvcn-unknown-root; c root-unknown; } > "$TMP/out/chains/gvcn-unknown-root.pem"
{ c gvcn-loop; c loop-a; c loop-b; } > "$TMP/out/chains/gvcn-loop.pem"
cp "$TMP/out/certs/root-national.pem" "$TMP/out/certs/root-gov.pem" "$TMP/out/certs/ca-public.pem" \
   "$TMP/out/certs/ca-gov.pem" "$TMP/out/trust/"

# --- TSA configuration (for openssl ts -reply) -------------------------------------------------------
cat > "$TMP/out/tsa.cnf" <<CNF
# openssl ts configuration of the test TSA (paths relative to the repository root).
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = tests/pki/tsa-serial.txt
signer_cert = tests/pki/certs/tsa.pem
certs = tests/pki/certs/ca-public.pem
signer_key = tests/pki/keys/tsa.pem
signer_digest = sha256
default_policy = 1.3.6.1.4.1.242424242.9.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
echo 01 > "$TMP/out/tsa-serial.txt"
cat > "$TMP/out/keys/README.md" <<'MD'
# TEST-ONLY private keys

These keys are published with hocba's source code and exist only for its tests. Anything they sign is
worthless. Never use them, or certificates issued to them, for a real record.
MD

rm -rf "$OUT/certs" "$OUT/keys" "$OUT/crl" "$OUT/trust" "$OUT/chains" "$OUT/tsa.cnf" "$OUT/tsa-serial.txt"
mkdir -p "$OUT"
cp -r "$TMP/out/"* "$OUT/"
echo "test PKI written to $OUT"

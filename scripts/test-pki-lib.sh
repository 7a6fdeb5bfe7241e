# Shared by the small generators of test hierarchies (gen-name-constraints-pki.sh, gen-rollover-pki.sh,
# gen-policy-pki.sh): sourced from the repository's root, then `start_output DIR [SUBDIR…]`. TEST ONLY:
# P-256 keys made here are thrown away or checked in as public test keys.

# start_output DIR [SUBDIR…]: checks for openssl, empties DIR (and makes its SUBDIRs) as $OUT, and makes
# the scratch directory $W, removed on exit.
start_output() {
  command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }
  OUT=$1
  shift
  rm -rf "$OUT"
  mkdir -p "$OUT"
  for sub in "$@"; do mkdir -p "$OUT/$sub"; done
  W=$(mktemp -d)
  trap 'rm -rf "$W"' EXIT
}

# key NAME: a fresh P-256 key in $W/NAME.key.
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$W/$1.key" 2>/dev/null; }

# common_sections: the request defaults and a root's extensions.
common_sections() {
  cat <<'CNF'
[ req ]
distinguished_name = dn
string_mask = utf8only
[ dn ]
[ root ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
}

# ca_section NAME [LINE]: an issuing CA's extensions (no CA below it), plus LINE.
ca_section() {
  printf '[ %s ]\nbasicConstraints = critical, CA:true, pathlen:0\nkeyUsage = critical, keyCertSign, cRLSign\n' "$1"
  printf 'subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n'
  [ -z "${2:-}" ] || printf '%s\n' "$2"
}

# person_section NAME [SUBJECT_ALT_NAME]: a signer's extensions.
person_section() {
  printf '[ %s ]\nbasicConstraints = critical, CA:false\nkeyUsage = critical, digitalSignature, nonRepudiation\n' "$1"
  printf 'authorityKeyIdentifier = keyid\n'
  [ -z "${2:-}" ] || printf 'subjectAltName = %s\n' "$2"
}

# root NAME CN: a self-signed root for ten years, its key in $W/NAME.key (needs $W/ext.cnf).
root() {
  key "$1"
  openssl req -new -x509 -utf8 -config "$W/ext.cnf" -extensions root -key "$W/$1.key" -days 3650 \
    -subj "/C=VN/O=hocba test/CN=$2" -out "$OUT/$1.pem"
}

#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time (FUZZ_SECONDS each, default 30) on the nightly
# toolchain. A crash, a timeout (an input that takes more than 10 s) or an out-of-memory (> 2 GiB) fails
# the run; the input that caused it is left in fuzz/artifacts/<target>/.
# Usage: scripts/fuzz.sh                 — every target, 30 s each
#        FUZZ_SECONDS=300 scripts/fuzz.sh parse_validate canonicalize
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-30}"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
  cargo install cargo-fuzz --locked
fi

# Seed corpora from the project's own files (the corpus folders are not committed).
seed() {
  local target="$1"; shift
  mkdir -p "fuzz/corpus/$target"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "fuzz/corpus/$target/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
  done
  return 0
}
seed parse_validate examples/records/*.json examples/records/broken/*.json
python3 - <<'PY'
import json, os, glob
out = "fuzz/corpus/parse_validate"
for path in sorted(glob.glob("tests/vectors/record/*.json")):
    v = json.load(open(path, encoding="utf-8"))
    body = v.get("input_text")
    if body is None:
        body = json.dumps(v["input"], ensure_ascii=False, indent=1)
    with open(os.path.join(out, "vector-" + os.path.basename(path)), "w", encoding="utf-8") as f:
        f.write(body)
out = "fuzz/corpus/canonicalize"
os.makedirs(out, exist_ok=True)
for path in sorted(glob.glob("tests/vectors/jcs/*.json")):
    v = json.load(open(path, encoding="utf-8"))
    if "input_text" in v:
        with open(os.path.join(out, "jcs-" + os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(v["input_text"])
PY
seed canonicalize examples/records/*.json
seed assess_json examples/student-*.json examples/class-*.json examples/broken/*.json
# qr_decode: the first byte picks the layer (0 = the stub text); seed with the example stub.
mkdir -p fuzz/corpus/qr_decode
{ printf '\0'; cat examples/signed/valid.stub.txt; } > fuzz/corpus/qr_decode/seed-valid-stub
seed typed_json_agrees examples/records/*.json examples/student-*.json examples/class-*.json
# cose_agrees: the example stub's COSE_Sign1 (Base45, then zlib, undone here).
mkdir -p fuzz/corpus/cose_agrees
python3 - <<'PY'
import zlib
text = open("examples/signed/valid.stub.txt", encoding="utf-8").read().strip()
body = text.split(":", 1)[1]
alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
out = bytearray()
for i in range(0, len(body), 3):
    chunk = [alphabet.index(c) for c in body[i:i + 3]]
    n = sum(v * 45 ** k for k, v in enumerate(chunk))
    out += n.to_bytes(2 if len(chunk) == 3 else 1, "big")
with open("fuzz/corpus/cose_agrees/seed-valid-stub", "wb") as f:
    f.write(zlib.decompress(bytes(out)))
PY
# package_verify: manifest, a 0xFF byte, then records.ndjson (a one-record package of the demo record).
mkdir -p fuzz/corpus/package_verify
python3 - <<'PY'
import hashlib, json
line = json.dumps(json.load(open("examples/signed/valid.json", encoding="utf-8")), ensure_ascii=False, separators=(",", ":")).encode()
manifest = {"format": "hocba.package/1", "school": {"code": "79000701"}, "school_year": "2024-2025",
            "created_at": "2025-07-01T01:00:00Z", "count": 1,
            "records": [{"line": 1, "record_id": "79000701.2024-2025.7900123456.v1",
                         "line_sha256": hashlib.sha256(line).hexdigest(), "record_digest": "0" * 64}]}
with open("fuzz/corpus/package_verify/seed-one-record", "wb") as f:
    f.write(json.dumps(manifest).encode() + b"\xff" + line + b"\n")
PY
seed display_summary examples/records/*.json examples/signed/*.json
seed record_checks_trip examples/signed/*.json examples/records/*.json
# parse_cms: a CMS in DER and one in BER (indefinite lengths, as streaming signers write: D-98), and the
# test PKI's certificates and CRLs in DER.
mkdir -p fuzz/corpus/parse_cms
for form in "" "-stream"; do
  openssl cms -sign -cades -binary -outform DER $form -signer tests/pki/certs/gvcn.pem \
    -inkey tests/pki/keys/gvcn.pem -certfile tests/pki/certs/ca-public.pem -in examples/records/tt27-grade4.json \
    -out "fuzz/corpus/parse_cms/seed-cms${form:--der}"
done
for f in tests/pki/certs/*.pem; do
  openssl x509 -in "$f" -outform DER -out "fuzz/corpus/parse_cms/seed-cert-$(basename "$f" .pem)"
done
for f in tests/pki/crl/*.pem; do
  openssl crl -in "$f" -outform DER -out "fuzz/corpus/parse_cms/seed-crl-$(basename "$f" .pem)"
done
# NIST PKITS (D-111): certificates and CRLs with every extension and CRL feature a validator meets —
# distribution points, delta and indirect CRLs, name constraints, policies, times before 1970.
for f in tests/pki/pkits/certs/*.crt tests/pki/pkits/crls/*.crl; do
  cp "$f" "fuzz/corpus/parse_cms/seed-pkits-$(basename "$f")"
done
# build_paths: PKITS chains with their CRLs (policies among them), and x509-limbo's pathological chain cut to 16 intermediates
# (every certificate appears to have issued every other), in the target's length-prefixed form.
python3 - <<'PY'
import base64, json, os, re
out = "fuzz/corpus/build_paths"
os.makedirs(out, exist_ok=True)
def frame(flag, ders):
    return bytes([flag]) + b"".join(len(d).to_bytes(2, "big") + d for d in ders)
pk = "tests/pki/pkits"
read = lambda kind, name: open(f"{pk}/{kind}/{name}", "rb").read()
chains = {
    "good": (["GoodCACert.crt"], ["TrustAnchorRootCRL.crl", "GoodCACRL.crl"], "ValidCertificatePathTest1EE.crt"),
    "revoked": (["GoodCACert.crt"], ["TrustAnchorRootCRL.crl", "GoodCACRL.crl"], "InvalidRevokedEETest3EE.crt"),
    "self-issued": (["BasicSelfIssuedNewKeyCACert.crt", "BasicSelfIssuedNewKeyOldWithNewCACert.crt"],
                    ["TrustAnchorRootCRL.crl", "BasicSelfIssuedNewKeyCACRL.crl"], "ValidBasicSelfIssuedOldWithNewTest1EE.crt"),
    # Certificate policies (D-113): a mapping, a mapping to anyPolicy, requireExplicitPolicy four deep.
    "policy-mapping": (["Mapping1to2CACert.crt"], ["TrustAnchorRootCRL.crl", "Mapping1to2CACRL.crl"],
                       "ValidPolicyMappingTest1EE.crt"),
    "mapping-to-any": (["MappingToanyPolicyCACert.crt"], ["TrustAnchorRootCRL.crl"], "InvalidMappingToanyPolicyTest8EE.crt"),
    "require-explicit": ([f"requireExplicitPolicy4{s}CACert.crt" for s in ("", "sub", "subsub", "subsubsub")],
                         ["TrustAnchorRootCRL.crl"], "InvalidrequireExplicitPolicyTest3EE.crt"),
    # CRL scopes (D-115): CRLs partitioned by reason, a point's cRLIssuer, an indirect CRL's entries.
    "some-reasons": (["onlySomeReasonsCA1Cert.crt"], ["TrustAnchorRootCRL.crl", "onlySomeReasonsCA1compromiseCRL.crl",
                     "onlySomeReasonsCA1otherreasonsCRL.crl"], "InvalidonlySomeReasonsTest15EE.crt"),
    "crl-issuer": (["indirectCRLCA3Cert.crt", "indirectCRLCA3cRLIssuerCert.crt"],
                   ["TrustAnchorRootCRL.crl", "indirectCRLCA3CRL.crl", "indirectCRLCA3cRLIssuerCRL.crl"],
                   "ValidcRLIssuerTest28EE.crt"),
    "indirect-entries": (["indirectCRLCA5Cert.crt", "indirectCRLCA6Cert.crt"],
                         ["TrustAnchorRootCRL.crl", "indirectCRLCA5CRL.crl"], "InvalidcRLIssuerTest31EE.crt"),
}
for name, (cas, crls, ee) in chains.items():
    ders = [read("certs", "TrustAnchorRootCertificate.crt")] + [read("certs", c) for c in cas] \
        + [read("crls", c) for c in crls] + [read("certs", ee)]
    for flag in (0x20, 0x21, 0x23):
        open(f"{out}/seed-pkits-{name}-{flag:02x}", "wb").write(frame(flag, ders))
pem = lambda text: base64.b64decode("".join(re.findall(r"^[A-Za-z0-9+/=]+$", text, re.M)))
for case in json.load(open("tests/pki/x509-limbo/limbo.json"))["testcases"]:
    if case["id"] == "pathological::pathological-chain-same-subject-same-key":
        ders = [pem(case["trusted_certs"][0])] + [pem(c) for c in case["untrusted_intermediates"][:16]] \
            + [pem(case["peer_certificate"])]
        open(f"{out}/seed-limbo-same-subject-same-key", "wb").write(frame(0x20, ders))
PY

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
for t in "${targets[@]}"; do
  printf '\n==> fuzz %s for %ss\n' "$t" "$seconds"
  (cd fuzz && cargo +nightly fuzz run "$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1)
done
printf '\nfuzzing finished: no crash, no timeout\n'

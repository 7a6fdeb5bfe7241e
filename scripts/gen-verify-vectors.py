#!/usr/bin/env python3
"""Generates the shared verification vectors in tests/vectors/verify/ from the test PKI (tests/pki/).

    python3 scripts/gen-verify-vectors.py            # builds target/debug/hocba first
    python3 scripts/gen-verify-vectors.py --only valid-tt27,…   # (re)writes only these vectors

Each vector is one JSON file:

    {"id": "...", "description": "...",
     "input": {"envelope": {...} | "envelope_text": "...", "trust": "pki/trust", "crls": [...],
               "status_list": {...} | null, "now": "RFC 3339"},
     "expected": {"verdict": "valid|invalid|indeterminate", "checks": [{"id", "status", "code"}, ...]}}

Paths are relative to tests/. The Rust tests (core/tests/verify_vectors.rs) and, later, the JS and Kotlin
tests read the same files. Signatures are made with `hocba sign` (fixed signing times) and with
`openssl cms -sign` (real time); ECDSA and RSA-PSS signatures and the keys are random, so a re-run
rewrites every file: CI does not regenerate and diff. The expected results are written from the
verifier's output and were reviewed case by case when generated; the Rust attack tests also assert the
decisive checks of each case explicitly.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKI = os.path.join(ROOT, "tests", "pki")
OUT = os.path.join(ROOT, "tests", "vectors", "verify")
HOCBA = os.path.join(ROOT, "target", "debug", "hocba")
RECORD = os.path.join(ROOT, "tests", "vectors", "verify", "records", "record.json")
RECORD_V2 = os.path.join(ROOT, "tests", "vectors", "verify", "records", "record-v2.json")
# A primary-school record (TT27, grade 4) whose teacher, principal and school are the test PKI's signers.
RECORD_TT27 = os.path.join(ROOT, "tests", "vectors", "verify", "records", "record-tt27.json")

G = "2025-06-20T09:00:00+07:00"
H = "2025-06-22T10:00:00+07:00"
S = "2025-06-25T14:00:00+07:00"
NOW = "2025-07-10T00:00:00Z"
LIST_TIME = "2025-07-01T08:00:00+07:00"
CRLS = ["pki/crl/ca-public.crl.pem", "pki/crl/ca-gov.crl.pem", "pki/crl/root-national.crl.pem",
        "pki/crl/root-gov.crl.pem"]

TMP = tempfile.mkdtemp()


def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, **kw)


def tmp(name):
    return os.path.join(TMP, name)


def sign(src, role, who, time, dst, *extra, chain=None):
    run(HOCBA, "sign", "--role", role, "--key", f"{PKI}/keys/{who}.pem",
        "--cert", chain or f"{PKI}/chains/{who}.pem", "--time", time, *extra, src, "-o", dst)
    return dst


def standard(record=RECORD, gvcn="gvcn", ht="ht", seal="seal", g=G, h=H, s=S, tag="std",
             gvcn_role="gvcn", ht_role="ht", gvcn_extra=(), ht_key=None):
    a = sign(record, gvcn_role, gvcn, g, tmp(f"{tag}-1.json"), *gvcn_extra)
    b = sign(a, ht_role, ht_key or ht, h, tmp(f"{tag}-2.json"))
    return sign(b, "seal", seal, s, tmp(f"{tag}-3.json"), "--rsa-pss")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def status_list(*actions, name="status"):
    """actions: ("issue", envelope) | ("revoke", record_id, reason) | ("supersede", old_id, new_env, reason)"""
    path = tmp(f"{name}.json")
    if os.path.exists(path):
        os.remove(path)
    for a in actions:
        common = ["--list", path, "--key", f"{PKI}/keys/seal.pem", "--cert", f"{PKI}/chains/seal.pem",
                  "--time", LIST_TIME]
        if a[0] == "issue":
            run(HOCBA, "status", "issue", *common, a[1])
        elif a[0] == "revoke":
            run(HOCBA, "status", "revoke", *common, "--record-id", a[1], "--reason", a[2])
        else:
            run(HOCBA, "status", "supersede", *common, "--record-id", a[1], "--by", a[2], "--reason", a[3])
    return load(path)


def openssl_sign(canon_path, who, chain_extra, dst, *extra):
    run("openssl", "cms", "-sign", "-binary", "-md", "sha256", "-cades", "-signer", f"{PKI}/certs/{who}.pem",
        "-inkey", f"{PKI}/keys/{who}.pem", "-certfile", f"{PKI}/certs/{chain_extra}.pem", "-outform", "DER",
        "-in", canon_path, "-out", dst, *extra)
    return dst


VECTORS = []


def vector(id_, description, envelope, now=NOW, crls=CRLS, status=None, text=None, trust="pki/trust"):
    VECTORS.append({
        "id": id_,
        "description": description,
        "input": {
            **({"envelope_text": text} if text is not None else {"envelope": envelope}),
            "trust": trust,
            "crls": crls,
            "status_list": status,
            "now": now,
        },
    })


def trust_in_other_formats():
    """tests/pki/trust-formats: the trust store of pki/trust as other tools write it (D-108). The national
    root as an `openssl x509 -text` dump, the government root as OpenSSL's TRUSTED CERTIFICATE, the two CAs
    as a DER PKCS #7 bundle. Derived from the checked-in certificates, so a re-run writes the same files."""
    out = os.path.join(PKI, "trust-formats")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    run("openssl", "x509", "-text", "-in", f"{PKI}/certs/root-national.pem", "-out", f"{out}/root-national.crt")
    run("openssl", "x509", "-trustout", "-in", f"{PKI}/certs/root-gov.pem", "-out", f"{out}/root-gov.pem")
    run("openssl", "crl2pkcs7", "-nocrl", "-outform", "DER", "-out", f"{out}/cas.p7b",
        "-certfile", f"{PKI}/certs/ca-public.pem", "-certfile", f"{PKI}/certs/ca-gov.pem")
    return "pki/trust-formats"


def with_sigs(env, fn):
    e = json.loads(json.dumps(env))
    fn(e)
    return e


def main(only=None):
    os.chdir(ROOT)
    run("cargo", "build", "-q", "-p", "hocba-cli")
    shutil.copy(f"{PKI}/tsa-serial.txt", tmp("tsa-serial.txt"))

    full = load(standard())
    record_id = full["record"]["record_id"]
    issued = status_list(("issue", tmp("std-3.json")))
    vector("valid-full", "GVCN (RSA PKCS#1), HT (ECDSA P-256), seal (RSA-PSS), CRLs and a fresh status list",
           full, status=issued)
    vector("valid-without-crl-or-status", "valid signatures; no CRL and no status list: those checks are "
           "Skipped with a message, never silently Valid", full, crls=[])
    vector("valid-trust-in-other-formats", "valid-full verified with its trust store as other tools write "
           "it: a -text dump, a TRUSTED CERTIFICATE and a PKCS #7 bundle (.p7b) of the CAs",
           full, status=issued, trust=trust_in_other_formats())
    vector("valid-years-later", "the teacher's certificate expired long ago (2030) but was valid at the "
           "signing time: still valid in 2035", full, now="2035-01-01T00:00:00Z")
    tt27 = load(standard(record=RECORD_TT27, tag="tt27"))
    vector("valid-tt27", "a primary-school record (TT27, grade 4) signed like valid-full: its results are "
           "recomputed by the TT27 rules", tt27,
           status=status_list(("issue", tmp("tt27-3.json")), name="status-tt27"))
    alt = load(standard(gvcn="gvcn-p384", ht_key="ht-ed25519", tag="alt"))
    vector("valid-p384-ed25519", "GVCN with ECDSA P-384/SHA-384, HT with Ed25519, seal RSA-PSS", alt)
    ess_v1 = load(standard(gvcn_extra=("--ess-v1",), tag="essv1"))
    vector("valid-ess-v1", "the class teacher's signature names her certificate with ESS signing-certificate "
           "(v1, its SHA-1), as some other signing tools write it, instead of signing-certificate-v2", ess_v1)

    def change_name(e):
        e["record"]["student"]["full_name"] += " Anh"
    vector("payload-changed-after-signing", "the student's name was changed after signing",
           with_sigs(full, change_name), status=issued)
    def decompose_name(e):
        # "Nguyễn" with the circumflex and the tilde as combining marks (NFD): not a canonical text.
        e["record"]["student"]["full_name"] = e["record"]["student"]["full_name"].replace(
            "\u1ec5", "e\u0302\u0303")
    vector("record-not-nfc", "the student's name was rewritten with combining marks (not NFC) after signing: "
           "the record has no canonical form, so nothing can be checked against it",
           with_sigs(full, decompose_name), status=issued)
    tampered = load(RECORD)
    tampered["stated"]["tt22"]["subjects"][1]["year"] = "9.8"
    with open(tmp("tampered.json"), "w", encoding="utf-8") as f:
        json.dump(tampered, f, ensure_ascii=False)
    vector("stated-result-tampered-before-signing", "the Toán year average was raised to 9.8 before "
           "signing: every signature holds, the recomputed result does not",
           load(standard(record=tmp("tampered.json"), tag="arith")))
    vector("signature-stripped", "the seal's signature was removed",
           with_sigs(full, lambda e: e["signatures"].pop()), status=issued)

    def swap_declared(e):
        e["signatures"][0]["role"], e["signatures"][1]["role"] = "ht", "gvcn"
    vector("roles-swapped-declared", "the declared roles of the GVCN and HT signatures were swapped",
           with_sigs(full, swap_declared))
    vector("roles-swapped-signed", "the class teacher signed as principal and the principal as class teacher",
           load(standard(gvcn_role="ht", ht_role="gvcn", tag="swap")))
    vector("unknown-root", "the class teacher's certificate chains to a root nobody trusts",
           load(standard(gvcn="gvcn-unknown-root", tag="unk")))
    vector("expired-at-signing-time", "the class teacher's certificate had expired (2024) when she signed",
           load(standard(gvcn="gvcn-expired", gvcn_extra=("--unchecked",), tag="exp")))
    vector("not-yet-valid-at-signing-time", "the class teacher's certificate starts in 2031",
           load(standard(gvcn="gvcn-future", gvcn_extra=("--unchecked",), tag="fut")))
    vector("signed-before-lock", "the class teacher signed on 2025-05-30, before the record was locked (2025-05-31 16:30)",
           load(standard(g="2025-05-30T09:00:00+07:00", tag="lock")))
    vector("signed-out-of-order", "the principal signed before the class teacher",
           load(standard(g="2025-06-23T09:00:00+07:00", tag="order")))
    vector("revoked-before-signing", "the teacher's certificate was revoked on 2025-06-21 (affiliation "
           "changed); she signed on 2025-06-21 12:00", load(standard(gvcn="gvcn-revoked",
                                                                   g="2025-06-21T12:00:00+07:00", tag="revb")))
    vector("revoked-after-signing", "the teacher's certificate was revoked on 2025-06-21 (affiliation "
           "changed), after she signed on 2025-06-20: valid", load(standard(gvcn="gvcn-revoked", tag="reva")))
    vector("compromised-after-signing-unproven", "revoked on 2025-06-21 for key compromise; the signature "
           "claims 2025-06-20 but no timestamp proves it: indeterminate",
           load(standard(gvcn="gvcn-compromised", tag="comp")))
    vector("wrong-key-usage", "the teacher's certificate allows only encipherment",
           load(standard(gvcn="gvcn-wrong-ku", tag="ku")))
    vector("ca-false-intermediate", "the teacher's certificate was issued by an end-entity (CA:false)",
           load(standard(gvcn="gvcn-under-not-ca", tag="nca")))
    vector("rsa-1024", "the teacher's key is RSA-1024", load(standard(gvcn="gvcn-rsa1024",
                                                                       gvcn_extra=("--unchecked",), tag="weak")))
    vector("sha1-certificate", "the teacher's certificate is signed with SHA-1",
           load(standard(gvcn="gvcn-sha1", tag="sha1")))
    vector("path-loop", "the teacher's CA and its issuer certify each other: a loop",
           load(standard(gvcn="gvcn-loop", tag="loop")))
    # tests/pki/policies (scripts/gen-policy-pki.sh, D-113): a CA requiring an explicit policy, a teacher
    # certified under it with none; that hierarchy starts in 2026, so she signs in 2027.
    pol = os.path.join(PKI, "policies")
    run(HOCBA, "sign", "--role", "gvcn", "--key", f"{pol}/keys/explicit-none.pem", "--cert",
        f"{pol}/chains/explicit-none.pem", "--time", "2027-06-01T09:00:00+07:00", RECORD, "-o", tmp("pol.json"))
    vector("policy-required", "the teacher's CA requires an explicit certificate policy "
           "(requireExplicitPolicy 0) and her certificate asserts none", load(tmp("pol.json")),
           now="2027-07-01T00:00:00Z", crls=[], trust="pki/policies/trust")
    # tests/pki/crl-scopes (scripts/gen-crl-scope-pki.py, D-115): a CA's CRLs partitioned by reason and
    # a CRL authority's indirect CRL; a teacher revoked on the indirect CRL under a carried-over
    # certificateIssuer, another whose CA's partition for other reasons is not given.
    scopes = os.path.join(PKI, "crl-scopes")
    scope_crls = [f"pki/crl-scopes/crls/{c}.crl" for c in ("root", "ca-keys", "ca-other", "authority")]
    for who in ("indirect-revoked", "partition-uncovered"):
        run(HOCBA, "sign", "--role", "gvcn", "--key", f"{scopes}/keys/{who}.pem", "--cert",
            f"{scopes}/chains/{who}.pem", "--time", "2027-06-01T09:00:00+07:00", RECORD, "-o", tmp(f"{who}.json"))
    vector("crl-indirect-revoked", "the teacher's certificate names a CRL authority as its point's cRLIssuer; "
           "that authority's indirect CRL lists her as revoked for key compromise before she signed",
           load(tmp("indirect-revoked.json")), now="2027-07-01T00:00:00Z", crls=scope_crls,
           trust="pki/crl-scopes/trust")
    vector("crl-reasons-uncovered", "the teacher's only distribution point is her CA's CRL for key and CA "
           "compromise: no CRL covers the other reasons, so revocation is not decided",
           load(tmp("partition-uncovered.json")), now="2027-07-01T00:00:00Z", crls=scope_crls,
           trust="pki/crl-scopes/trust")
    revoked = status_list(("issue", tmp("std-3.json")), ("revoke", record_id, "nhầm học sinh"), name="rev")
    vector("record-revoked", "the school revoked the record (wrong student)", full, status=revoked)
    v2 = standard(record=RECORD_V2, g="2025-06-26T09:00:00+07:00", h="2025-06-26T10:00:00+07:00",
                  s="2025-06-26T14:00:00+07:00", tag="v2")
    superseded = status_list(("issue", tmp("std-3.json")),
                             ("supersede", record_id, v2, "đính chính điểm Toán"), name="sup")
    vector("record-superseded", "the school issued a corrected record", full, status=superseded)
    vector("corrected-record-current", "the corrected record is current", load(v2), status=superseded)
    vector("status-list-stale", "the status list is 71 days old", full, status=issued,
           now="2025-09-10T00:00:00Z")

    def truncate(e):
        raw = base64.b64decode(e["signatures"][0]["cms"])
        e["signatures"][0]["cms"] = base64.b64encode(raw[: len(raw) // 2]).decode()
    vector("truncated-cms", "the class teacher's CMS is cut in half", with_sigs(full, truncate))

    def garbage(e):
        e["signatures"][0]["cms"] = base64.b64encode(bytes(range(256)) * 4).decode()
    vector("garbage-cms", "the class teacher's CMS is garbage", with_sigs(full, garbage))
    vector("not-json", "the file is not JSON", None, text="this is not a signed record {")
    vector("wrong-format", "a JSON file of another format", None, text='{"format": "hocba.other/1"}')

    # CAdES-T: a timestamp from the test TSA over the class teacher's signature (at the real time).
    def stamp(src, index, dst):
        imprint = run(HOCBA, "timestamp", "imprint", "--index", str(index), src).stdout.decode().strip()
        run("openssl", "ts", "-query", "-digest", imprint, "-sha256", "-cert", "-out", tmp("q.tsq"))
        cnf = open(f"{PKI}/tsa.cnf").read().replace("tests/pki/tsa-serial.txt", tmp("tsa-serial.txt"))
        with open(tmp("tsa.cnf"), "w") as f:
            f.write(cnf)
        run("openssl", "ts", "-reply", "-config", tmp("tsa.cnf"), "-queryfile", tmp("q.tsq"), "-out", tmp("r.tsr"))
        return tmp("r.tsr")
    reply = stamp(tmp("std-3.json"), 0, None)
    run(HOCBA, "timestamp", "attach", "--index", "0", "--reply", reply, tmp("std-3.json"), "-o", tmp("ts.json"))
    vector("timestamped", "the class teacher's signature carries a valid RFC 3161 timestamp",
           load(tmp("ts.json")), now="2029-12-01T00:00:00Z", crls=[])
    run(HOCBA, "timestamp", "attach", "--index", "1", "--reply", reply, tmp("std-3.json"), "-o", tmp("ts-bad.json"))
    vector("timestamp-of-another-signature", "the timestamp over the teacher's signature was moved to the "
           "principal's", load(tmp("ts-bad.json")), now="2029-12-01T00:00:00Z", crls=[])

    # Signatures made by openssl cms -sign over the canonical bytes, attached with --signature.
    canon = tmp("canon.json")
    with open(canon, "wb") as f:
        f.write(run(HOCBA, "canonical", RECORD).stdout if canonical_cmd() else canonical_fallback(RECORD))
    o1 = openssl_sign(canon, "gvcn", "ca-public", tmp("o1.der"))
    o2 = openssl_sign(canon, "ht", "ca-gov", tmp("o2.der"))
    o3 = openssl_sign(canon, "seal", "ca-gov", tmp("o3.der"), "-keyopt", "rsa_padding_mode:pss")
    run(HOCBA, "sign", "--role", "gvcn", "--signature", o1, RECORD, "-o", tmp("os1.json"))
    run(HOCBA, "sign", "--role", "ht", "--signature", o2, tmp("os1.json"), "-o", tmp("os2.json"))
    run(HOCBA, "sign", "--role", "seal", "--signature", o3, tmp("os2.json"), "-o", tmp("os3.json"))
    foreign = load(tmp("os3.json"))
    vector("openssl-signed", "all three signatures made by openssl cms -sign -cades, roles declared beside "
           "them", foreign, now="2029-12-01T00:00:00Z", crls=[])
    vector("openssl-signed-no-declared-role", "an openssl signature with no declared role",
           with_sigs(foreign, lambda e: e["signatures"][0].pop("role")), now="2029-12-01T00:00:00Z", crls=[])
    o4 = tmp("o4.der")
    run("openssl", "cms", "-sign", "-binary", "-md", "sha1", "-signer", f"{PKI}/certs/gvcn.pem", "-inkey",
        f"{PKI}/keys/gvcn.pem", "-outform", "DER", "-in", canon, "-out", o4)
    # hocba sign --signature refuses it, so the entry is written by hand.
    sha1_entry = {"role": "gvcn", "cms": base64.b64encode(open(o4, "rb").read()).decode()}
    vector("sha1-cms", "a CMS signature whose digest algorithm is SHA-1",
           with_sigs(foreign, lambda e: e["signatures"].__setitem__(0, sha1_entry)),
           now="2029-12-01T00:00:00Z", crls=[])

    # Signatures and keys are random: --only rewrites the named vectors and leaves every other file alone.
    if only is not None:
        wanted = set(only.split(","))
        unknown = wanted - {v["id"] for v in VECTORS}
        if unknown:
            sys.exit(f"no such vector: {', '.join(sorted(unknown))}")
        VECTORS[:] = [v for v in VECTORS if v["id"] in wanted]
    elif os.path.isdir(OUT):
        for f in os.listdir(OUT):
            if f.endswith(".json"):
                os.remove(os.path.join(OUT, f))
    os.makedirs(OUT, exist_ok=True)
    for v in VECTORS:
        v["expected"] = expected_of(v)
        with open(os.path.join(OUT, v["id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(v, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(VECTORS)} vectors written to {OUT}")


def canonical_cmd():
    r = subprocess.run([HOCBA, "canonical", "--help"], capture_output=True)
    return r.returncode == 0


def canonical_fallback(record_path):
    """Sorted keys, no white space, UTF-8: RFC 8785 for records of strings and integers whose keys are
    ASCII (the records here). Used only while `hocba canonical` is not built."""
    return json.dumps(load(record_path), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def expected_of(v):
    inp = v["input"]
    env_path = tmp("v.json")
    with open(env_path, "w", encoding="utf-8") as f:
        if "envelope_text" in inp:
            f.write(inp["envelope_text"])
        else:
            json.dump(inp["envelope"], f, ensure_ascii=False)
    args = [HOCBA, "verify", "--format", "json", "--lang", "en", "--trust", os.path.join(ROOT, "tests", inp["trust"]),
            "--at", inp["now"]]
    for c in inp["crls"]:
        args += ["--crl", os.path.join(ROOT, "tests", c)]
    if inp["status_list"] is not None:
        sl = tmp("sl.json")
        with open(sl, "w", encoding="utf-8") as f:
            json.dump(inp["status_list"], f, ensure_ascii=False)
        args += ["--status", sl]
    args.append(env_path)
    r = subprocess.run(args, capture_output=True)
    if r.returncode not in (0, 1, 3):
        sys.exit(f"{v['id']}: hocba verify failed: {r.stderr.decode()}")
    report = json.loads(r.stdout)
    return {
        "verdict": report["verdict"],
        "checks": [{"id": c["id"], "status": c["status"], "code": c["code"]} for c in report["checks"]],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Writes the shared verification vectors.")
    parser.add_argument("--only", metavar="ID,…", help="write only these vectors, leave the others as they are")
    try:
        main(parser.parse_args().only)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)

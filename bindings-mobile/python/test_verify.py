"""The lookup API through the uniffi Python bindings: every shared verification vector
(tests/vectors/verify/) gives the expected verdict and ordered checks, and the same report as the native
`hocba verify`; the display summary; the verifier's policy; bad input across the boundary is a typed error."""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TESTS = ROOT / "tests"
sys.path.insert(0, str(HERE.parent / "generated"))

import hocba_mobile as hm  # noqa: E402

HOCBA = ROOT / "target" / "debug" / "hocba"
STATUS = {hm.CheckStatus.VALID: "valid", hm.CheckStatus.INVALID: "invalid",
          hm.CheckStatus.SKIPPED: "skipped", hm.CheckStatus.ERROR: "error"}
VERDICT = {hm.Verdict.VALID: "valid", hm.Verdict.INVALID: "invalid", hm.Verdict.INDETERMINATE: "indeterminate"}


def load_verify_vectors():
    files = sorted((TESTS / "vectors" / "verify").glob("*.json"))
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def envelope_bytes(inp):
    if "envelope_text" in inp:
        return inp["envelope_text"].encode("utf-8")
    return json.dumps(inp["envelope"], ensure_ascii=False).encode("utf-8")


def trust_files(inp):
    return sorted((TESTS / inp["trust"]).iterdir())


def store_for(inp):
    status = inp.get("status_list")
    return hm.TrustStore(
        [f.read_bytes() for f in trust_files(inp)],
        [(TESTS / c).read_bytes() for c in inp["crls"]],
        json.dumps(status, ensure_ascii=False).encode("utf-8") if status is not None else None,
    )


def native_report(inp, envelope, lang):
    with tempfile.TemporaryDirectory() as tmp:
        args = [str(HOCBA), "verify", "--trust", str(TESTS / inp["trust"]), "--at", inp["now"],
                "--format", "json", "--lang", lang]
        for c in inp["crls"]:
            args += ["--crl", str(TESTS / c)]
        if inp.get("status_list") is not None:
            sl = Path(tmp) / "status.json"
            sl.write_text(json.dumps(inp["status_list"], ensure_ascii=False), encoding="utf-8")
            args += ["--status", str(sl)]
        env = Path(tmp) / "envelope.json"
        env.write_bytes(envelope)
        out = subprocess.run(args + [str(env)], capture_output=True, check=False)
        report = json.loads(out.stdout)
    # The only difference allowed: the CLI names the trust directory it read.
    report.get("trust", {}).pop("source", None)
    return report


class VerifyVectors(unittest.TestCase):
    def test_every_vector_gives_the_expected_checks_and_the_native_report(self):
        vectors = load_verify_vectors()
        self.assertGreaterEqual(len(vectors), 30)
        failures = []
        for v in vectors:
            inp = v["input"]
            store = store_for(inp)
            envelope = envelope_bytes(inp)
            result = store.verify(envelope, hm.VerificationTime.RFC3339(inp["now"]), hm.Language.EN)
            got = [{"id": c.id, "status": STATUS[c.status], "code": c.code} for c in result.checks]
            if VERDICT[result.verdict] != v["expected"]["verdict"] or got != v["expected"]["checks"]:
                failures.append(f"{v['id']}: {VERDICT[result.verdict]} {got}")
            if json.loads(result.report_json) != native_report(inp, envelope, "en"):
                failures.append(f"{v['id']}: report differs from native hocba verify")
            # The record is shown only when the signatures and the digest hold.
            report = json.loads(result.report_json)
            if (result.display is not None) != ("record" in report):
                failures.append(f"{v['id']}: display shown for an untrusted payload")
        self.assertEqual(failures, [])

    def test_vietnamese_report_equals_native(self):
        v = json.loads((TESTS / "vectors" / "verify" / "valid-full.json").read_text(encoding="utf-8"))
        inp = v["input"]
        envelope = envelope_bytes(inp)
        result = store_for(inp).verify(envelope, hm.VerificationTime.RFC3339(inp["now"]), hm.Language.VI)
        self.assertEqual(result.verdict_text, "HỢP LỆ")
        self.assertEqual(json.loads(result.report_json), native_report(inp, envelope, "vi"))
        self.assertEqual([s.role for s in result.signers], ["gvcn", "ht", "seal"])
        self.assertEqual(result.signers[0].role_name, "Giáo viên chủ nhiệm")
        self.assertIsNotNone(result.status_list)
        self.assertEqual(result.now, "2025-07-10T00:00:00Z")

    def test_unix_seconds_and_rfc3339_give_the_same_result(self):
        v = json.loads((TESTS / "vectors" / "verify" / "valid-full.json").read_text(encoding="utf-8"))
        inp = v["input"]
        store = store_for(inp)
        a = store.verify(envelope_bytes(inp), hm.VerificationTime.RFC3339("2025-07-10T07:00:00+07:00"), hm.Language.VI)
        b = store.verify(envelope_bytes(inp), hm.VerificationTime.UNIX_SECONDS(1752105600), hm.Language.VI)
        self.assertEqual(a.report_json, b.report_json)


class Display(unittest.TestCase):
    def test_summary_of_a_signed_record_in_vietnamese(self):
        d = hm.display_summary((ROOT / "examples" / "signed" / "valid.json").read_bytes(), hm.Language.VI)
        self.assertEqual(d.student_name.value, "Nguyễn Thị Minh Anh")
        self.assertEqual(d.date_of_birth.value, "14/03/2009")
        toan = next(s for s in d.subjects if s.code == "toan")
        self.assertEqual((toan.name, toan.cells), ("Toán", ["9,3", "9,3", "9,3"]))
        self.assertEqual(d.title.value, "Học sinh Xuất sắc")

    def test_summary_of_a_tt27_record_in_english(self):
        d = hm.display_summary((ROOT / "examples" / "records" / "tt27-grade4.json").read_bytes(), hm.Language.EN)
        self.assertEqual(d.regime, "tt27")
        self.assertEqual(d.learning.code, "hoan_thanh_xuat_sac")
        self.assertEqual(d.subject_columns, ["Subject or activity", "Level", "Test score"])


SIGNED = ROOT / "examples" / "signed"


def demo_store(sample="valid"):
    samples = json.loads((SIGNED / "samples.json").read_text(encoding="utf-8"))
    s = next(x for x in samples["samples"] if x["name"] == sample)
    return hm.TrustStore(
        [(SIGNED / t).read_bytes() for t in samples["trust"]],
        [(SIGNED / c).read_bytes() for c in s["crls"]],
        (SIGNED / s["status_list"]).read_bytes() if "status_list" in s else None,
    ), s


def native_qr(stub_path, record_path, now, lang):
    samples = json.loads((SIGNED / "samples.json").read_text(encoding="utf-8"))
    s = next(x for x in samples["samples"] if x["name"] == "valid")
    args = [str(HOCBA), "qr", "verify", "--trust", str(SIGNED / "trust"), "--status", str(SIGNED / s["status_list"]),
            "--at", now, "--format", "json", "--lang", lang]
    for c in s["crls"]:
        args += ["--crl", str(SIGNED / c)]
    if record_path is not None:
        args += ["--record", str(record_path)]
    report = json.loads(subprocess.run(args + [str(stub_path)], capture_output=True, check=False).stdout)
    report.get("trust", {}).pop("source", None)
    return report


class QrStub(unittest.TestCase):
    def test_the_demo_stub_verifies_like_the_native_cli(self):
        store, s = demo_store()
        stub = SIGNED / "valid.stub.txt"
        now = hm.VerificationTime.RFC3339(s["now"])
        for record, lang in [(None, hm.Language.EN), (SIGNED / "valid.json", hm.Language.VI)]:
            r = store.verify_qr(stub.read_text(encoding="utf-8"), record.read_bytes() if record else None, now, lang)
            code = "vi" if lang == hm.Language.VI else "en"
            self.assertEqual(json.loads(r.report_json), native_qr(stub, record, s["now"], code))
            self.assertEqual(r.verdict, hm.Verdict.VALID, [(c.id, c.code) for c in r.checks])
            self.assertEqual(r.claims.school_code, "79000701")
            self.assertEqual(r.display is not None, record is not None)

    def test_the_stub_refuses_another_record(self):
        store, s = demo_store()
        stub = (SIGNED / "valid.stub.txt").read_text(encoding="utf-8")
        r = store.verify_qr(stub, (SIGNED / "tampered.json").read_bytes(), hm.VerificationTime.RFC3339(s["now"]),
                            hm.Language.EN)
        self.assertEqual(r.verdict, hm.Verdict.INVALID)
        self.assertIsNone(r.display)
        self.assertEqual(json.loads(r.report_json), native_qr(SIGNED / "valid.stub.txt", SIGNED / "tampered.json", s["now"], "en"))

    def test_garbage_stubs_are_invalid_results(self):
        store, s = demo_store()
        now = hm.VerificationTime.RFC3339(s["now"])
        for text in ["", "HB1:", "hello", "HB1:" + "A" * 100_000, "\u0000\uffff"]:
            r = store.verify_qr(text, None, now, hm.Language.EN)
            self.assertEqual(r.verdict, hm.Verdict.INVALID, text[:20])
            self.assertIn(hm.CheckStatus.INVALID, [c.status for c in r.checks])
            self.assertIsNone(r.claims)
            self.assertIsNone(r.display)


def native_verify_demo(envelope_path, s, extra, lang):
    args = [str(HOCBA), "verify", "--trust", str(SIGNED / "trust"), "--status", str(SIGNED / s["status_list"]),
            "--at", s["now"], "--format", "json", "--lang", lang] + extra
    for c in s["crls"]:
        args += ["--crl", str(SIGNED / c)]
    report = json.loads(subprocess.run(args + [str(envelope_path)], capture_output=True, check=False).stdout)
    report.get("trust", {}).pop("source", None)
    return report


class Policy(unittest.TestCase):
    """The verifier's policy (VerificationPolicy) on the demo record, whose certificates name no policy and
    whose signatures carry no timestamp."""

    def setUp(self):
        self.store, self.sample = demo_store()
        self.envelope = (SIGNED / "valid.json").read_bytes()
        self.now = hm.VerificationTime.RFC3339(self.sample["now"])

    def verify(self, lang=hm.Language.EN, **fields):
        return self.store.verify_with_policy(self.envelope, self.now, lang, hm.VerificationPolicy(**fields))

    def test_the_generated_defaults_are_the_cores(self):
        p = hm.VerificationPolicy()
        self.assertEqual((p.require_revocation, p.require_status_list, p.require_timestamp,
                          p.status_list_max_age_days, p.acceptable_policies, p.explicit_policy,
                          p.inhibit_policy_mapping, p.inhibit_any_policy),
                         (False, False, False, 35, None, False, False, False))

    def test_the_default_policy_is_verify(self):
        r = self.verify()
        self.assertEqual(r.verdict, hm.Verdict.VALID, [(c.id, c.code) for c in r.checks])
        self.assertEqual(r, self.store.verify(self.envelope, self.now, hm.Language.EN))

    def test_an_explicit_policy_refuses_paths_that_name_none(self):
        r = self.verify(explicit_policy=True)
        self.assertEqual(r.verdict, hm.Verdict.INVALID)
        path = next(c for c in r.checks if c.id == "signatures[0].path")
        self.assertEqual((path.status, path.code), (hm.CheckStatus.INVALID, "policy_not_acceptable"))
        self.assertEqual(json.loads(r.report_json),
                         native_verify_demo(SIGNED / "valid.json", self.sample, ["--explicit-policy"], "en"))

    def test_an_acceptable_policy_alone_decides_nothing_here(self):
        r = self.verify(acceptable_policies=["2.16.704.1.1"])
        self.assertEqual(r.verdict, hm.Verdict.VALID, [(c.id, c.code) for c in r.checks])
        self.assertEqual(json.loads(r.report_json),
                         native_verify_demo(SIGNED / "valid.json", self.sample, ["--policy", "2.16.704.1.1"], "en"))

    def test_required_timestamps_are_missing(self):
        r = self.verify(require_timestamp=True)
        self.assertNotEqual(r.verdict, hm.Verdict.VALID)
        ts = [c for c in r.checks if c.id.endswith(".timestamp")]
        self.assertEqual(len(ts), 3)
        self.assertTrue(all(c.code == "timestamp_absent" and c.status != hm.CheckStatus.SKIPPED for c in ts), ts)

    def test_the_qr_stub_takes_the_policy_too(self):
        stub = (SIGNED / "valid.stub.txt").read_text(encoding="utf-8")
        default = self.store.verify_qr_with_policy(stub, None, self.now, hm.Language.EN, hm.VerificationPolicy())
        self.assertEqual(default, self.store.verify_qr(stub, None, self.now, hm.Language.EN))
        self.assertEqual(default.verdict, hm.Verdict.VALID)
        r = self.store.verify_qr_with_policy(stub, None, self.now, hm.Language.EN,
                                             hm.VerificationPolicy(explicit_policy=True))
        self.assertEqual(r.verdict, hm.Verdict.INVALID)
        self.assertIn(("path", "policy_not_acceptable"), [(c.id, c.code) for c in r.checks])

    def test_a_malformed_oid_or_an_empty_list_is_a_typed_error(self):
        stub = (SIGNED / "valid.stub.txt").read_text(encoding="utf-8")
        for oids, lang, words in [(["vnpt-ca"], hm.Language.VI, "`vnpt-ca` không phải OID"),
                                  (["2.16.704.1.1", "vnpt-ca"], hm.Language.EN, "`vnpt-ca` is not an OID"),
                                  ([], hm.Language.EN, "is empty")]:
            with self.assertRaises(hm.HocbaError.InvalidInput) as cm:
                self.verify(lang, acceptable_policies=oids)
            self.assertEqual(cm.exception.code, "policy_option_invalid")
            self.assertIn(words, cm.exception.detail)
            self.assertEqual(len(cm.exception.problems), 1)
            with self.assertRaises(hm.HocbaError.InvalidInput) as cm:
                self.store.verify_qr_with_policy(stub, None, self.now, lang,
                                                 hm.VerificationPolicy(acceptable_policies=oids))
            self.assertEqual(cm.exception.code, "policy_option_invalid")
        self.assertTrue(cm.exception.problems[0].startswith("policy_option_invalid /acceptable_policies: "))
        # A negative age cannot even be built: the field is unsigned.
        with self.assertRaises(ValueError):
            self.verify(status_list_max_age_days=-1)


class BadInput(unittest.TestCase):
    def setUp(self):
        v = json.loads((TESTS / "vectors" / "verify" / "valid-full.json").read_text(encoding="utf-8"))
        self.store = store_for(v["input"])
        self.now = hm.VerificationTime.RFC3339("2025-07-10T00:00:00Z")

    def test_display_summary_refuses_bad_bytes_with_typed_errors(self):
        cases = [(b"", "empty_input"), (b"\xff\xfe\x00garbage", "not_utf8"), (b"garbage {[", "json_syntax"),
                 (b"{}", "unsupported_format")]
        for blob, code in cases:
            with self.assertRaises(hm.HocbaError.InvalidInput) as cm:
                hm.display_summary(blob, hm.Language.VI)
            self.assertEqual(cm.exception.code, code)
        with self.assertRaises(hm.HocbaError.InputTooLarge) as cm:
            hm.display_summary(bytes(20 * 1024 * 1024), hm.Language.VI)
        self.assertEqual(cm.exception.code, "input_too_large")

    def test_verify_reports_bad_envelopes_as_invalid_format(self):
        cases = [(b"", "empty_input"), (b"\xff\xfe\x00garbage", "json_syntax"), (b"garbage {[", "json_syntax"),
                 (bytes(20 * 1024 * 1024), "input_too_large")]
        for blob, code in cases:
            r = self.store.verify(blob, self.now, hm.Language.EN)
            self.assertEqual(r.verdict, hm.Verdict.INVALID)
            self.assertEqual([(c.id, c.code) for c in r.checks], [("format", code)])
            self.assertIsNone(r.display)

    def test_bad_time_is_a_typed_error(self):
        envelope = (ROOT / "examples" / "signed" / "valid.json").read_bytes()
        for t, code in [(hm.VerificationTime.RFC3339("yesterday"), "time_malformed"),
                        (hm.VerificationTime.RFC3339(""), "time_malformed"),
                        (hm.VerificationTime.UNIX_SECONDS(-1), "time_out_of_range"),
                        (hm.VerificationTime.UNIX_SECONDS(2**63 - 1), "time_out_of_range")]:
            with self.assertRaises(hm.HocbaError.BadTime) as cm:
                self.store.verify(envelope, t, hm.Language.VI)
            self.assertEqual(cm.exception.code, code)

    def test_bad_trust_data_is_a_typed_error(self):
        good = (TESTS / "pki" / "trust" / "root-gov.pem").read_bytes()
        crl = (TESTS / "pki" / "crl" / "ca-gov.crl.pem").read_bytes()
        cases = [
            ([b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"], [], "anchors[0]"),
            ([good, b"\x30\x03\x02\x01"], [], "anchors[1]"),
            ([good, b"\xff\xfe\x00"], [], "anchors[1]"),
            ([], [], "anchors"),
            ([good], [b"garbage"], "crls[0]"),
            ([good], [crl, good], "crls[1]"),
        ]
        for anchors, crls, item in cases:
            with self.assertRaises(hm.HocbaError.BadTrustData) as cm:
                hm.TrustStore(anchors, crls, None)
            self.assertEqual(cm.exception.item, item)
            self.assertTrue(cm.exception.code)
        with self.assertRaises(hm.HocbaError.InputTooLarge):
            hm.TrustStore([bytes(17 * 1024 * 1024)], [], None)

    def test_an_unreadable_status_list_is_a_failed_check_not_an_error(self):
        v = json.loads((TESTS / "vectors" / "verify" / "valid-full.json").read_text(encoding="utf-8"))
        store = self.store.with_status_list(b"not json")
        r = store.verify(envelope_bytes(v["input"]), self.now, hm.Language.EN)
        self.assertNotEqual(r.verdict, hm.Verdict.VALID)
        self.assertIn("status_list_malformed", [c.code for c in r.checks])


if __name__ == "__main__":
    unittest.main()

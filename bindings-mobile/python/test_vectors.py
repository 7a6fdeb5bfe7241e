"""The shared vectors through the uniffi Python bindings: results equal to the native ones."""

import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent / "generated"))
sys.path.insert(0, str(ROOT / "tests" / "python"))

import hocba_mobile as hm  # noqa: E402
from compare import compare_expected, load_vectors, vector_input_bytes  # noqa: E402

HOCBA = ROOT / "target" / "debug" / "hocba"


def native(input_bytes, config):
    args = [str(HOCBA), "assess", "--format", "json", "-"]
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        if config is not None:
            f.write(json.dumps(config))
            f.flush()
            args[2:2] = ["--config", f.name]
        return json.loads(subprocess.run(args, input=input_bytes, capture_output=True, check=False).stdout)


class Vectors(unittest.TestCase):
    def test_rules_version(self):
        self.assertRegex(hm.rules_version(), r"^\d+\.\d+\.\d+")

    def test_assessment_vectors_match_expected_and_native(self):
        vectors = load_vectors("assess")
        self.assertGreaterEqual(len(vectors), 60)
        failures = []
        for v in vectors:
            config = json.dumps(v["config"]).encode() if v.get("config") else None
            out = json.loads(hm.assess_json(vector_input_bytes(v), config, hm.Language.VI))
            mismatches = compare_expected(v["expected"], out["assessment"])
            if mismatches:
                failures.append(f"{v['id']}: {mismatches}")
            if native(vector_input_bytes(v), v.get("config") or None)["assessment"] != out["assessment"]:
                failures.append(f"{v['id']}: differs from native")
        self.assertEqual(failures, [])

    def test_error_vectors_give_the_same_codes(self):
        failures = []
        vectors = load_vectors("assess-errors")
        self.assertGreaterEqual(len(vectors), 20)
        for v in vectors:
            config = json.dumps(v["config"]).encode() if v.get("config") else None
            want = [e["code"] for e in v["expected_errors"]]
            try:
                hm.assess_json(vector_input_bytes(v), config, hm.Language.EN)
                failures.append(f"{v['id']}: accepted")
            except hm.HocbaError.InvalidInput as e:
                got = [line.split(" ", 1)[0] for line in e.problems]
                if got != want or e.code != want[0]:
                    failures.append(f"{v['id']}: expected {want}, got {got}")
        self.assertEqual(failures, [])

    def test_bad_bytes_are_typed_errors(self):
        for blob in [b"", b"\xff\xfe\x00garbage", bytes(20 * 1024 * 1024), "{\"a\":".encode()]:
            with self.assertRaises(hm.HocbaError.InvalidInput) as cm:
                hm.assess_json(blob, None, hm.Language.VI)
            self.assertIn(cm.exception.code, {"empty_input", "json_syntax", "input_too_large"})


if __name__ == "__main__":
    unittest.main()

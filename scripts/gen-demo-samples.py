#!/usr/bin/env python3
"""Writes the demo bundle of signed records (examples/signed/) from the shared verification vectors.

The web page, the Kotlin example and the README use it so that a newcomer can verify something at once:
the trust anchors and CRLs of the test PKI, and five signed records (valid, tampered, revoked, unknown
signer, a valid primary-school record), each with the status list and the verification time of its
vector. The files are copies: the vectors (tests/vectors/verify/) stay the single source. `--check` fails if the bundle is out of date.
Other files in examples/signed/ (the QR stub of `hocba qr issue`) are left alone.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors" / "verify"
OUT = ROOT / "examples" / "signed"

SAMPLES = [
    ("valid", "valid-full", "Hồ sơ hợp lệ: GVCN, HT và dấu của trường, có CRL và danh sách trạng thái",
     "A valid record: class teacher, principal and school seal, with CRLs and a status list"),
    ("tampered", "payload-changed-after-signing", "Tên học sinh bị sửa sau khi ký",
     "The student's name was changed after signing"),
    ("revoked", "record-revoked", "Hồ sơ đã bị nhà trường thu hồi", "The school revoked the record"),
    ("unknown-signer", "unknown-root", "Người ký có chứng thư từ một gốc không tin cậy",
     "A signer's certificate chains to an unknown root"),
    ("valid-primary", "valid-tt27", "Học bạ tiểu học (TT27, lớp 4) hợp lệ",
     "A valid primary-school record (TT27, grade 4)"),
]


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def planned() -> dict:
    files = {}
    index = []
    for name, vector, vi, en in SAMPLES:
        v = json.loads((VECTORS / f"{vector}.json").read_text(encoding="utf-8"))
        inp = v["input"]
        files[f"{name}.json"] = dump(inp["envelope"])
        entry = {"name": name, "envelope": f"{name}.json", "now": inp["now"],
                 "expected_verdict": v["expected"]["verdict"], "description": {"vi": vi, "en": en},
                 "vector": f"tests/vectors/verify/{vector}.json"}
        if inp.get("status_list") is not None:
            files[f"{name}.status.json"] = dump(inp["status_list"])
            entry["status_list"] = f"{name}.status.json"
        entry["crls"] = [f"crl/{Path(c).name}" for c in inp.get("crls", [])]
        index.append(entry)
    files["samples.json"] = dump({"trust": [f"trust/{p.name}" for p in sorted((ROOT / "tests/pki/trust").iterdir())],
                                  "samples": index})
    for p in sorted((ROOT / "tests/pki/trust").iterdir()):
        files[f"trust/{p.name}"] = p.read_text(encoding="utf-8")
    for p in sorted((ROOT / "tests/pki/crl").iterdir()):
        files[f"crl/{p.name}"] = p.read_text(encoding="utf-8")
    return files


def main() -> int:
    files = planned()
    if "--check" in sys.argv:
        stale = [n for n, text in files.items()
                 if not (OUT / n).exists() or (OUT / n).read_text(encoding="utf-8") != text]
        if stale:
            print("examples/signed/ is out of date (run scripts/gen-demo-samples.py):", ", ".join(stale))
            return 1
        print(f"examples/signed/: {len(files)} files up to date")
        return 0
    for n, text in files.items():
        (OUT / n).parent.mkdir(parents=True, exist_ok=True)
        (OUT / n).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to examples/signed/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

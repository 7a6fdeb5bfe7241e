#!/usr/bin/env bash
# The gradebook budget: a 2,000-student workbook imports in under 2 s with the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p hocba-cli
bin=target/release/hocba
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/big.json" <<'PY'
import json, sys
base = json.load(open("examples/student-tt22-grade10.json"))
students = []
for i in range(2000):
    s = json.loads(json.dumps(base)); s["student"]["id"] = f"HS{i:05}"; students.append(s)
json.dump({"students": students}, open(sys.argv[1], "w"))
PY
"$bin" export "$dir/big.json" -o "$dir/big.xlsx" 2>/dev/null
start=$(date +%s.%N)
"$bin" import "$dir/big.xlsx" -o "$dir/back.json" 2>/dev/null
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc)
echo "import of a 2,000-student workbook: ${secs} s (budget 2 s)"
if [ "$(echo "$secs < 2" | bc)" != 1 ]; then
  echo "gradebook import budget exceeded" >&2
  exit 1
fi

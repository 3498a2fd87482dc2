#!/usr/bin/env bash
# Build the one-folder app and prove the frozen programs work: the desktop app's smoke test
# (offscreen) and a headless export of the demo, with the outputs checked. Prints the size.
set -euo pipefail
cd "$(dirname "$0")/.."
make dist
app="dist/FinOpsRoadmapPlanner"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen PLANNER_DATA_DIR="$out/data"

"$app/planner" --version
"$app/planner" demo "$out/demo"
# the project and one file per registered export format
suffixes="$(.venv/bin/python -c 'from exports.registry import exporters; print(" ".join(e.suffix for e in exporters()))')"
for suffix in .roadmap $suffixes; do
  f="$out/demo/demo$suffix"
  test -s "$f" || { echo "frozen demo: $f is missing or empty"; exit 1; }
done
"$app/planner" validate "$out"/demo/*.roadmap
pdftotext "$out"/demo/*.pdf "$out/demo.txt"
grep -q "Executive summary" "$out/demo.txt" || { echo "frozen demo: the PDF has no executive summary"; exit 1; }
grep -q "Nordwind" "$out/demo.txt" || { echo "frozen demo: the PDF does not name the client"; exit 1; }
.venv/bin/python - "$out"/demo/*.xlsx <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
assert {"Summary", "Assessment", "Roadmap", "Method"} <= set(wb.sheetnames), wb.sheetnames
assert wb["Assessment"].max_row >= 23, wb["Assessment"].max_row
print("frozen demo workbook:", ", ".join(wb.sheetnames))
PY
# the engagement cycle's commands: progress against the demo's earlier round, a questionnaire and
# its answers read back, the model library and a model workbook
"$app/planner" compare "$out/demo/demo.roadmap" --json > "$out/compare.json"
grep -q '"done"' "$out/compare.json" || { echo "frozen compare: no done list"; exit 1; }
"$app/planner" questionnaire "$out/demo/demo.roadmap" -o "$out/q.xlsx" --participant tom-becker
"$app/planner" import "$out/demo/demo.roadmap" "$out/q.xlsx" > /dev/null
"$app/planner" models
"$app/planner" model export finops-2026 -o "$out/model.xlsx"
"$app/planner" model check "$out/model.xlsx"
"$app/FinOpsRoadmapPlanner" --smoke-test
size=$(du -sm "$app" | cut -f1)
echo "frozen build: ${size} MB in $app (goal: at most 180 MB)"

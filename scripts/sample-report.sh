#!/usr/bin/env bash
# Records docs/sample-report/ from a real run of the demo lab: starts `noc demo` in a temporary
# directory, lets the agent poll for SAMPLE_MINUTES (default 15), puts the web server into a
# maintenance window (`noc maintenance add`) and the UPS on battery for a while (`noc lab ups`),
# then exports the audit report for exactly that period and renders its pages to PNG.
# Needs what `npm run demo` needs, plus pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${SAMPLE_MINUTES:-15}
OUT=docs/sample-report
DIR=$(mktemp -d /tmp/noc-sample-XXXXXX)
NOC=(node bin/noc.js)

npm run build --silent
"${NOC[@]}" demo --dir "$DIR" >"$DIR/demo.out" 2>&1 &
DEMO=$!
trap 'kill -TERM $DEMO 2>/dev/null || true; wait $DEMO 2>/dev/null || true' EXIT
for _ in $(seq 120); do [ -f "$DIR/lab.json" ] && break; sleep 1; done
[ -f "$DIR/lab.json" ] || { echo "the demo did not start; see $DIR/demo.out" >&2; exit 1; }

local_time() { TZ=Asia/Jakarta date -d "@$1" '+%Y-%m-%d %H:%M'; }
sleep_until() { local now; now=$(date +%s); [ "$1" -le "$now" ] || sleep $(($1 - now)); }
# The period starts at the first whole minute after the agent's first poll.
sleep 30
START=$((($(date +%s) / 60 + 1) * 60))
END=$((START + MINUTES * 60))
echo "sample period: $(local_time "$START") – $(local_time "$END") WIB (lab in $DIR)"

sleep_until $((START + 3 * 60))
"${NOC[@]}" maintenance add --config "$DIR/noc.yaml" --device srv-web01 \
  --from "$(local_time $((START + 3 * 60)))" --to "$(local_time $((START + 7 * 60)))" \
  --reason "Pembaruan kernel server web" --by "operator NOC"
sleep_until $((START + 8 * 60))
"${NOC[@]}" lab ups battery ups-demo --dir "$DIR"
sleep_until $((START + 10 * 60))
"${NOC[@]}" lab ups normal ups-demo --dir "$DIR"

# A minute more, so the agent's last points of the period are written.
sleep_until $((END + 60))
rm -rf "$OUT/report" "$OUT/pages"
mkdir -p "$OUT/pages"
"${NOC[@]}" report audit --config "$DIR/noc.yaml" --from "$(local_time "$START")" --to "$(local_time "$END")" \
  --format pdf,json --out "$OUT/report"
pdftoppm -r 60 -png "$OUT"/report/*.pdf "$OUT/pages/halaman"
echo "written: $OUT/report and $OUT/pages ($(ls "$OUT/pages" | wc -l) pages)"

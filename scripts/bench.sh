#!/usr/bin/env bash
# `npm run bench`: every benchmark in bench/, each comparing noc side by side with a peer tool
# or the physical limit in the same run. Results are printed and written to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --bench
node dist/bench/run-all.js "$@"

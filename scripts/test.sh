#!/usr/bin/env bash
# The whole test suite, as the README's second command and CI run it: installs what it needs,
# checks lint, formatting and types, then runs every test against real services.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== lint";        npx --no-install eslint --max-warnings=0 .
echo "== format";      npx --no-install prettier --check . >/dev/null && echo "prettier: ok"
echo "== typecheck";   npx --no-install tsc -p tsconfig.json --noEmit && echo "tsc: ok"

echo "== tests"
results=$(mktemp)
status=0
npx --no-install jest --ci --json --outputFile="$results" "$@" || status=$?
# The closing line CI reads, whatever jest printed above it.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (skipped) { console.error("tests must not be skipped"); process.exit(1); }
' "$results" || status=1
rm -f "$results"
exit $status

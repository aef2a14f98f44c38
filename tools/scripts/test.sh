#!/usr/bin/env bash
# `npm test`: every check CI runs — formatting, then lint, typecheck, test and build of every
# project — and a closing summary of the Jest results.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CDK_DISABLE_CLI_TELEMETRY=true FORCE_COLOR=0

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== format"
npx nx format:check

echo "== lint, typecheck, test, build (every project)"
status=0
npx nx run-many -t lint typecheck test build --output-style=static --parallel=2 2>&1 | tee "$log" || status=$?

echo
echo "== jest summaries"
grep -E '^(Test Suites|Tests):' "$log" || true
passed=$(grep -E '^Tests:' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^Tests:' "$log" | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"

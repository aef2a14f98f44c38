#!/usr/bin/env bash
# Reads the log of an `nx run-many … test` run and prints the Jest summaries and the closing line
# `tests: N passed, N failed`. Exits 1 when any Jest summary reports a failed test or suite, a
# coverage threshold was missed, or no summary reported a passing test — Nx's exit status alone
# is not trusted to carry Jest's verdict. Usage: jest-verdict.sh LOG
set -euo pipefail
log="$1"

echo "== jest summaries"
grep -E '^(Test Suites|Tests):' "$log" || true
sum() { { grep -E "^$1:" "$log" || true; } | { grep -oE "[0-9]+ $2" || true; } | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Tests passed)
failed=$(sum Tests failed)
suites_failed=$(sum 'Test Suites' failed)
thresholds=$({ grep -E 'coverage threshold for .* not met' "$log" || true; } | wc -l)
echo "tests: ${passed} passed, ${failed} failed"
verdict=0
if [ "$failed" -gt 0 ] || [ "$suites_failed" -gt 0 ] || [ "$thresholds" -gt 0 ]; then
  echo "npm test: ${failed} failed tests, ${suites_failed} failed suites, ${thresholds} missed coverage thresholds" >&2
  verdict=1
fi
if [ "$passed" -eq 0 ]; then
  echo "npm test: no Jest summary reported a passing test" >&2
  verdict=1
fi
exit "$verdict"

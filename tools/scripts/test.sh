#!/usr/bin/env bash
# `npm test`: every check CI runs — formatting, then lint, typecheck, test and build of every
# project — and a closing summary of the Jest results.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CDK_DISABLE_CLI_TELEMETRY=true FORCE_COLOR=0

# One line of ours about the Node.js version instead of the AWS SDK's multi-line warning in every
# Jest worker (the same switch `npm start` and orgctl's live commands use).
node --input-type=module -e "import { nodeSupportNotice } from './tools/scripts/node-support.mjs'; const line = nodeSupportNotice(process.versions.node); if (line) console.log(line);"
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED="${AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED:-true}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== format"
npx nx format:check

echo "== lint, typecheck, test, build (every project)"
# CI proves everything from scratch; developers keep Nx's cache.
cache=()
[ "${CI:-}" = "true" ] && cache=(--skip-nx-cache)
status=0
npx nx run-many -t lint typecheck test build --output-style=static --parallel=2 "${cache[@]}" 2>&1 |
  tee "$log" || status=$?

echo
verdict=0
bash tools/scripts/jest-verdict.sh "$log" || verdict=$?
if [ "$status" -eq 0 ] && [ "$verdict" -ne 0 ]; then status=$verdict; fi
exit "$status"

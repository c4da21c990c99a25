#!/usr/bin/env bash
# openapi-lint.sh BASE_URL: lints the running host's OpenAPI document (BASE_URL/openapi/v1.json) with Redocly, using
# tools/openapi-lint/redocly.yaml. Starts nothing: scripts/test.sh calls it while its end-to-end host runs. Exit 0 = no errors.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
BASE_URL="${1:?usage: openapi-lint.sh BASE_URL}"
TOOL="$REPO/tools/openapi-lint"
OUT="$REPO/.data/logs"
mkdir -p "$OUT"
[ -x "$TOOL/node_modules/.bin/redocly" ] || (cd "$TOOL" && npm ci --no-audit --no-fund >/dev/null)
curl -fsS "$BASE_URL/openapi/v1.json" -o "$OUT/openapi.json"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$TOOL" && ./node_modules/.bin/redocly lint "$OUT/openapi.json" --config redocly.yaml --format=stylish

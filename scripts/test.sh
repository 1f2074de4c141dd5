#!/usr/bin/env bash
# Every test the project has, in the order that fails fastest: types, lint, unit, server on
# PGlite, server on PostgreSQL (when DATABASE_URL is set), the WeChat build in the simulator, then
# the H5 build and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { echo; echo "==> $*"; "$@"; }

# Each Jest run appends "passed failed" here; the last line of `npm test` adds them up.
mkdir -p test-results
export TEST_COUNTS_FILE="$PWD/test-results/test-counts.txt"
: > "$TEST_COUNTS_FILE"
summary() {
  awk '{ p += $1; f += $2 } END { printf "tests: %d passed, %d failed\n", p, f }' "$TEST_COUNTS_FILE"
}
trap summary EXIT
run npm run typecheck
run npm run lint
run npm run test:unit
run npm run test:server
run npm run test:server:pg
# The WeChat build in the mini-program simulator (test/weapp/README.md); figures in test-results/weapp-figures.jsonl.
run npm run build:weapp
: > test-results/weapp-figures.jsonl
run npm run test:weapp
run npm run build:h5
run npm run test:e2e

#!/usr/bin/env bash
# Every test the project has, in the order that fails fastest: types, lint, unit, server on
# PGlite, server on PostgreSQL (when DATABASE_URL is set), then the H5 build and the browser tests.
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
run npm run build:h5
run npm run test:e2e

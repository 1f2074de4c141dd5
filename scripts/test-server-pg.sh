#!/usr/bin/env bash
# The server integration tests again, on a real PostgreSQL server, when DATABASE_URL names one.
set -euo pipefail
if [[ "${DATABASE_URL:-}" != postgres://* && "${DATABASE_URL:-}" != postgresql://* ]]; then
  echo "DATABASE_URL is not a postgres:// URL: server tests on PostgreSQL not run (they ran on PGlite)."
  exit 0
fi
TZ=UTC exec npx jest --selectProjects server

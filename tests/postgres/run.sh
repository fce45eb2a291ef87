#!/bin/sh
# tests/postgres/run.sh COMMAND [ARGS...]: runs COMMAND against a private,
# real PostgreSQL server (see pg-server.sh), e.g. the store tests:
#   tests/postgres/run.sh build/src/store/store_test --gtest_filter='*postgresql*'
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-server.sh"
echo "postgres: $NEARMISS_TEST_PG_URL" >&2
"$@"

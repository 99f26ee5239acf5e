#!/usr/bin/env bash
# Gateway benchmark on PostgreSQL (release build), then pgbench on the same
# server. Prints throughput, p50/p99 and the ratio. Not part of `make test`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/services.sh"
ensure_postgres
export BENCH_PG="${BENCH_PG:-${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432}}"
# The release site: the portal figures include the first load of /login.
# A release build runs wasm-opt: binaryen from npm (`build_site`).
ensure_node_modules
command -v brotli >/dev/null || apt_install brotli
command -v zopfli >/dev/null || apt_install zopfli
build_site --release
cd "$ROOT"
APP_SITE_ROOT="$ROOT/target/site" cargo run --release -p server --example gateway_bench

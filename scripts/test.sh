#!/usr/bin/env bash
# `make test`: installs what is missing, starts the real services and runs
# every test: hygiene, Rust on SQLite and PostgreSQL, Playwright in Chromium.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/services.sh"
cd "$ROOT"

LOG_DIR="$ROOT/end2end/artifacts"
mkdir -p "$LOG_DIR"
PIDS=()
TIMES=()
TMP_DIRS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in "${TMP_DIRS[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT

stage() {
  local name="$1" t0=$SECONDS
  shift
  log "stage: $name"
  "$@"
  TIMES+=("$(printf '  %-32s %5ds' "$name" $((SECONDS - t0)))")
}

tools() {
  "$ROOT/scripts/ensure-tools.sh"
  ensure_node_modules
  ensure_chromium
  ensure_python_requests
  ensure_sample_runners
}

services() {
  ensure_postgres
  start_maildev
  start_s3
  # Tests that need a service fail instead of skipping when it is missing.
  export TEST_REQUIRE_SERVICES=1
}

hygiene() {
  cargo fmt --all -- --check
  cargo clippy --locked -p server -p app -p backend -p domain -p migrations --all-targets -- -D warnings
  cargo clippy --locked -p frontend -p app --target wasm32-unknown-unknown -- -D warnings
}

rust_sqlite() { TEST_DATABASE=sqlite cargo test --locked --workspace --exclude frontend; }
rust_postgres() { TEST_DATABASE=postgres cargo test --locked --workspace --exclude frontend --test '*'; }

e2e() {
  local port=3100 gateway_port=3101 pulsa_port=3103 pdam_port=3104 payment_port=3105 data
  data="$(mktemp -d)"
  TMP_DIRS+=("$data")
  # The upstream simulators, as `make run` starts them.
  "$BIN" simulate pulsa --listen "127.0.0.1:$pulsa_port" --report-url "http://127.0.0.1:$port/biller/pulsa/report" \
    >"$LOG_DIR/e2e-sim-pulsa.log" 2>&1 &
  PIDS+=("$!")
  "$BIN" simulate pdam --listen "127.0.0.1:$pdam_port" >"$LOG_DIR/e2e-sim-pdam.log" 2>&1 &
  PIDS+=("$!")
  "$BIN" simulate payment --listen "127.0.0.1:$payment_port" --pid pid-e2e \
    --webhook "http://127.0.0.1:$port/payment-service/webhook" >"$LOG_DIR/e2e-sim-payment.log" 2>&1 &
  PIDS+=("$!")
  APP_BILLERS__PULSA__KIND=pulsa APP_BILLERS__PULSA__URL="http://127.0.0.1:$pulsa_port/" \
    APP_BILLERS__PULSA__SIMULATOR=true APP_BILLERS__PULSA__MEMBERID=SIM0001 APP_BILLERS__PULSA__PIN=1234 \
    APP_BILLERS__PULSA__PASSWORD=rahasia APP_BILLERS__PULSA__REPORT_FROM=127.0.0.1 \
    APP_BILLERS__PDAM__KIND=pdam APP_BILLERS__PDAM__URL="http://127.0.0.1:$pdam_port/" APP_BILLERS__PDAM__SIMULATOR=true \
    APP_BILLERS__PDAM__USER=loket-sim APP_BILLERS__PDAM__PASS=rahasia APP_BILLERS__PDAM__KODELOKET=5 \
    APP_BILLERS__PDAM__KEY=kunci-pdam-simulator APP_BILLERS__PDAM__KASIR=E2E \
    APP_PAYMENT_SERVICE_URL="http://127.0.0.1:$payment_port/" APP_PAYMENT_SERVICE_EMAIL=partner@sim.test \
    APP_PAYMENT_SERVICE_PASSWORD=rahasia APP_PAYMENT_SERVICE_PID=pid-e2e \
  APP_DATA_DIR="$data" APP_LISTEN="127.0.0.1:$port" APP_PUBLIC_URL="http://127.0.0.1:$port" \
    SMTP_URL="$TEST_SMTP_URL" APP_SITE_ROOT="$ROOT/target/site" APP_MAIL_POLL_MS=200 APP_REGISTER_PER_IP_HOUR=100 \
    APP_GATEWAY_DEV_LISTEN="127.0.0.1:$gateway_port" APP_GATEWAY_PROD_LISTEN="127.0.0.1:3102" \
    "$BIN" serve >"$LOG_DIR/e2e-server.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || die "the server did not start (see $LOG_DIR/e2e-server.log)"
  # The first-start banner carries the operator's one-time login.
  export OPERATOR_EMAIL OPERATOR_PASSWORD
  OPERATOR_EMAIL="$(awk '$1 == "email:" {print $2; exit}' "$LOG_DIR/e2e-server.log")"
  OPERATOR_PASSWORD="$(awk '$1 == "password:" {print $2; exit}' "$LOG_DIR/e2e-server.log")"
  (cd end2end && BASE_URL="http://127.0.0.1:$port" GATEWAY_DEV_URL="http://127.0.0.1:$gateway_port" \
    GATEWAY_PROD_URL="http://127.0.0.1:3102" PAYMENT_SIM_URL="http://127.0.0.1:$payment_port" \
    MAILDEV_API="$TEST_MAILDEV_API" npx playwright test ${E2E_ONLY:-})
  kill "$pid" 2>/dev/null || true
  log "screenshots: end2end/artifacts/screenshots/"
}

# The release bundle (`--release` builds the wasm with the wasm-release
# profile) beside the debug server the suite runs.
# The server is built by cargo-leptos too: after a plain `cargo build` of
# it, the next `build_site` compiled dependencies again.
release_site() {
  build_site --release --frontend-only && cargo leptos build --split --server-only
}

START=$SECONDS
stage "install missing tools" tools
stage "start services" services
if [ "${1:-}" = "e2e" ]; then
  # `make e2e`: the browser suite alone (build included), e.g. to repeat it;
  # E2E_ONLY=topup runs the spec files whose names match; E2E_RELEASE=1
  # runs it on the release bundle (what the bench measures) with the debug
  # server.
  if [ -n "${E2E_RELEASE:-}" ]; then
    stage "build (release wasm, debug server)" release_site
  else
    stage "build (cargo leptos build --split)" build_site
  fi
  stage "e2e (Playwright, Chromium)" e2e
else
  stage "fmt + clippy" hygiene
  stage "build (cargo leptos build --split)" build_site
  stage "rust tests on SQLite" rust_sqlite
  stage "rust tests on PostgreSQL" rust_postgres
  stage "e2e (Playwright, Chromium)" e2e
fi

log "stage times"
printf '%s\n' "${TIMES[@]}"
printf '  %-32s %5ds\n' "total" $((SECONDS - START))

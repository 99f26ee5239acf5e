#!/usr/bin/env bash
# `make run`: build and serve the portal on embedded defaults
# (SQLite file, mail outbox folder, local files), in ./data unless told otherwise.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/ensure-tools.sh"
log "building (cargo leptos build --split)"
build_site
export APP_DATA_DIR="${APP_DATA_DIR:-$ROOT/data}"
export APP_SITE_ROOT="${APP_SITE_ROOT:-$ROOT/target/site}"
log "mail goes to $APP_DATA_DIR/mail as .eml files (open them for activation links; links are never logged)"

# The upstream simulators (seed 002 pulsa provider, seed 004 PDAM, seed 003
# payment service for top-ups), unless
# SIMULATORS=0 (then configure real billers: README "Billers"). On these
# embedded defaults production AND development pulsa/PDAM traffic goes
# through the real adapters to them; the back office marks them "simulator".
if [ "${SIMULATORS:-1}" != 0 ]; then
  PUBLIC="${APP_PUBLIC_URL:-http://127.0.0.1:3000}"
  "$BIN" simulate pulsa --listen 127.0.0.1:9998 --report-url "${PUBLIC%/}/biller/pulsa/report" &
  "$BIN" simulate pdam --listen 127.0.0.1:9400 &
  # The payment service (seed 003): top-ups are paid on its page, http://127.0.0.1:9500/
  "$BIN" simulate payment --listen 127.0.0.1:9500 --webhook "${PUBLIC%/}/payment-service/webhook" \
    --pid pid-simulator &
  trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
  sim="http://127.0.0.1"
  export APP_BILLERS__PULSA__KIND=pulsa APP_BILLERS__PULSA__URL="$sim:9998/" \
    APP_BILLERS__PULSA__DEVELOPMENT_URL="$sim:9998/" APP_BILLERS__PULSA__SIMULATOR=true \
    APP_BILLERS__PULSA__MEMBERID=SIM0001 APP_BILLERS__PULSA__PIN=1234 APP_BILLERS__PULSA__PASSWORD=rahasia \
    APP_BILLERS__PULSA__REPORT_FROM=127.0.0.1 APP_BILLERS__PULSA__LOW_BALANCE=1000000
  export APP_BILLERS__PDAM__KIND=pdam APP_BILLERS__PDAM__URL="$sim:9400/" \
    APP_BILLERS__PDAM__DEVELOPMENT_URL="$sim:9400/" APP_BILLERS__PDAM__SIMULATOR=true \
    APP_BILLERS__PDAM__USER=loket-sim APP_BILLERS__PDAM__PASS=rahasia APP_BILLERS__PDAM__KODELOKET=5 \
    APP_BILLERS__PDAM__KEY=kunci-pdam-simulator APP_BILLERS__PDAM__KASIR=WEBOPENAPI
  export APP_PAYMENT_SERVICE_URL="$sim:9500/" APP_PAYMENT_SERVICE_EMAIL=partner@sim.test \
    APP_PAYMENT_SERVICE_PASSWORD=rahasia APP_PAYMENT_SERVICE_PID=pid-simulator
  log "payment service simulator: pay top-up orders at $sim:9500/"
fi
"$BIN" serve

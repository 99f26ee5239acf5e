#!/usr/bin/env bash
# `make run`: build and serve the portal on embedded defaults
# (SQLite file, mail outbox folder, local files), in ./data unless told otherwise.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/ensure-tools.sh"
log "building (cargo leptos build)"
cargo leptos build
export APP_DATA_DIR="${APP_DATA_DIR:-$ROOT/data}"
export APP_SITE_ROOT="${APP_SITE_ROOT:-$ROOT/target/site}"
log "mail goes to $APP_DATA_DIR/mail as .eml files (open them for activation links; links are never logged)"
exec "$BIN" serve

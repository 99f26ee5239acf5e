# Real services the tests talk to (sourced by test.sh): PostgreSQL and an
# SMTP server (maildev from the npm registry). Each function exports the
# variables the tests read.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_works() { psql "$1/postgres" -Atqc 'select 1' >/dev/null 2>&1; }

# Uses the PostgreSQL on 127.0.0.1:5432 (starting it if it is stopped); on a
# machine where that one wants passwords, a private trust cluster on 5433.
ensure_postgres() {
  local url="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432}"
  command -v psql >/dev/null || apt_install postgresql postgresql-client
  if ! pg_works "$url" && [ -d /etc/postgresql ]; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    for _ in $(seq 30); do pg_works "$url" && break; sleep 1; done
  fi
  if ! pg_works "$url"; then
    local bin dir="$HOME/.cache/webopenapi-pg"
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    url="postgres://postgres@127.0.0.1:5433"
    log "starting a private PostgreSQL cluster on 5433 ($dir)"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_root mkdir -p "$dir" && as_root chown postgres "$dir"
      as_root runuser -u postgres -- "$bin/initdb" -D "$dir" -A trust -U postgres >/dev/null
    fi
    pg_works "$url" || as_root runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-p 5433 -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
    pg_works "$url" || die "PostgreSQL did not start"
  fi
  # Databases left by earlier runs (each test makes its own).
  psql "$url/postgres" -Atqc "select datname from pg_database where datname like 'wo\_test\_%'" |
    while read -r db; do psql "$url/postgres" -qc "drop database if exists \"$db\"" >/dev/null || true; done
  export TEST_PG_URL="$url"
}

ensure_node_modules() {
  if [ ! -x "$ROOT/end2end/node_modules/.bin/playwright" ] || [ ! -x "$ROOT/end2end/node_modules/.bin/maildev" ] ||
    [ ! -x "$ROOT/end2end/node_modules/.bin/s3rver" ] || [ ! -x "$ROOT/end2end/node_modules/.bin/newman" ] ||
    [ ! -x "$ROOT/end2end/node_modules/binaryen/bin/wasm-opt" ] ||
    [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    log "npm ci (Playwright test runner, maildev, s3rver, newman, binaryen)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The gateway test drives a partner client written with python-requests;
# the OpenAPI document is checked with openapi-spec-validator and fuzzed
# with schemathesis.
ensure_python_requests() {
  python3 -c 'import requests, openapi_spec_validator, schemathesis' 2>/dev/null && command -v schemathesis >/dev/null && return
  log "installing python requests, openapi-spec-validator and schemathesis (PyPI)"
  python3 -m pip install --quiet requests openapi-spec-validator schemathesis
  # pyenv puts new console scripts on PATH only after a rehash.
  if command -v pyenv >/dev/null; then pyenv rehash; fi
}

# The documentation's code samples run as shown: PHP with its curl
# extension and Go (Debian), next to bash+curl, python-requests and Node.
ensure_sample_runners() {
  command -v curl >/dev/null || apt_install curl
  command -v go >/dev/null || apt_install golang-go
  if ! command -v php >/dev/null || ! php -m 2>/dev/null | grep -qx curl; then
    apt_install php-cli php-curl
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

S3_PORT=4568
start_s3() {
  export TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" TEST_S3_BUCKET=webopenapi-test
  if ! curl -s "$TEST_S3_ENDPOINT" >/dev/null 2>&1; then
    local dir
    dir="$(mktemp -d)"
    TMP_DIRS+=("$dir")
    "$ROOT/end2end/node_modules/.bin/s3rver" -d "$dir" -a 127.0.0.1 -p "$S3_PORT" --configure-bucket "$TEST_S3_BUCKET" \
      >"$LOG_DIR/s3rver.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 50); do curl -s "$TEST_S3_ENDPOINT" >/dev/null 2>&1 && break; sleep 0.2; done
    curl -s "$TEST_S3_ENDPOINT" >/dev/null || die "s3rver did not start (see $LOG_DIR/s3rver.log)"
  fi
}

SMTP_PORT=1125
MAILDEV_PORT=1180
start_maildev() {
  export TEST_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
  export TEST_MAILDEV_API="http://127.0.0.1:$MAILDEV_PORT"
  if curl -sf "$TEST_MAILDEV_API/api/email" >/dev/null 2>&1; then
    log "reusing the maildev on $SMTP_PORT"
  else
    "$ROOT/end2end/node_modules/.bin/maildev" --ip 127.0.0.1 --web-ip 127.0.0.1 -s "$SMTP_PORT" -w "$MAILDEV_PORT" \
      >"$LOG_DIR/maildev.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 50); do curl -sf "$TEST_MAILDEV_API/api/email" >/dev/null 2>&1 && break; sleep 0.2; done
    curl -sf "$TEST_MAILDEV_API/api/email" >/dev/null || die "maildev did not start (see $LOG_DIR/maildev.log)"
  fi
  curl -sf -X DELETE "$TEST_MAILDEV_API/api/email/all" >/dev/null || true
}

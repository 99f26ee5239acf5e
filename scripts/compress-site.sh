#!/usr/bin/env bash
# Compresses the browser bundle once, beside each file (.gz always — by
# Debian's `zopfli` when it is there: the same format, 4-5 % smaller, for
# browsers and proxies that take no brotli — .br when Debian's `brotli` is
# there); the server sends the smaller one a browser accepts
# (server/src/lib.rs, pkg_files). Run after every `cargo leptos build`: a
# stale .gz would be served instead of a new file, so old ones go first. A
# debug bundle (tens of MB) is left uncompressed.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pkg="${1:-$ROOT/target/site/pkg}"
for f in "$pkg"/*.wasm "$pkg"/*.js "$pkg"/*.css; do
  [ -f "$f" ] || continue
  rm -f "$f.gz" "$f.br"
  [ "$(stat -c %s "$f")" -lt 8000000 ] || continue
  if command -v zopfli >/dev/null; then zopfli --i5 "$f"; else gzip -9 -k -f "$f"; fi
  if command -v brotli >/dev/null; then brotli -q 11 -k -f "$f"; fi
done

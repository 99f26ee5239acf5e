#!/usr/bin/env bash
# Installs what the build needs, once: wasm target, cargo-leptos, wasm-bindgen.
# Everything comes from crates.io / rustup; nothing downloads prebuilt binaries.
set -euo pipefail
source "$(dirname "$0")/env.sh"

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (once, ~15 min)"
  # no_downloads: a missing tool is an error instead of a download from outside the registries.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must equal the wasm-bindgen crate)"
  # Not --locked: its lockfile pins a crate the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

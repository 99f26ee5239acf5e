# Shared settings for the project's scripts (sourced, not run).
# The cargo target dir lives outside the clone so CI and fresh clones reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/webopenapi-target}"
# cargo-leptos builds with these; tests use the same so nothing is rebuilt.
export LEPTOS_OUTPUT_NAME=webopenapi
# Crates' paths as `leptos-0.8.x/src/…`, not under the registry's folder:
# panic locations are strings in the browser bundle (issue 17: ~120 of
# them, 58 bytes shorter each).
REGISTRY_SRC="${CARGO_HOME:-$HOME/.cargo}/registry/src/index.crates.io-1949cf8c6b5b557f/"
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components --remap-path-prefix=$REGISTRY_SRC=}"
export PATH="$HOME/.cargo/bin:$PATH"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
BIN="$CARGO_TARGET_DIR/debug/server"

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The site as served: the server binary, the wasm split into chunks per
# section of pages (`app::routes`; without --split the chunks' imports would
# dangle) and the compressed copies (a stale .gz/.br must not outlive a build).
# `build_site --release` for the benchmark.
# A release build runs wasm-opt, and it must be binaryen's npm build
# (end2end/package.json; `ensure_node_modules` installs it): Debian's
# binaryen 108 rewrites a module with two tables so that wasm-bindgen's
# `__wbindgen_externrefs` export names the function table, and the release
# bundle then stops at start-up (`WebAssembly.Table.set(): Argument 1 is
# invalid for table`) — even with no pass run.
build_site() {
  PATH="$ROOT/end2end/node_modules/binaryen/bin:$PATH" cargo leptos build --split "$@" &&
    "$ROOT/scripts/compress-site.sh"
}

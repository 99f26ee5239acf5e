# Shared settings for the project's scripts (sourced, not run).
# The cargo target dir lives outside the clone so CI and fresh clones reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/webopenapi-target}"
# cargo-leptos builds with these; tests use the same so nothing is rebuilt.
export LEPTOS_OUTPUT_NAME=webopenapi
export RUSTFLAGS="${RUSTFLAGS:---cfg erase_components}"
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
build_site() {
  cargo leptos build --split "$@" && "$ROOT/scripts/compress-site.sh"
}

#!/usr/bin/env bash
# The browser playground: installs what it needs (the WebAssembly target, the wasm-bindgen
# command at the crate's version, Node and Chromium when missing), builds the page and tests it
# in headless Chromium against the command line's answers.
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"

rustup target add wasm32-unknown-unknown
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' bindings/wasm/Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
    cargo install --locked wasm-bindgen-cli --version "$version"
fi
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update
    apt-get install -y "${missing[@]}"
fi

# The command line the page is compared with.
cargo build --locked --bin duikou
export DUIKOU_BIN="$PWD/target/debug/duikou"

cd web
npm ci --no-audit --no-fund
npm run build
CHROMIUM="$(command -v chromium)" npm test

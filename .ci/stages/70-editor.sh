#!/usr/bin/env bash
# The VS Code extension (editors/vscode): install Node.js and npm if missing, install its
# packages from the npm registry (exactly as locked), run its tests (manifest and TextMate
# grammar with vscode-tmgrammar-test) and package it as a .vsix with @vscode/vsce.
# The language server itself is tested by `cargo test` (tests/lsp.rs, tests/lsp_robustness.rs).
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
    echo "error: the extension's tools need Node.js 18 or later, found $(node --version)" >&2
    exit 1
fi
cd editors/vscode
npm ci --no-audit --no-fund
npm test
rm -f duikou.vsix
npm run package
test -s duikou.vsix
echo "packaged editors/vscode/duikou.vsix ($(wc -c < duikou.vsix) bytes)"

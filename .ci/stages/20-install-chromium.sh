#!/usr/bin/env bash
# Headless Chromium and a CJK font, for the browser test of `duikou doc` (tests/doc_browser.rs).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
    echo "chromium and a CJK font are installed"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
chromium --version

#!/usr/bin/env bash
# Headless Chromium for the HTML report's browser tests (tests/html_report.rs).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-noto-cjk
/usr/bin/chromium --version

#!/usr/bin/env bash
# Headless Chromium and CJK fonts, for the browser tests of the HTML report
# (tests/html_report.rs) and the published rules (tests/doc_browser.rs).
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    echo "chromium and a CJK font are installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-wqy-microhei fontconfig >/dev/null
/usr/bin/chromium --version

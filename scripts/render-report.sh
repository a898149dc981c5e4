#!/usr/bin/env bash
# Renders a ccsim HTML report to a PNG with headless Chromium (Debian's `chromium` package), so a person
# can look at it, or put it in a document.
#
#   scripts/render-report.sh REPORT.html OUT.png [WIDTH]   # the whole page as one picture, WIDTH px (900)
#   scripts/render-report.sh REPORT.html OUT.pdf           # the page printed to PDF (A4), as a reader prints it
#
# Install Chromium first if needed: apt-get install -y chromium. The page is self-contained (inline CSS
# and SVG, no script), so nothing is fetched. The window is made tall enough for the whole page.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 REPORT.html OUT.png [WIDTH]" >&2; exit 2; }
report=$1 out=$2 width=${3:-900}
[ -f "$report" ] || { echo "$0: no such file: $report" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "$0: Chromium not found (apt-get install -y chromium)" >&2; exit 2; }
# Height: about 400 px per chart and 22 px per table row at 900 px wide, plus the titles.
figures=$(grep -o '<figure' "$report" | wc -l)
rows=$(grep -o '<tr>' "$report" | wc -l)
height=$(( (360 + figures * 400 + rows * 23) * width / 900 ))
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
if [[ "$out" == *.pdf ]]; then
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out" "file://$abs" > /dev/null 2>&1
    [ -s "$out" ] || { echo "$0: Chromium wrote no PDF" >&2; exit 1; }
    echo "wrote $out"
    exit 0
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$width,$height" --screenshot="$out" "file://$abs" > /dev/null 2>&1
[ -s "$out" ] || { echo "$0: Chromium wrote no picture" >&2; exit 1; }
echo "wrote $out (${width}x${height})"

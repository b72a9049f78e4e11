#!/usr/bin/env bash
# npm run demo:render — converts the demo workbooks (English and Chinese) to PDF (LibreOffice headless)
# and one PNG per page (poppler pdftoppm), so anyone can look at the tables as a journal would print them.
# Needs the Debian packages libreoffice-calc poppler-utils fonts-liberation2 fonts-noto-cjk (CJK glyphs):
#   apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-liberation2 fonts-noto-cjk
# Usage: scripts/render.sh [WORKBOOK.xlsx ...]
#   (default out/demo/nqp-demo.xlsx and out/demo/nqp-demo-zh.xlsx; built with npm run demo if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then books=("$@"); else books=(out/demo/nqp-demo.xlsx out/demo/nqp-demo-zh.xlsx); fi
if [ $# -eq 0 ] && { [ ! -f "${books[0]}" ] || [ ! -f "${books[1]}" ]; }; then
  npx tsx scripts/demo.ts "${books[0]}" > /dev/null
fi
for book in "${books[@]}"; do
  if [ ! -f "$book" ]; then
    echo "render: $book not found (npm run demo writes out/demo/nqp-demo.xlsx and out/demo/nqp-demo-zh.xlsx)" >&2
    exit 2
  fi
done
for tool in soffice pdftoppm; do
  if ! command -v "$tool" > /dev/null; then
    echo "render: $tool not found. Install: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-liberation2 fonts-noto-cjk" >&2
    exit 2
  fi
done
if command -v fc-list > /dev/null && ! fc-list | grep -qi "Noto Sans CJK"; then
  echo "render: warning: no CJK font (fonts-noto-cjk); Chinese text would show as boxes." >&2
fi
# A private LibreOffice profile: no clash with a running instance, no first-start dialogs.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for book in "${books[@]}"; do
  dir="$(dirname "$book")"
  base="$(basename "$book" .xlsx)"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf "$book" --outdir "$dir" > /dev/null
  rm -f "$dir/$base"-page-*.png
  pdftoppm -png -r 110 "$dir/$base.pdf" "$dir/$base-page"
  echo "PDF: $dir/$base.pdf"
  ls "$dir/$base"-page-*.png
done

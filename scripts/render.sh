#!/usr/bin/env bash
# npm run demo:render — converts the demo workbook to PDF (LibreOffice headless) and one PNG per page
# (poppler pdftoppm), so anyone can look at the tables as a journal would print them.
# Needs the Debian packages libreoffice-calc poppler-utils fonts-liberation2:
#   apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-liberation2
# Usage: scripts/render.sh [WORKBOOK.xlsx]   (default out/demo/nqp-demo.xlsx; built with npm run demo if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
book="${1:-out/demo/nqp-demo.xlsx}"
if [ ! -f "$book" ]; then
  npx tsx scripts/demo.ts "$book" > /dev/null
fi
for tool in soffice pdftoppm; do
  if ! command -v "$tool" > /dev/null; then
    echo "render: $tool not found. Install: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-liberation2" >&2
    exit 2
  fi
done
dir="$(dirname "$book")"
base="$(basename "$book" .xlsx)"
# A private LibreOffice profile: no clash with a running instance, no first-start dialogs.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf "$book" --outdir "$dir" > /dev/null
rm -f "$dir/$base"-page-*.png
pdftoppm -png -r 110 "$dir/$base.pdf" "$dir/$base-page"
echo "PDF: $dir/$base.pdf"
ls "$dir/$base"-page-*.png

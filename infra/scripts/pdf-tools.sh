#!/usr/bin/env bash
# Provides the PDF and QR tools the certificate tests use as a reader would: pdftotext and
# pdftoppm (poppler-utils) to extract text and rasterise a page, zbarimg (zbar-tools) to decode
# the QR code. Debian packages only.
set -euo pipefail

missing=()
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
if [ ${#missing[@]} -eq 0 ]; then
  echo "pdf-tools: pdftotext, pdftoppm and zbarimg present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "pdf-tools: missing ${missing[*]}. Install Debian's packages as root: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "pdf-tools: installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
echo "pdf-tools: installed ${missing[*]}"

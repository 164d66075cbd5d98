#!/usr/bin/env bash
# System packages docgen needs beyond Python: LibreOffice (headless) to open/convert DOCX in tests
# and for --pdf, poppler-utils (pdftotext) to read PDFs back, DejaVu fonts for Cyrillic/Kazakh glyphs,
# Liberation Serif 2 in place of Times New Roman.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
# Liberation Serif 2.x: metric-compatible with Times New Roman (the font of official documents) and,
# unlike 1.x, with the Kazakh letters; LibreOffice substitutes it for Times New Roman.
[ -d /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
# Chromium for the browser tests of `docgen serve` (Playwright drives /usr/bin/chromium; no download).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"

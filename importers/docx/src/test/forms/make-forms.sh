#!/usr/bin/env bash
# Converts the hand-made Word forms (LibreOffice flat ODT, written in Writer's own format) to
# .docx with LibreOffice Writer, headless, into src/test/resources/forms/. The .docx files are
# committed; run this again after changing a form. Needs: apt-get install libreoffice-writer-nogui
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/forms
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to docx:"MS Word 2007 XML" \
  --outdir "$out" ./*.fodt
soffice --version

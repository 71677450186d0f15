#!/bin/sh
# export_readback.sh: black-box read-back of exported workbooks with
# Debian's python3-openpyxl: for the example session and six random answer
# sets, every number on Ergebnis equals `score --format tsv`, formula cells
# carry cached values, injection strings stay strings, sheet names and
# headings are right; with LibreOffice ($WA_SOFFICE) every workbook is also
# recalculated and Ergebnis compared again, so the formulas themselves agree
# with the score (tests/export_readback.py does the checking).
# Skips (77) without python3-openpyxl/python3-yaml.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ "$PY" = no ] || ! "$PY" -c 'import openpyxl, yaml' 2>/dev/null; then
	echo "SKIP: $PY lacks openpyxl or yaml (apt-get install python3-openpyxl python3-yaml)"
	exit 77
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
"$PY" "$WA_SRCDIR/tests/export_readback.py" "$WA_BIN" "$WA_SRCDIR" "$TMP"

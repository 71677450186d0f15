#!/bin/sh
# register_readback.sh: the register workbook read back with Debian's
# python3-openpyxl: tests/test_register writes the fixture register (its
# generated and hand-made audits, with and without points) and the
# expectations of its independent oracle as TSV; tests/register_readback.py
# compares every cell, the dates, the print setup and the colours. Run in
# the caller's locale (the German run of ./quickstart test included).
# Skips (77) without python3-openpyxl.
: "${WA_BUILDDIR:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ "$PY" = no ] || ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	echo "SKIP: $PY lacks openpyxl (apt-get install python3-openpyxl)"
	exit 77
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
"$WA_BUILDDIR/tests/test_register" --fixtures "$TMP" || exit 1
"$PY" "$WA_SRCDIR/tests/register_readback.py" xlsx "$TMP"

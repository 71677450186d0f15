#!/bin/sh
# export_structure.sh: the structural rules Excel enforces on the XML inside
# an exported workbook (sorted, non-overlapping <col> ranges, merged ranges
# that do not overlap, conditional formats and data validations on valid
# ranges, defined names that resolve, schema order, counts, indexes, page
# breaks, header length), checked for the example session and random
# sessions, each for the town and with --intern, and the example with a
# logo, by tests/export_structure.py, which also proves on planted defects
# that it finds them. Needs /usr/bin/python3 with python3-yaml.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ "$PY" = no ] || ! "$PY" -c 'import yaml' 2>/dev/null; then
	echo "SKIP: $PY lacks yaml (apt-get install python3-yaml)"
	exit 77
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
"$PY" "$WA_SRCDIR/tests/export_structure.py" "$WA_BIN" "$WA_SRCDIR" "$TMP"

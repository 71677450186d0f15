#!/bin/sh
# register_ics.sh: the register's iCalendar file read back with Debian's
# python3-icalendar: tests/test_register writes the fixture calendar twice
# and the oracle's expected events; tests/register_readback.py checks every
# event (UID, all-day dates, summary, DTSTAMP, alarm), that both files are
# the same and that lines are folded correctly. (test_register itself parses
# the calendar with libical.) Skips (77) without python3-icalendar.
: "${WA_BUILDDIR:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ "$PY" = no ] || ! "$PY" -c 'import icalendar' 2>/dev/null; then
	echo "SKIP: $PY lacks icalendar (apt-get install python3-icalendar)"
	exit 77
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
"$WA_BUILDDIR/tests/test_register" --fixtures "$TMP" || exit 1
"$PY" "$WA_SRCDIR/tests/register_readback.py" ics "$TMP"

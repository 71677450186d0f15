#!/bin/sh
# register_cli.sh: the `register` command over a folder of sessions made
# with the command line (tests/register_cli.py make: first audits,
# Re-Audits loaded and started with --vorher, passed, failed and open
# results, leap days, exactly six months, one Kommune in two Landkreise,
# a session saved before the register's summary, damaged, cut, empty and
# foreign files, a hard link), checked against the independent oracle of
# tests/register_cli.py (TSV, workbook with openpyxl, calendar with
# icalendar) while one of the sessions is held open by a running interview
# in a pty: the register reads it, and the interview keeps its lock (a
# second writer is still refused) and goes on saving. Skips (77) without
# python3-openpyxl or python3-icalendar.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

PY=${WA_PYTHON3:-/usr/bin/python3}
if [ "$PY" = no ] || ! "$PY" -c 'import openpyxl, icalendar' 2>/dev/null; then
	echo "SKIP: $PY lacks openpyxl or icalendar (apt-get install python3-openpyxl python3-icalendar)"
	exit 77
fi
"$PY" "$WA_SRCDIR/tests/register_cli.py" make "$WA_BIN" "$WA_SRCDIR" "$TMP" ||
	fail "making the sessions"
Z=$(cat "$TMP/zell")
export TMP WA_BIN WA_SRCDIR PY Z

tui "$Z" <<'SCRIPT' || fail "the register while the interview holds a session"
wait "Frage 1/"
keys j
wait "Gespeichert "
shell "$PY $WA_SRCDIR/tests/register_cli.py check $WA_BIN $WA_SRCDIR $TMP"
# the interview still holds its lock and goes on saving
shell "$WA_BIN set $Z strategie.budget ja >/dev/null 2>&1" 3
keys <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys "2022-11-07" <Enter>
wait "Leitbild"
keys <F10>
exit 0
SCRIPT

dump_has "$Z" "strategie.ratsbeschluss	ja"
dump_has "$Z" "strategie.beschluss_datum	2022-11-07"
dump_lacks "$Z" "strategie.budget"
echo "PASS: register_cli"

#!/bin/sh
# tests/tui_term.sh: a terminal the interview cannot drive is refused before
# any key is read: TERM unset, TERM=dumb (no cursor addressing) and a TERM
# that terminfo does not know each give a message on stderr naming TERM and
# what to use instead, exit status 1, and leave the session untouched even
# when keys are typed. A usable TERM (vt100) still works.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Terminalhausen")
for TUI_TERM in - dumb gibt-es-nicht; do
	tui "$S" <<'SCRIPT' || fail "TERM=$TUI_TERM is not refused"
wait "Bildschirmsteuerung"
expect "TERM"
expect "xterm-256color"
keys j <Enter> n <F10>
exit 1
SCRIPT
	dump_lacks "$S" "strategie.ratsbeschluss"
	dump_lacks "$S" "session.cursor"
done
"$WA_BIN" dump "$S" >/dev/null || fail "the session does not load after the refusals"

TUI_TERM=vt100
tui "$S" <<'SCRIPT' || fail "TERM=vt100 works"
wait "Frage 1/"
keys j
wait "Gespeichert"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	ja"
echo "PASS: tui_term"

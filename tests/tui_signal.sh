#!/bin/sh
# tests/tui_signal.sh: signals and a vanishing terminal. SIGTERM, SIGINT and
# closing the terminal (SIGHUP: lid closed, SSH dropped) save the session —
# including the question reached with PgDn, which is otherwise saved only with
# the next change — restore the terminal (echo, canonical mode, normal screen,
# cursor) and exit; a crash (SIGSEGV) still gives the terminal back.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Heidenheim")

tui "$S" <<'SCRIPT' || fail "SIGTERM saves and restores the terminal"
wait "Frage 1/"
keys n <Enter>
wait "Leitbild"
keys <PgDn> <PgDn>
wait "Mit welchen Partnern"
signal TERM
exit 0
sane
wait "gespeichert und beendet"
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	nein"
dump_has "$S" "session.cursor	strategie.kooperation"

tui "$S" <<'SCRIPT' || fail "closing the terminal saves"
wait "Mit welchen Partnern"
keys <PgDn>
wait "Wie viele Treffen mit örtlichen Unternehmen"
close
exit any
SCRIPT
dump_has "$S" "session.cursor	strategie.unternehmensdialog"

tui "$S" <<'SCRIPT' || fail "SIGINT saves and restores the terminal"
wait "Wie viele Treffen mit örtlichen Unternehmen"
keys 12 <Enter>
wait "Wie gut kennt die Kommune"
signal INT
exit 0
sane
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	12"
dump_has "$S" "session.cursor	strategie.monitoring"

tui "$S" <<'SCRIPT' || fail "a crash gives the terminal back"
wait "Wie gut kennt die Kommune"
signal SEGV
exit SEGV
sane
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	12"
echo "PASS: tui_signal"

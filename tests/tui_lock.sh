#!/bin/sh
# tests/tui_lock.sh: a second instance on the same session is refused while
# the first runs in a pty: `wohnort-audit SESSION` exits 3 with a message and
# leaves the file intact; the start screen of a second instance says the audit
# is open elsewhere; the CLI `set` is refused too; after the first quits the
# session opens again and holds the first instance's answer.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Ellwangen")
export S TMP WA_BIN PTYRUN

tui "$S" <<'SCRIPT' || fail "second instance while the first runs"
wait "Frage 1/"
keys j
wait "Gespeichert "
shell "$WA_BIN interview --dir $TMP $S </dev/null >$TMP/second.out 2>&1" 3
shell "grep -q 'Bitte dort weiterarbeiten' $TMP/second.out"
shell "$WA_BIN $S </dev/null >/dev/null 2>&1" 3
shell "$WA_BIN set $S strategie.budget ja >/dev/null 2>&1" 3
shell "printf 'wait Ellwangen\nkeys <Enter>\nwait \"anderen Programm geöffnet\"\nkeys q\nexit 0\n' | $PTYRUN -t 30 -w 15000 -f - -- $WA_BIN --dir $TMP >$TMP/start.out 2>&1"
# the first instance is unharmed and keeps saving
keys <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys "2022-11-07" <Enter>
wait "Leitbild"
keys <F10>
exit 0
sane
SCRIPT

dump_has "$S" "strategie.ratsbeschluss	ja"
dump_has "$S" "strategie.beschluss_datum	2022-11-07"
dump_lacks "$S" "strategie.budget"

tui "$S" <<'SCRIPT' || fail "the session opens again after the first instance quit"
wait "Prüfgespräch – Ellwangen"
wait "Leitbild"
keys <F10>
exit 0
SCRIPT
echo "PASS: tui_lock"

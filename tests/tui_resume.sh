#!/bin/sh
# tests/tui_resume.sh: quitting and resuming. Esc 0 (F10 for terminals that
# swallow F-keys) quits with exit 0 and restores the terminal; reopening the
# session (as argument and from the start screen) lands on the question left,
# also when it was reached by PgDn without answering; Tab goes to the next
# open question; the answers given are visible through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Schwäbisch Gmünd")

tui "$S" <<'SCRIPT' || fail "answering, moving and quitting with Esc 0"
wait "Frage 1/"
keys n <Enter>
wait "Ist die Gewinnung von Fachkräften im Leitbild"
keys 2 <Enter>
wait "feste Zuständigkeit"
keys <PgDn> <PgDn>
wait "Wie viele Treffen mit örtlichen Unternehmen"
keys <Esc> 0
exit 0
sane
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	nein"
dump_has "$S" "strategie.leitbild	erwaehnt"
dump_lacks "$S" "strategie.zustaendigkeit"

tui "$S" <<'SCRIPT' || fail "reopening lands on the question left"
wait "Prüfgespräch – Schwäbisch Gmünd"
wait "Wie viele Treffen mit örtlichen Unternehmen"
expect "2/41 beantwortet"
# Tab: the next open question anywhere (here the one after this)
keys 4 <Enter>
wait "Wie gut kennt die Kommune"
keys <Tab>
wait "Stehen im Haushalt eigene Mittel"
keys <Tab>
wait "Wirbt die Kommune gezielt"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	4"

tui --dir "$TMP" <<'SCRIPT' || fail "reopening from the start screen"
wait "Wohnort-Audit – Sitzungen"
expect "Schwäbisch Gmünd"
keys <Enter>
wait "Prüfgespräch – Schwäbisch Gmünd"
wait "Wirbt die Kommune gezielt"
keys <Esc> 0
exit 0
sane
SCRIPT
echo "PASS: tui_resume"

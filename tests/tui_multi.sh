#!/bin/sh
# tests/tui_multi.sh: multi-select ticks are saved the moment they are made,
# so no way of leaving the question loses them: Bild↓, Bild↑, Tab, F2, F4,
# F10 — each tick is checked through `dump` after the program has quit.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Mehrheim")
tui "$S" <<'SCRIPT' || fail "ticks and every way of leaving"
wait "Frage 1/"
keys <PgDn> <PgDn> <PgDn>
wait "Mit welchen Partnern"
keys 1
wait "[x] 1"
keys <PgDn>
wait "Wie viele Treffen"
keys <PgUp>
wait "Mit welchen Partnern"
expect "[x] 1 IHK"
keys 3
wait "[x] 3"
keys <Tab>
wait "Wie viele Treffen"
keys <PgUp>
wait "Mit welchen Partnern"
keys 2
wait "[x] 2"
keys <F2>
wait "Eigene Empfehlung"
keys <Esc>
wait "Frage 4/8"
keys 4
wait "[x] 4"
keys <F4>
wait "Handlungsfeld wählen"
keys <Esc>
wait "Frage 4/8"
expect "[x] 4"
keys 5
wait "[x] 5"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.kooperation	ihk,arbeitsagentur,unternehmen,hochschulen,nachbarkommunen"

# unticking is saved as well, and Esc does not bring the old ticks back
tui "$S" <<'SCRIPT' || fail "unticking"
wait "Mit welchen Partnern"
keys 1 5 <Esc>
wait "[ ] 5"
expect "[ ] 1 IHK"
keys <PgDn>
wait "Wie viele Treffen"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.kooperation	arbeitsagentur,unternehmen,hochschulen"
echo "PASS: tui_multi"

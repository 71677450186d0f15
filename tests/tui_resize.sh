#!/bin/sh
# tests/tui_resize.sh: terminal resizes while the interview runs: 80x24 with
# the Handlungsfelder at the side, 60x20 (question still readable, side list
# gone), below the minimum (the „zu klein“ message, keys other than quit
# ignored, no crash), back to 80x24 (everything redrawn), a resize in the
# middle of a typed answer keeps it; the program keeps working and saving.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Königsbronn")

tui "$S" <<'SCRIPT' || fail "resizing the interview"
wait "Frage 1/"
expect "Zuzug leicht gemacht"
resize 60 20
wait_not "Zuzug leicht gemacht"
wait "Frage 1/"
expect "Hat ein kommunales Gremium"
expect "Prüfgespräch – Königsbronn"
expect "1 Ja"
keys j
wait "Gespeichert "
resize 40 10
wait "zu klein"
expect_not "Frage 1/"
keys n
sleep 200
resize 80 24
wait "Zuzug leicht gemacht"
expect "Frage 1/"
expect "(•) 1 Ja"
expect_not "zu klein"
keys <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys "2024-01"
wait "Antwort: 2024-01"
resize 60 20
wait "Antwort: 2024-01"
keys "-31" <Enter>
wait "Leitbild"
resize 80 24
wait "Beruf und Familie"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	ja"
dump_has "$S" "strategie.beschluss_datum	2024-01-31"
echo "PASS: tui_resize"

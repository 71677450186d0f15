#!/bin/sh
# tests/tui_help.sh: the help screen. F1 in the interview and ? on the start
# screen show every key of the contract (answers, navigation, side fields,
# quitting, Esc + digit, points, undo, history, phase); Esc 1 opens it like
# F1; Esc returns to the screen it was opened from, which keeps its state.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Aalen")

tui "$S" <<'SCRIPT' || fail "help from the interview"
wait "Frage 1/"
keys <F1>
wait "Hilfe: diese Übersicht aller Tasten"
expect "F10, Strg-Q"
expect "F2"
expect "Notiz und eigene Empfehlung"
expect "F3"
expect "F4"
expect "F5"
expect "F6"
expect "F7"
expect "Entwicklungsziele"
expect "Tab"
expect "nächste offene Frage"
expect "Bild↓"
expect "Bild↑"
# Esc + digit and the keys of the talk and the verdict, further down
keys <PgDn>
wait "Esc 1 … Esc 0"
expect "Gespräch, Verlauf und Abschluss"
expect "Strg-P"
expect "Strg-Z"
# the answer keys
keys <PgDn>
wait "j / n"
expect "Strg-R"
expect "Strg-W"
expect "Leertaste"
expect "Esc"
keys <PgDn>
wait "Weitere Bildschirme"
expect "Start: n"
keys <Esc>
wait "Frage 1/"
expect "Hat ein kommunales Gremium"
keys <Esc> 1
wait "Hilfe: diese Übersicht aller Tasten"
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
sane
SCRIPT

tui --dir "$TMP" <<'SCRIPT' || fail "help from the start screen"
wait "Wohnort-Audit – Sitzungen"
keys ?
wait "Hilfe: diese Übersicht aller Tasten"
expect "F10, Strg-Q"
keys <Esc>
wait "Wohnort-Audit – Sitzungen"
keys q
exit 0
SCRIPT
echo "PASS: tui_help"

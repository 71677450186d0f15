#!/bin/sh
# tests/tui_quit.sh: a value typed but not yet confirmed with Enter is saved
# when the program ends: F10, Strg-Q and Strg-C in the interview, F10 from a
# note on F2, from the help screen opened over a typed answer, and SIGTERM
# while typing. An invalid value is never saved silently nor dropped
# silently: quitting asks (Esc goes back to correct it, b quits without it).
# Every value is checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Endingen")
"$WA_BIN" set "$S" strategie.ratsbeschluss ja || fail "set"

tui "$S" <<'SCRIPT' || fail "F10 with a typed date"
wait "Wann wurde der Beschluss gefasst?"
keys "2023-03-14"
wait "Antwort: 2023-03-14"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.beschluss_datum	2023-03-14"

tui "$S" <<'SCRIPT' || fail "Strg-Q with a typed number"
wait "Wann wurde der Beschluss gefasst?"
keys <PgDn> <PgDn> <PgDn> <PgDn>
wait "Wie viele Treffen"
keys 12
wait "Antwort: 12"
keys <C-q>
exit 0
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	12"

tui "$S" <<'SCRIPT' || fail "Strg-C with a typed text"
wait "Wie viele Treffen"
keys <F9>
wait "Frage suchen"
keys "5.10" <Enter>
wait "Welche Besonderheiten"
keys "Herr Öztürk"
wait "Antwort: Herr Öztürk"
keys <C-c>
exit 0
SCRIPT
dump_has "$S" "lebensqualitaet.besonderheiten	Herr Öztürk"

tui "$S" <<'SCRIPT' || fail "F10 from a note being typed"
wait "Welche Besonderheiten"
keys <F2>
wait "Eigene Empfehlung"
keys "Erste Zeile" <Enter> "zweite Zeile"
wait "zweite Zeile"
keys <F10>
exit 0
SCRIPT
dump_has "$S" 'lebensqualitaet.besonderheiten:note	Erste Zeile\nzweite Zeile'

tui "$S" <<'SCRIPT' || fail "F10 from the help over a typed answer"
wait "Welche Besonderheiten"
keys <F9>
wait "Frage suchen"
keys "1.7" <Enter>
wait "Wie viele Treffen"
keys 7
wait "Antwort: 7"
keys <F1>
wait "Hilfe: diese Übersicht aller Tasten"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	7"

tui "$S" <<'SCRIPT' || fail "an invalid value asks"
wait "Wie viele Treffen"
keys <F9>
wait "Frage suchen"
keys "1.2" <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys <BS> <BS> "0.2.2023"
wait "Antwort: 14.03.200.2.2023"
keys <C-u> "31.02.2023"
keys <F10>
wait "Eine Eingabe ist noch nicht gespeichert:"
expect "Den 31.02.2023 gibt es nicht"
expect "b    trotzdem beenden"
keys <Esc>
wait_not "Eine Eingabe ist noch nicht gespeichert:"
expect "Antwort: 31.02.2023"
keys <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> "28.02.2023" <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.beschluss_datum	2023-02-28"

tui "$S" <<'SCRIPT' || fail "quitting without an invalid value"
wait "Wann wurde der Beschluss gefasst?"
keys <C-u> "99.99.9999" <C-q>
wait "Eine Eingabe ist noch nicht gespeichert:"
keys b
exit 0
sane
SCRIPT
dump_has "$S" "strategie.beschluss_datum	2023-02-28"

tui "$S" <<'SCRIPT' || fail "SIGTERM while typing"
wait "Wann wurde der Beschluss gefasst?"
keys <F9>
wait "Frage suchen"
keys "1.7" <Enter>
wait "Wie viele Treffen"
keys 4
wait "Antwort: 4"
signal TERM
exit 0
sane
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	4"
echo "PASS: tui_quit"

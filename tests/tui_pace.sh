#!/bin/sh
# tests/tui_pace.sh: keys that keep pace with the talk. F9 jumps to a
# question by its number („4.8“) or finds it by words (case and umlauts
# ignored); scale questions take ↑/↓/←/→ and Leertaste like the other lists;
# typing replaces a saved text answer or a filled field instead of appending;
# „t“ enters today as TT.MM.JJJJ; a note takes several lines (Enter), is
# edited with ↑/↓ and saved with Strg-S; Entf on a note asks before it
# empties it. Checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Schnellbach")
"$WA_BIN" set "$S" strategie.zustaendigkeit ja || fail "set"
"$WA_BIN" set "$S" strategie.ansprechperson "Herr Alt" || fail "set"
"$WA_BIN" set "$S" meta.auditor "Erika Muster" || fail "set"
"$WA_BIN" set "$S" strategie.ratsbeschluss ja || fail "set"

tui "$S" <<'SCRIPT' || fail "jump, search, scale, typing, notes"
wait "Frage "
# jump by number
keys <F9>
wait "Frage suchen"
keys "4.8"
wait "1 Treffer"
keys <Enter>
wait "Nr. 4.8"
expect "Beratung zur Anerkennung"
# find by words, without case and umlauts
keys <C-f>
wait "Frage suchen"
keys "MANGEL"
wait "5.8"
expect "Können Einwohner Mängel"
keys <Enter>
wait "Nr. 5.8"
# scale with the cursor keys
keys <F9>
wait "Frage suchen"
keys "1.8" <Enter>
wait "Wie gut kennt die Kommune"
keys <Down> <Down> <Space>
wait "(•) 2 regelmäßige Auswertung"
keys <Right>
keys <Enter>
wait "Stehen im Haushalt"
# typing replaces a saved text answer
keys <F9>
wait "Frage suchen"
keys "1.5" <Enter>
wait "Antwort: Herr Alt"
keys "Frau Neu" <Enter>
wait "Mit welchen Partnern"
keys <PgUp>
wait "Antwort: Frau Neu"
expect_not "Herr AltFrau"
# t enters today as TT.MM.JJJJ
keys <F9>
wait "Frage suchen"
keys "1.2" <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys t
wait "Antwort: "
shell "date +%d.%m.%Y > $TMP/today"
keys <Enter>
wait "Ist die Gewinnung"
# a note of several lines, corrected in its first line
keys <F2>
wait "Eigene Empfehlung"
keys "Erste Zeile" <Enter> "Zweite Zeile" <Up> <End> " ergänzt" <C-s>
wait "Gespeichert "
expect "Erste Zeile ergänzt Zweite Zeile"
# Entf on the note asks
keys <Del>
wait "„Notiz“ leeren?"
keys n
wait "Feld behalten"
keys <Esc>
wait "Notiz: Erste Zeile ergänzt"
# a filled field on F8 is replaced by typing
keys <F8>
wait "Stammdaten und Teilnehmende"
keys <Down> <Down> <Down> <Down>
wait "Erika Muster"
keys "Jörg Weiß" <Enter>
wait "Gespeichert "
keys <Esc>
wait "Frage "
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.monitoring	3"
dump_has "$S" "strategie.ansprechperson	Frau Neu"
dump_has "$S" "strategie.leitbild:note	Erste Zeile ergänzt\nZweite Zeile"
dump_has "$S" "meta.auditor	Jörg Weiß"
today=$(date +%Y-%m-%d)
dump_has "$S" "strategie.beschluss_datum	$today"
echo "PASS: tui_pace"

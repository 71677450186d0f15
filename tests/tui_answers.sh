#!/bin/sh
# tests/tui_answers.sh: answering by keys in the interview at 80x24, one
# question of every type: yesno (j, n, ↓ Leertaste), date (typed), choice
# (digit), text with umlauts and „…“ (typed; visible on screen), multi
# (digits toggle and save), number and scale (digit); show_if
# follow-ups appear after „Ja“; Esc abandons an edit; „entfällt“ is refused
# where the form does not allow it; Entf clears an answer after asking; the status line
# says „Gespeichert HH:MM:SS“; a long text with wide characters wraps on
# word boundaries. Every answer is checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Groß-Umstadt")

tui "$S" <<'SCRIPT' || fail "answering every question type by keys"
wait "Prüfgespräch – Groß-Umstadt"
wait "Frage 1/"
expect "Hat ein kommunales Gremium"
# yesno: j selects and saves, Enter moves on; the date follow-up appears
keys j
wait "(•) 1 Ja"
wait "Gespeichert "
keys <Enter>
wait "Wann wurde der Beschluss gefasst?"
expect "Frage 2/"
expect "Datum"
# date, typed; a wrong date is refused
keys "2023-02-30" <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> "2023-03-15" <Enter>
wait "Ist die Gewinnung von Fachkräften im Leitbild"
# choice: a digit picks option 3
keys 3
wait "Verankert mit messbaren Zielen"
keys <Enter>
wait "feste Zuständigkeit"
# yesno by cursor and space, then Enter
keys <Up> <Space> <Enter>
wait "Wer ist zuständig"
expect "Text"
# text with umlauts, quotes and a dash
keys "Frau Jäger – „Fachkräfte“ Büro" <Enter>
wait "Mit welchen Partnern"
# multi: 1 and 3 toggled, each saved at once; Enter goes on
keys 1 3
wait "[x] 3"
expect "[x] 1"
wait "Gespeichert "
keys <Enter>
wait "Wie viele Treffen mit örtlichen Unternehmen"
# number: Esc abandons the edit, then a real value
keys 77 <Esc>
wait "Eingabe verworfen"
keys "5" <Enter>
wait "Wie gut kennt die Kommune ihre Lage"
expect "Skala"
# scale
keys 2 <Enter>
wait "Stehen im Haushalt eigene Mittel"
# „entfällt“ is not allowed on this question
keys e
wait "nicht erlaubt"
keys n <Enter>
wait "Wirbt die Kommune gezielt"
# back with PgUp: the earlier answers are shown
keys <PgUp>
wait "Stehen im Haushalt eigene Mittel"
expect "(•) 2 Nein"
keys <PgUp>
wait "Wie gut kennt die Kommune ihre Lage"
expect "(•) 2 regelmäßige Auswertung"
keys <PgUp> <PgUp> <PgUp>
wait "Wer ist zuständig"
expect "Frau Jäger – „Fachkräfte“ Büro"
keys <PgUp> <PgUp> <PgUp> <PgUp>
wait "Frage 1/"
expect "(•) 1 Ja"
expect_row 0 "9/43 beantwortet"
# Entf clears: the budget question becomes open again
keys <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>
wait "Stehen im Haushalt eigene Mittel"
# Entf asks first: another key keeps the answer, j deletes it
keys <Del>
wait "Antwort „Nein“ löschen?"
keys <Down>
wait "Antwort behalten"
expect "9/43 beantwortet"
keys <Del>
wait "Antwort „Nein“ löschen?"
keys j
wait "8/43 beantwortet"
keys <F10>
exit 0
sane
SCRIPT

dump_has "$S" "strategie.ratsbeschluss	ja"
dump_has "$S" "strategie.beschluss_datum	2023-03-15"
dump_has "$S" "strategie.leitbild	mit_zielen"
dump_has "$S" "strategie.zustaendigkeit	ja"
dump_has "$S" "strategie.ansprechperson	Frau Jäger – „Fachkräfte“ Büro"
dump_has "$S" "strategie.kooperation	ihk,unternehmen"
dump_has "$S" "strategie.unternehmensdialog	5"
dump_has "$S" "strategie.monitoring	2"
dump_lacks "$S" "strategie.budget"
dump_lacks "$S" "strategie.standortmarketing"
# wide characters and a long text: kept whole, wrapped between words
W=$(new_session "Königsbronn")
"$WA_BIN" set "$W" strategie.zustaendigkeit ja || fail "set"
tui "$W" <<'SCRIPT' || fail "a long text with wide characters"
wait "Frage 1/"
keys <Tab> <Tab>
wait "Wer ist zuständig"
keys "東京事務所 Büro ✓ — Frau Ünal, eine lange Beschreibung mit vielen Wörtern, damit sie umbricht" <Enter>
wait "Mit welchen Partnern"
keys <PgUp>
wait "Wer ist zuständig"
expect "Antwort: 東京事務所 Büro ✓ — Frau"
# every word whole, wherever the line breaks
expect "Ünal,"
expect "eine"
expect "lange"
expect "Beschreibung"
expect "vielen"
expect "Wörtern,"
expect "damit"
expect "umbricht"
keys <F10>
exit 0
SCRIPT
dump_has "$W" "strategie.ansprechperson	東京事務所 Büro ✓ — Frau Ünal, eine lange Beschreibung mit vielen Wörtern, damit sie umbricht"
echo "PASS: tui_answers"

#!/bin/sh
# tests/tui_table.sh: the town's statements from its Dokumentationstabelle in
# the interview. The statement stands under the question („Angabe der
# Kommune: Ja – Beschluss vom 14.03.2026, Nachweis: Ordner S. 3“) with the
# key that takes it over; Strg-K makes it the answer and saves it at once
# (checked through `dump` after the program ended); another answer is
# still possible and is then marked as differing; F5 lists the difference
# and the statements not yet verified; F7 shows the town's proposed goal
# and takes it over with its button; the start screen writes the table with
# t. Strg-K where the town said nothing says so and changes nothing.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Steinbach")
for kv in "town.strategie.ratsbeschluss=ja" \
	"town.strategie.ratsbeschluss:text=Beschluss vom 14.03.2026" \
	"town.strategie.ratsbeschluss:evidence=Ordner S. 3" \
	"town.strategie.leitbild:evidence=Leitbild S. 7" \
	"town.goal.1.ziel=Willkommenspaket in drei Sprachen" \
	"town.goal.1.frist=Ende 2027"; do
	"$WA_BIN" set "$S" "${kv%%=*}" "${kv#*=}" || fail "set ${kv%%=*}"
done

tui "$S" <<'SCRIPT' || fail "taking the statement over with Strg-K"
wait "Frage 1/"
expect "Angabe der Kommune: Ja – Beschluss vom 14.03.2026,"
expect "Nachweis: Ordner S. 3 · Strg-K übernimmt"
keys <C-k>
wait "Angabe der Kommune übernommen: Ja · Gespeichert"
expect "(•) 1 Ja"
expect_not "Strg-K übernimmt"
# a question where the town gave no answer
keys <PgDn> <PgDn>
wait "Nr. 1.3"
keys <C-k>
wait "keine Antwort angegeben"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	ja"
dump_lacks "$S" "strategie.leitbild"

tui "$S" <<'SCRIPT' || fail "another answer, F5, F7"
# the interview opens where the last one left off
wait "Nr. 1.3"
keys <PgUp> <PgUp>
wait "Frage 1/"
keys n
wait "Angabe der Kommune (weicht ab): Ja"
keys <F5>
wait "Übersicht"
# the town's rows come after the 40 open questions: Ende goes there
keys <End>
wait "weicht von Kommune ab"
# wide enough for the whole row
resize 160 24
wait "Antwort: Nein"
expect "Kommune: Ja – Beschluss vom 14.03.2026, Nachweis: Ordner S. 3 · Antwort: Nein"
expect "Nachweis Kommune ungeprüft"
resize 80 24
keys <Esc>
wait "Frage 1/"
keys <F7>
wait "Vorschlag Kommune"
expect "Willkommenspaket in drei Sprachen"
expect "[ Vorschlag der Kommune übernehmen ]"
keys <Enter>
wait "Vorschlag der Kommune als Ziel 1 übernommen"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "strategie.ratsbeschluss	nein"
dump_has "$S" "goal.1.ziel	Willkommenspaket in drei Sprachen"
dump_has "$S" "goal.1.frist	Ende 2027"
dump_has "$S" "town.strategie.ratsbeschluss	ja"

tui --dir "$TMP" <<'SCRIPT' || fail "the table from the start screen"
wait "Wohnort-Audit – Sitzungen"
keys t
wait "Dokumentationstabelle für die Kommune geschrieben"
keys t
wait "Dokumentationstabelle: steinbach-2024-03-12-dokumentationstabelle.xlsx: gibt"
expect "es schon; nicht überschrieben"
keys q
exit 0
SCRIPT
[ -s "$TMP/steinbach-2024-03-12-dokumentationstabelle.xlsx" ] || fail "t wrote no table"
echo "PASS: tui_table"

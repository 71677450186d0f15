#!/bin/sh
# tests/tui_rules.sh: one rule for every answer key and the messages that
# say what to type. „e“ (entfällt) stays on the question like j, n and the
# digits, so a note typed right after lands on that question; a number
# question refuses a negative count (TUI and `set`) and letters, saying
# what to type (not „entfällt ist nicht erlaubt“); an impossible date is
# refused with a message that names no record key, fits the screen and
# leaves the input for correction (also on F3); an implausible date is saved
# with a warning (TUI and `set`). Checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Regelstadt")
"$WA_BIN" set "$S" strategie.ratsbeschluss ja || fail "set"

tui "$S" <<'SCRIPT' || fail "e stays, the note lands on its question"
wait "Wann wurde der Beschluss gefasst?"
keys <F4>
wait "Handlungsfeld wählen"
keys 3
wait "Gibt es eine zentrale Anmeldestelle"
keys <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>
wait "Arbeitet die Kommune mit Unternehmen bei"
keys e
wait "(•) e entfällt"
expect "Arbeitet die Kommune mit Unternehmen bei"
keys <F2>
wait "Eigene Empfehlung"
keys "Kein Betrieb mit 50 Beschäftigten" <C-s>
wait "Gespeichert "
keys <Esc>
wait "Notiz: Kein Betrieb"
expect "Arbeitet die Kommune mit Unternehmen bei"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "familie.betriebliche_betreuung	entfaellt"
dump_has "$S" "familie.betriebliche_betreuung:note	Kein Betrieb mit 50 Beschäftigten"
dump_lacks "$S" "familie.familienfreundliche_verwaltung:note"

tui "$S" <<'SCRIPT' || fail "number questions"
wait "Arbeitet die Kommune mit Unternehmen"
keys <F4>
wait "Handlungsfeld wählen"
keys 1
wait "Hat ein kommunales Gremium"
keys <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>
wait "Wie viele Treffen"
keys -
wait "Hier bitte eine ganze Zahl ab 0 eingeben"
keys e
wait "Hier bitte eine ganze Zahl ab 0 eingeben"
expect_not "entfällt"
keys 3 a
wait "Hier bitte eine ganze Zahl ab 0 eingeben"
expect "Antwort: 3"
keys <Enter>
wait "Wie gut kennt die Kommune"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.unternehmensdialog	3"
if "$WA_BIN" set "$S" strategie.unternehmensdialog -- -2 2>"$TMP/err"; then
	fail "set accepted -2 meetings"
fi
grep -q "„-2“ ist zu klein – bitte eine ganze Zahl ab 0 eingeben" "$TMP/err" ||
	{ cat "$TMP/err" >&2; fail "set -2: message"; }
dump_has "$S" "strategie.unternehmensdialog	3"

tui "$S" <<'SCRIPT' || fail "dates"
wait "Wie gut kennt die Kommune"
keys <F4>
wait "Handlungsfeld wählen"
keys 1
wait "Hat ein kommunales Gremium"
keys <PgDn>
wait "Wann wurde der Beschluss gefasst?"
keys "31.02.2023" <Enter>
wait "Den 31.02.2023 gibt es nicht – bitte ein gültiges Datum eingeben"
expect "Antwort: 31.02.2023"
expect_not "strategie.beschluss_datum"
keys <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> "1.1.2099" <Enter>
wait "Gespeichert, aber: 01.01.2099 liegt nach dem Audit (12.03.2024)"
keys <PgUp>
wait "Antwort: 01.01.2099"
# F3: an impossible due date stays for correction
keys <F3>
wait "Nachweis zur Frage"
keys <Space> <Space>
wait "‹ nachzureichen ›"
keys <Down> "30.2.2024" <Enter>
wait "Den 30.02.2024 gibt es nicht"
expect "30.2.2024"
keys <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> "1.3.2024" <Enter>
wait "Gespeichert, aber: Frist 01.03.2024 liegt vor dem Audit (12.03.2024)"
expect "01.03.2024"
keys <Esc>
wait "Frage 2/"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "strategie.beschluss_datum	2099-01-01"
dump_has "$S" "strategie.beschluss_datum:evidence_due	2024-03-01"
"$WA_BIN" set "$S" strategie.beschluss_datum 14.3.99 2>"$TMP/err" || fail "set German date"
grep -q "Warnung: 14.03.2099 liegt nach dem Audit (12.03.2024)" "$TMP/err" ||
	{ cat "$TMP/err" >&2; fail "set: no warning for 2099"; }
dump_has "$S" "strategie.beschluss_datum	2099-03-14"
if "$WA_BIN" set "$S" strategie.beschluss_datum 29.2.2023 2>"$TMP/err"; then
	fail "set accepted 29.02.2023"
fi
echo "PASS: tui_rules"

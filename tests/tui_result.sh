#!/bin/sh
# tests/tui_result.sh: the result (F6), the review (F5) and the header. A
# nearly complete Re-Audit is loaded: every question at its best answer but
# one left open, one choice whose option has no recommendation in the form
# (shown as „–“ by the model's rule, as in the workbook, not as the
# question text), a „Ja“ whose evidence is „fehlt“ (marked as standing on
# missing evidence), an overdue evidence (marked on F5 and on the result),
# a note and a reached previous goal. Checked: „1 Frage offen“ (singular),
# Sonderpunkte said apart in the header, the bar draws the minimum marker
# the legend names, questions named by number and text (no internal ids),
# F5 in aligned columns, the result scrolls on its own keys and Bild↓ there
# does not move the interview.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"
PY=${WA_PYTHON3:-/usr/bin/python3}
"$PY" -c 'import yaml' 2>/dev/null || { echo "SKIP: no PyYAML for $PY"; exit 77; }

S=$(new_session "Ergebnisdorf")
"$WA_BIN" dump "$S" >"$TMP/base.txt" || fail "dump"
"$PY" "$WA_SRCDIR/tests/tui_result_answers.py" "$WA_SRCDIR/forms/wohnort-muster.yaml" \
	>"$TMP/answers.txt" || fail "python"
{
	grep -v -e '^form.text' -e '^session.cursor' -e '^meta.art' "$TMP/base.txt"
	cat "$TMP/answers.txt"
	printf 'strategie.ratsbeschluss:evidence\tfehlt\n'
	printf 'strategie.zustaendigkeit:evidence\tnachzureichen\n'
	printf 'strategie.zustaendigkeit:evidence_due\t2024-06-30\n'
	printf 'strategie.ratsbeschluss:note\tLaut Bürgermeisterin folgt der Beschluss\n'
	printf 'meta.art\tre\n'
	printf 'prevgoal.1\terreicht\n'
	printf 'prevgoal.1.ziel\tWillkommenspaket\n'
	grep '^form.text' "$TMP/base.txt"
} >"$TMP/load.txt"
mkdir "$TMP/r" || fail "mkdir"
R=$("$WA_BIN" load "$TMP/load.txt" --dir "$TMP/r") || fail "load"
"$WA_BIN" score "$R" --format tsv >"$TMP/score.tsv" || fail "score"
grep -qx "open	1" "$TMP/score.tsv" || { cat "$TMP/score.tsv" >&2; fail "the fixture is not one open question"; }

tui "$R" <<'SCRIPT' || fail "result, review, header"
wait "Prüfgespräch – Ergebnisdorf"
expect_row 0 "P. + 3 Sonderp."
keys <F6>
wait "Endpunktzahl:"
expect "Sonderpunkte: 3"
expect "(1 Frage offen)"
expect_not "Fragen offen)"
expect_row 1 "|"
expect "Mindestens 40 % je Handlungsfeld (|)"
expect "Nachweis fehlt (Punkte unter Vorbehalt): 1.1 Hat ein kommunales Gremium"
expect "Nachweis überfällig seit 30.06.2024: 1.4 Gibt es in der Verwaltung"
keys <PgDn>
wait "2.3 Gibt es einen Neubürgerempfang?"
expect "     → –"
expect_not "ratsbeschluss"
expect_not "neubuergerempfang"
keys <Esc>
wait "Frage "
keys <F5>
wait "Übersicht"
expect "1 offen · 2 Nachweise · 1 Notiz"
expect "Was                          Nr.   Frage oder Notiz"
expect "offen                        5.7   Gibt es ein Radverkehrskonzept?"
expect "Nachweis fehlt               1.1   Hat ein kommunales Gremium"
expect "überfällig seit 30.06.2024   1.4   Gibt es in der Verwaltung"
expect "Notiz                        1.1   Laut Bürgermeisterin"
keys <Esc>
wait "Frage "
keys <F10>
exit 0
SCRIPT
echo "PASS: tui_result"

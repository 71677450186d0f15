#!/bin/sh
# tests/tui_audit.sh: a complete Erstaudit and a Re-Audit through the TUI,
# as an auditor runs them, under TERM=xterm-256color, vt100, linux and
# screen with LANG=de_DE.UTF-8 (C.UTF-8 when that locale is missing): the
# new-audit screen with a German date and the IHK suggested from the
# Landkreis, every question of the bundled Prüfbogen answered by keys (all
# follow-ups shown), multi-line notes, evidence with a German due date, the
# Entwicklungsziele; then the Re-Audit linked to it, every answer different,
# the previous goals judged. Afterwards `dump` must hold exactly the
# answers chosen: the answer, note and evidence records are compared whole
# with the intended ones, the master data and goals line by line.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"
PY=${WA_PYTHON3:-/usr/bin/python3}
"$PY" -c 'import yaml' 2>/dev/null || { echo "SKIP: no PyYAML for $PY"; exit 77; }
LOCALE=de_DE.UTF-8
locale -a 2>/dev/null | grep -qix 'de_DE.utf8' || LOCALE=C.UTF-8

# gen ROUND: the pty script (stdout) and the expected records ($TMP/want.ROUND)
gen() {
	"$PY" "$WA_SRCDIR/tests/tui_audit_script.py" "$WA_SRCDIR/forms/wohnort-muster.yaml" \
		"$1" "$TMP/want.$1"
}

# records ROUND SESSION: the answer, note and evidence records of the dump
records() {
	"$WA_BIN" dump "$2" | grep -E '^(strategie|zuzug|familie|international|lebensqualitaet)\.' |
		grep -v '^session' | LC_ALL=C sort >"$TMP/got.$1"
	LC_ALL=C sort -o "$TMP/want.$1" "$TMP/want.$1"
	cmp -s "$TMP/got.$1" "$TMP/want.$1" || {
		diff "$TMP/want.$1" "$TMP/got.$1" >&2
		fail "$TUI_TERM round $1: the answers in the dump are not the ones chosen"
	}
}

for TUI_TERM in xterm-256color vt100 linux screen; do
	D="$TMP/$TUI_TERM"
	mkdir "$D" || fail "mkdir"
	gen 1 >"$TMP/answers.1" || fail "gen 1"
	gen 2 >"$TMP/answers.2" || fail "gen 2"
	{
		cat <<'SCRIPT'
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
keys "Oberursel (Taunus)" <Enter> <Down> "Hochtaunuskreis" <Enter>
wait "IHK aus dem Landkreis vorgeschlagen: IHK Frankfurt am Main"
keys <Down> "mit" <Down> <Down> "Dr. Ada Prüfer" <Enter> <Down> "12.3.24" <Enter>
wait "12.03.2024"
keys <Down> <Down> "Beate Groß" <Enter> <Down> "Bürgermeisterin" <Enter> <Down> "Kai Ünal" <Enter>
wait "Name 3"
keys <C-s>
wait "Prüfgespräch – Oberursel (Taunus)"
SCRIPT
		cat "$TMP/answers.1"
		cat <<'SCRIPT'
keys <F7>
wait "Entwicklungsziel 1"
keys "Willkommenspaket mehrsprachig" <C-s>
wait "Gespeichert "
keys <Down> "Übersetzen" <Enter> "Verteilen über Arbeitgeber" <C-s>
wait "Gespeichert "
keys <Down> <Down> "31.12.2028" <Enter>
wait "Gespeichert "
keys <Down> <Down> <Down> "Kita bis 18 Uhr" <C-s>
wait "Gespeichert "
keys <Esc>
wait "Prüfgespräch – Oberursel (Taunus)"
keys <F10>
exit 0
sane
SCRIPT
	} | "$PTYRUN" -s 80x24 -t 200 -w 15000 -T "$TUI_TERM" -e "LANG=$LOCALE" -e "LC_ALL=$LOCALE" \
		-f - -- "$WA_BIN" --dir "$D" >"$TMP/out" 2>&1 || { cat "$TMP/out" >&2; fail "$TUI_TERM: the Erstaudit"; }
	E=$(ls "$D"/*.cdb) || fail "$TUI_TERM: no Erstaudit"
	records 1 "$E"
	dump_has "$E" "meta.kommune	Oberursel (Taunus)"
	dump_has "$E" "meta.landkreis	Hochtaunuskreis"
	dump_has "$E" "meta.ihk	IHK Frankfurt am Main"
	dump_has "$E" "meta.zentralitaet	Mittelzentrum"
	dump_has "$E" "meta.auditor	Dr. Ada Prüfer"
	dump_has "$E" "meta.datum	2024-03-12"
	dump_has "$E" "meta.art	erst"
	dump_has "$E" "participant.1.name	Beate Groß"
	dump_has "$E" "participant.1.funktion	Bürgermeisterin"
	dump_has "$E" "participant.2.name	Kai Ünal"
	dump_lacks "$E" "participant.3.name"
	dump_has "$E" "goal.1.ziel	Willkommenspaket mehrsprachig"
	dump_has "$E" 'goal.1.massnahmen	Übersetzen\nVerteilen über Arbeitgeber'
	dump_has "$E" "goal.1.frist	31.12.2028"
	dump_has "$E" "goal.2.ziel	Kita bis 18 Uhr"
	dump_lacks "$E" "goal.3.ziel"

	{
		cat <<'SCRIPT'
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
keys "Oberursel (Taunus)" <Enter> <Down> <Down> <Down> <Down> <Down> "23.11.26" <Enter>
wait "23.11.2026"
keys <Down> <Space>
wait "‹ Re-Audit ›"
keys <Down> <Space>
wait "‹ Oberursel (Taunus), 12.03.2024 ›"
keys <C-s>
wait "Prüfgespräch – Oberursel (Taunus)"
SCRIPT
		cat "$TMP/answers.2"
		cat <<'SCRIPT'
keys <F7>
wait "Ziele aus dem letzten Audit"
expect "Willkommenspaket mehrsprachig"
expect "Kita bis 18 Uhr"
keys <Space>
wait "‹ erreicht (+3 Sonderpunkte) ›"
keys <Down> <Space> <Space>
wait "‹ teilweise (+1 Sonderpunkt) ›"
wait "Sonderpunkte: 4"
keys <Esc>
wait "Prüfgespräch – Oberursel (Taunus)"
keys <F10>
exit 0
sane
SCRIPT
	} | "$PTYRUN" -s 80x24 -t 200 -w 15000 -T "$TUI_TERM" -e "LANG=$LOCALE" -e "LC_ALL=$LOCALE" \
		-f - -- "$WA_BIN" --dir "$D" >"$TMP/out" 2>&1 || { cat "$TMP/out" >&2; fail "$TUI_TERM: the Re-Audit"; }
	R=$(ls "$D"/*.cdb | grep -v 2024-03-12) || fail "$TUI_TERM: no Re-Audit"
	records 2 "$R"
	dump_has "$R" "meta.art	re"
	dump_has "$R" "meta.datum	2026-11-23"
	dump_has "$R" "meta.vorher	$(cd "$D" && pwd)/$(basename "$E")"
	dump_has "$R" "meta.landkreis	Hochtaunuskreis"
	dump_has "$R" "meta.ihk	IHK Frankfurt am Main"
	dump_has "$R" "prevgoal.1.ziel	Willkommenspaket mehrsprachig"
	dump_has "$R" 'prevgoal.1.massnahmen	Übersetzen\nVerteilen über Arbeitgeber'
	dump_has "$R" "prevgoal.1	erreicht"
	dump_has "$R" "prevgoal.2	teilweise"
	dump_lacks "$R" "prevgoal.3"
	"$WA_BIN" score "$R" --format tsv | grep -qx "bonus	4" || fail "$TUI_TERM: bonus is not 4"
	records 1 "$E" # the Erstaudit is untouched by its re-audit
done
echo "PASS: tui_audit"

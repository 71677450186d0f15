#!/bin/sh
# tests/tui_talk.sh: the talk and the verdict through the pty at 80x24.
# 1. Discreet: the example session (every question answered, a Re-Audit
#    with Sonderpunkte) is in the Gespräch; every question, F3, F4, F5,
#    F6 (scrolled to its end), F7, F8 and Strg-R are captured, and no
#    point figure of the session (`score`: each Handlungsfeld's points of
#    its maximum, the totals, the percentages, the Sonderpunkte, the
#    recommendations' gains, the verdict, "gültig bis", any "P." or "%")
#    appears anywhere on them. F6 says why and how to show them. After
#    Strg-P every one of those figures is on the screens; Strg-P again
#    hides them.
# 2. Undo: an answer changed twice, Strg-Z takes it back step by step, on
#    the screen and in the file (checked with `dump` while the program
#    runs), then the question is open again.
# 3. The three phases as an auditor goes through them: typed answers,
#    Strg-R shows exactly what was typed, Strg-W moves to the Auswertung
#    (phase in the header, points shown) and to Abgeschlossen; then a
#    change asks for its reason (Esc drops the change, Enter makes it with
#    the reason), Strg-Z asks too, and the history and the file hold the
#    reasons.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

# --- 1. no point figure on any screen in the Gespräch
mkdir "$TMP/ex" && chmod 700 "$TMP/ex"
E=$("$WA_BIN" load "$WA_SRCDIR/data/beispiel-sitzung.txt" --dir "$TMP/ex") || fail "load example"
[ "$("$WA_BIN" phase "$E" | cut -f1)" = gespraech ] || fail "the example is not in the Gespräch"
"$WA_BIN" score "$E" --format tsv >"$TMP/score.tsv" || fail "score"
# the figures, one a line: points/max and percent of each Handlungsfeld, the
# totals, the Handlungsfelder's sum, the total percent, "gültig bis"
awk -F'\t' '
	$1 == "section" { print $3 "/" $4; p = $5; sub(/\./, ",", p); print p }
	$1 == "bonus" { bonus = $2 }
	$1 == "total" { print $2; print $3; print $2 - bonus; p = $4; sub(/\./, ",", p); print p }
	$1 == "valid_until" && $2 != "-" { split($2, d, "-"); print d[3] "." d[2] "." d[1] }
' "$TMP/score.tsv" >"$TMP/figures"
[ "$(wc -l <"$TMP/figures")" -ge 14 ] || fail "too few figures: $(cat "$TMP/figures")"
grep -q "^bonus	[1-9]" "$TMP/score.tsv" || fail "the example earns no Sonderpunkte"
# the question numbers in form order (every one is shown in the example)
"$WA_BIN" questions | awk -F'\t' '$2 != sec { s++; q = 0; sec = $2 } { q++; print s "." q }' \
	>"$TMP/numbers"

# visit SHOWN: the script that captures every screen (SHOWN: after Strg-P)
visit() {
	echo 'wait "Frage "'
	[ "$1" = shown ] && { echo 'keys <C-p>'; echo 'wait "Punkte sichtbar"'; }
	echo 'keys <F4>'
	echo 'wait "Handlungsfeld wählen"'
	echo 'screen'
	echo 'keys 1'
	echo 'wait "Nr. 1.1 "'
	echo 'screen'
	sed 1d "$TMP/numbers" | while read -r nr; do
		echo 'keys <PgDn>'
		echo "wait \"Nr. $nr \""
		echo 'screen'
	done
	for k in F3:Nachweis F5:Übersicht F8:Stammdaten; do
		echo "keys <${k%%:*}>"
		echo "wait \"${k#*:}\""
		echo 'screen'
		echo 'keys <End>'
		echo 'sleep 100'
		echo 'screen'
		echo 'keys <Esc>'
		echo 'wait "Frage "'
	done
	echo 'keys <F6>'
	echo 'wait "▼ mehr"'
	echo 'screen'
	for i in 1 2 3 4 5 6; do
		echo 'keys <PgDn>'
		echo 'sleep 80'
		echo 'screen'
	done
	echo 'keys <End>'
	echo 'wait "▲ mehr"'
	echo 'screen'
	echo 'keys <Esc>'
	echo 'wait "Frage "'
	echo 'keys <F7>'
	echo 'wait "Ziele aus dem letzten Audit"'
	echo 'screen'
	for i in 1 2 3 4 5 6 7 8; do
		echo 'keys <Down> <Down> <Down>'
		echo 'sleep 60'
		echo 'screen'
	done
	echo 'keys <Esc>'
	echo 'wait "Frage "'
	echo 'keys <C-r>'
	echo 'wait "Änderungen der Frage"'
	echo 'screen'
	echo 'keys <Esc>'
	echo 'wait "Frage "'
	echo 'keys <F10>'
	echo 'exit 0'
}
visit hidden >"$TMP/hidden.script"
tui "$E" <"$TMP/hidden.script" >"$TMP/hidden.txt" || { cat "$TMP/hidden.txt" >&2; fail "the hidden tour"; }
[ "$(grep -c '^--- screen' "$TMP/hidden.txt")" -ge 70 ] || fail "too few screens captured"
grep -q "Gespräch · 46/46 beantwortet" "$TMP/hidden.txt" || fail "no phase in the header"
grep -q "Empfehlungen mit ihrem Gewinn sind im Gespräch" "$TMP/hidden.txt" || fail "F6 does not say why points are hidden"
grep -q "Strg-P zeigt sie nur für Sie" "$TMP/hidden.txt" || fail "F6 does not say how to show them"
# every figure of the session, and every shape a figure is drawn in
while read -r fig; do
	grep -nF -- "$fig" "$TMP/hidden.txt" && fail "the figure $fig is on a screen in the Gespräch"
done <"$TMP/figures"
grep -nE '[0-9] P\.|%|Sonderp\.|Sonderpunkte?[:)]|\+[0-9]+  |Endpunktzahl|bestanden|Vorbehalt|[Gg]ültig bis' \
	"$TMP/hidden.txt" && fail "points, a verdict or a gain on a screen in the Gespräch"

# after Strg-P: every figure is there
visit shown >"$TMP/shown.script"
tui "$E" <"$TMP/shown.script" >"$TMP/shown.txt" || { cat "$TMP/shown.txt" >&2; fail "the shown tour"; }
while read -r fig; do
	grep -qF -- "$fig" "$TMP/shown.txt" || fail "the figure $fig is not shown after Strg-P"
done <"$TMP/figures"
grep -q "P. + 4 Sonderp." "$TMP/shown.txt" || fail "no Sonderpunkte in the header after Strg-P"
grep -q "+4  " "$TMP/shown.txt" || fail "no recommendation's gain after Strg-P"

# Strg-P again: hidden again
tui "$E" <<'SCRIPT' || fail "Strg-P twice"
wait "Frage "
expect_not " P."
keys <C-p>
wait "Punkte sichtbar – Strg-P verbirgt sie wieder"
expect_row 0 " P."
keys <C-p>
wait "Punkte verborgen – Strg-P zeigt sie"
expect_not " P."
keys <F6>
wait "Empfehlungen mit ihrem Gewinn sind im Gespräch"
expect_not "Endpunktzahl"
keys <F10>
exit 0
SCRIPT

# --- 2. undo on the screen and in the file
S=$(new_session "Rückgängighausen")
cat >"$TMP/has.sh" <<EOF
#!/bin/sh
# has.sh LINE: the session's dump holds this line now; -: no answer to 1.1
"$WA_BIN" dump "$S" >"$TMP/now.txt" || exit 1
if [ "\$1" = - ]; then
	! grep -q "^strategie.ratsbeschluss	" "$TMP/now.txt"
else
	grep -qxF "\$1" "$TMP/now.txt"
fi
EOF
chmod +x "$TMP/has.sh"
tui "$S" <<SCRIPT || fail "undo"
wait "Frage 1/"
keys j
wait "(•) 1 Ja"
shell "$TMP/has.sh 'strategie.ratsbeschluss	ja'"
keys n
wait "(•) 2 Nein"
shell "$TMP/has.sh 'strategie.ratsbeschluss	nein'"
keys <C-z>
wait "Rückgängig gemacht und gespeichert – Frage 1.1: „nein“ → „ja“"
expect "(•) 1 Ja"
expect "( ) 2 Nein"
shell "$TMP/has.sh 'strategie.ratsbeschluss	ja'"
keys <C-z>
wait "Frage 1.1: „ja“ → –"
expect "( ) 1 Ja"
expect "( ) 2 Nein"
shell "$TMP/has.sh -"
keys <C-r>
wait "Änderungen der Frage 1.1"
expect "(Änderung 5, macht Änderung 2 rückgängig)"
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
SCRIPT
"$WA_BIN" history "$S" strategie.ratsbeschluss --format tsv | cut -f4,5,7,8 >"$TMP/undo.tsv"
printf '2\t0\t\tja\n3\t0\tja\tnein\n4\t3\tnein\tja\n5\t2\tja\t\n' | cmp -s - "$TMP/undo.tsv" ||
	{ cat "$TMP/undo.tsv" >&2; fail "undo: the history is not the chain of changes and undos"; }

# --- 3. the three phases; the history shows what was typed; the reasons
TYPED='Frau Jäger – „Fachkräfte“ & Co. (1/2)'
tui "$S" <<SCRIPT || fail "the three phases"
wait "Frage 1/"
expect_row 0 "Gespräch · 0/"
keys <F9>
wait "Frage suchen"
keys "5.10" <Enter>
wait "Nr. 5.10 "
keys "$TYPED" <Enter>
wait "Gespeichert"
keys <F9>
wait "Frage suchen"
keys "1.7" <Enter>
wait "Nr. 1.7 "
keys "12" <Enter>
wait "Gespeichert"
keys <F9>
wait "Frage suchen"
keys "5.10" <Enter>
wait "Nr. 5.10 "
keys <C-r>
wait "Änderungen der Frage 5.10"
expect "Frage 5.10: – → „$TYPED“"
keys <Esc>
wait "Nr. 5.10 "
keys <C-w>
wait "Phase „Gespräch“ beenden, weiter mit „Auswertung“?"
keys j
wait "Phase: Auswertung – gespeichert"
expect_row 0 "Auswertung · 2/"
expect_row 0 " P."
keys <C-w>
wait "weiter mit „Abgeschlossen“?"
keys j
wait "Phase: Abgeschlossen – gespeichert"
expect_row 0 "Abgeschlossen · 2/"
# a change now asks for its reason; Esc drops it
keys "Neu" <Enter>
wait "Grund der Änderung"
keys <Esc>
wait "Nicht geändert: ohne Grund keine Änderung nach dem Abschluss"
# what was typed stays for another try; Esc drops it
keys <Esc>
wait "Eingabe verworfen"
expect "Antwort: $TYPED"
keys "Neu" <Enter>
wait "Grund der Änderung"
keys "Stadt hat nachgereicht" <Enter>
wait "Gespeichert"
expect "Antwort: Neu"
keys <C-r>
wait "Änderungen der Frage 5.10"
expect "Grund: Stadt hat nachgereicht"
expect "Frage 5.10: „$TYPED“ → „Neu“"
keys <Esc>
wait "Nr. 5.10 "
# an undo needs a reason too
keys <C-z>
wait "Grund der Änderung"
keys "Versehen" <Enter>
wait "Rückgängig gemacht und gespeichert"
expect "Antwort: $TYPED"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "lebensqualitaet.besonderheiten	$TYPED"
dump_has "$S" "strategie.unternehmensdialog	12"
dump_has "$S" "session.phase	abgeschlossen"
"$WA_BIN" history "$S" lebensqualitaet.besonderheiten --format tsv >"$TMP/h510.tsv"
n2=$(sed -n 2p "$TMP/h510.tsv" | cut -f4)
cut -f2,5,8,9 "$TMP/h510.tsv" >"$TMP/reasons.tsv"
printf 'gespraech\t0\t%s\t\nabgeschlossen\t0\tNeu\tStadt hat nachgereicht\nabgeschlossen\t%s\t%s\tVersehen\n' \
	"$TYPED" "$n2" "$TYPED" | cmp -s - "$TMP/reasons.tsv" ||
	{ cat "$TMP/reasons.tsv" >&2; fail "the history of 5.10 lacks what was typed or the reasons"; }
# --- 4. the result screen is vorläufig until Abgeschlossen, as the workbook
"$WA_BIN" phase "$E" auswertung >/dev/null || fail "phase auswertung"
tui "$E" <<'SCRIPT' || fail "F6 in the Auswertung"
wait "Auswertung"
keys <F6>
wait "Ergebnis: vorläufig bestanden (das Audit ist noch nicht abgeschlossen"
keys <F10>
exit 0
SCRIPT
"$WA_BIN" phase "$E" abgeschlossen >/dev/null || fail "phase abgeschlossen"
tui "$E" <<'SCRIPT' || fail "F6 after Abgeschlossen"
wait "Abgeschlossen"
keys <F6>
wait "Ergebnis: bestanden"
expect_not "vorläufig"
keys <F10>
exit 0
SCRIPT
echo "PASS: tui_talk"

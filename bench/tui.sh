#!/bin/sh
# bench/tui.sh: the TUI benchmark (run by `make bench`). Drives a complete
# scripted Prüfgespräch through the pty at 80x24: every question of the
# bundled Prüfbogen is answered by keys (show_if parents with „Ja“ so every
# follow-up appears). For every key whose effect is visible — typed
# characters, selections that save, Enter that saves and moves on — it measures
# the time from writing the key to the last byte of the updated screen
# (including the save behind „Gespeichert HH:MM:SS“), then reports median and
# 99th percentile over all of them and per kind of key (typed character,
# multi toggle, saved selection, Enter = save and next question), and the
# TUI's peak resident memory (VmHWM).
# Targets: p99 < 16 ms, VmHWM < 10 MB; exits 1 when one is missed.
# It only reads the form through `wohnort-audit questions`.
set -u
: "${WA_BIN:?WA_BIN must name the built binary}"
: "${WA_BUILDDIR:?WA_BUILDDIR must name the build directory}"
PTYRUN=$WA_BUILDDIR/tests/ptyrun
P99_TARGET_MS=${P99_TARGET_MS:-16}
HWM_TARGET_KB=${HWM_TARGET_KB:-10240}
[ -x "$PTYRUN" ] || { echo "bench/tui.sh: $PTYRUN is not built" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wa-bench-tui.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP"

"$WA_BIN" questions >"$TMP/questions.tsv" || { echo "bench/tui.sh: questions failed" >&2; exit 1; }
S=$("$WA_BIN" new --dir "$TMP" --kommune "Benchhausen" --datum 2024-05-06) || exit 1

# The script: one block per question, in form order.
LC_ALL=C awk -F '\t' '
function q(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
# the first words of a text, at most 24 characters (one screen row)
function prefix(s,   out, n, i, w) {
	n = split(s, w, " "); out = w[1]
	for (i = 2; i <= n && length(out " " w[i]) <= 24; i++) out = out " " w[i]
	return out
}
# typed answer: one measured key per character (UTF-8: a lead byte and its
# continuation bytes; awk runs with LC_ALL=C so it counts bytes everywhere)
function type_text(t,   i, sofar, c, shown) {
	sofar = ""
	for (i = 1; i <= length(t); i++) {
		c = substr(t, i, 1)
		while (i < length(t) && substr(t, i + 1, 1) ~ /^[\200-\277]$/)
			c = c substr(t, ++i, 1)
		sofar = sofar c; shown = sofar
		sub(/ +$/, "", shown)
		print "mark type"; print "keys " q(c); print "lap " q("Antwort: " shown)
	}
}
{ id[NR] = $1; sec[NR] = $2; type[NR] = $3; cond[NR] = $5; text[NR] = $6
  if ($5 != "-") parent[$5] = 1
  pos[NR] = ++count[$2] }
END {
	print "wait " q("Frage 1/")
	print "wait " q(prefix(text[1]))
	for (i = 1; i <= NR; i++) {
		t = type[i]
		if (t == "yesno") {
			k = (id[i] in parent) || i % 2 ? "j" : "n"
			print "mark select"; print "keys " k
			print "lap " q(k == "j" ? "(•) 1" : "(•) 2")
		} else if (t == "choice") {
			print "mark select"; print "keys 2"; print "lap " q("(•) 2")
		} else if (t == "multi") {
			print "mark toggle"; print "keys 1"; print "lap " q("[x] 1")
			print "mark toggle"; print "keys 3"; print "lap " q("[x] 3")
		} else if (t == "number") {
			type_text("12")
		} else if (t == "scale") {
			type_text("2")
		} else if (t == "date") {
			type_text("2023-06-30")
		} else {
			type_text(i % 2 ? "Frau Jäger, Bürgerbüro „Neu hier“" : "Mühlenfest und Kulturnächte")
		}
		print "mark next"; print "keys <Enter>"
		if (i < NR)
			print "lap " q("Frage " pos[i + 1] "/") " " q(prefix(text[i + 1]))
		else
			print "lap " q("alle Fragen beantwortet")
	}
	print "rss"
	print "stats"
	print "keys <F10>"
	print "exit 0"
}' "$TMP/questions.tsv" >"$TMP/interview.pty"

"$PTYRUN" -s 80x24 -t 300 -w 10000 -f "$TMP/interview.pty" -- "$WA_BIN" "$S" >"$TMP/out.txt" 2>"$TMP/err.txt" || {
	cat "$TMP/out.txt" "$TMP/err.txt" >&2
	echo "bench/tui.sh: the scripted interview failed" >&2
	exit 1
}

questions=$(wc -l <"$TMP/questions.tsv")
answered=$("$WA_BIN" dump "$S" | cut -f1 | grep -cxF -f "$(cut -f1 "$TMP/questions.tsv" >"$TMP/ids"; echo "$TMP/ids")")
set -- $(grep '^latency n ' "$TMP/out.txt")
n=$3 median=$5 p99=$7 max=$9
set -- $(grep '^rss_kb ' "$TMP/out.txt")
rss=$2 hwm=$4
echo "tui: $questions questions, $answered answered through the pty, $n key presses measured"
echo "tui: key press to updated screen (incl. save): median $median ms, p99 $p99 ms, max $max ms (target p99 < $P99_TARGET_MS ms)"
grep '^latency group ' "$TMP/out.txt" | while read -r _ _ g _ gn _ gmed _ gp99 _ gmax; do
	case $g in
	type) what="typed character (echo in the field)" ;;
	toggle) what="multi toggle (no save)" ;;
	select) what="selection (saved)" ;;
	next) what="Enter: save and next question" ;;
	*) what=$g ;;
	esac
	echo "tui:   $what: n $gn, median $gmed ms, p99 $gp99 ms, max $gmax ms"
done
echo "tui: resident memory: VmRSS $rss kB, VmHWM $hwm kB (target < $HWM_TARGET_KB kB)"
status=0
[ "$answered" -eq "$questions" ] || { echo "tui: FAIL: only $answered of $questions questions answered"; status=1; }
awk -v p="$p99" -v t="$P99_TARGET_MS" 'BEGIN { exit !(p < t) }' || { echo "tui: FAIL: p99 $p99 ms >= $P99_TARGET_MS ms"; status=1; }
[ "$hwm" -lt "$HWM_TARGET_KB" ] || { echo "tui: FAIL: VmHWM $hwm kB >= $HWM_TARGET_KB kB"; status=1; }
[ $status -eq 0 ] && echo "tui: targets met"
exit $status

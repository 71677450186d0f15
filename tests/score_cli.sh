#!/bin/sh
# tests/score_cli.sh: black-box test of `wohnort-audit score` on a session
# built with new/set on the bundled form: all three formats (tsv line
# structure and sums, JSON parsed and compared with tsv, German text), the
# verdict moving with the answers, read-only use while another process holds
# the write lock, locale-independent numbers, and the exit codes for usage
# errors and unreadable sessions.
set -u
. "$WA_SRCDIR/tests/score_lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wa-score-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fails=0
check() { # check DESCRIPTION COMMAND...: count a failure when COMMAND fails
	desc=$1
	shift
	if "$@"; then echo "ok - $desc"; else echo "FAIL - $desc"; fails=$((fails + 1)); fi
}

s=$("$WA_BIN" new --kommune "Bad Soden" --datum 2024-02-29 --dir "$tmp") || {
	echo "FAIL - new"
	exit 1
}

# an empty session: everything open, nothing passed
"$WA_BIN" score "$s" --format tsv >"$tmp/t0" && "$WA_BIN" score "$s" --format json >"$tmp/j0"
check "empty session: tsv and json consistent" score_check "$tmp/t0" "$tmp/j0"
check "empty session: provisional" grep -qx 'provisional	yes' "$tmp/t0"
check "empty session: not passed" grep -qx 'passed	no' "$tmp/t0"
check "json parses" sh -c "'$WA_PYTHON3' -m json.tool '$tmp/j0' >/dev/null"

# answer every yesno question ja and every scale at its top: the total grows
"$WA_BIN" questions >"$tmp/q" || exit 99
while IFS='	' read -r id section type max rest; do
	case $type in
	yesno) "$WA_BIN" set "$s" "$id" ja >/dev/null || echo "set $id failed" ;;
	scale) "$WA_BIN" set "$s" "$id" "$max" >/dev/null || echo "set $id failed" ;;
	esac
done <"$tmp/q"
"$WA_BIN" set "$s" strategie.ratsbeschluss:recommendation 'Eigener	Rat "mit" Zeile
zwei' >/dev/null
"$WA_BIN" set "$s" strategie.ratsbeschluss nein >/dev/null
"$WA_BIN" score "$s" --format tsv >"$tmp/t1" && "$WA_BIN" score "$s" --format=json >"$tmp/j1"
check "answered session: tsv and json consistent" score_check "$tmp/t1" "$tmp/j1"
t0=$(awk -F'\t' '$1 == "total" { print $2 }' "$tmp/t0")
t1=$(awk -F'\t' '$1 == "total" { print $2 }' "$tmp/t1")
yes_points=$(awk -F'\t' '$3 == "yesno" || $3 == "scale" { s += $4 } END { print s }' "$tmp/q")
check "answers raise the total ($t0 -> $t1)" test "$t1" -gt "$t0"
check "total is bounded by the yesno and scale maxima ($t1 <= $yes_points)" test "$t1" -le "$yes_points"
check "open count falls" test "$(awk -F'\t' '$1 == "open" { print $2 }' "$tmp/t1")" -lt \
	"$(awk -F'\t' '$1 == "open" { print $2 }' "$tmp/t0")"
check "own recommendation escaped in json" grep -q '"own":"Eigener\\tRat \\"mit\\" Zeile\\nzwei"' "$tmp/j1"
check "a question at its maximum is not recommended" sh -c \
	"! grep -q '	strategie.zustaendigkeit	' '$tmp/t1'"
check "ratsbeschluss answered nein is recommended with gain 4" \
	grep -q '^rec	[0-9]*	strategie.ratsbeschluss	4	' "$tmp/t1"

# text: German summary with bars, the minimum marked, the result
"$WA_BIN" score "$s" >"$tmp/x1"
check "text names the Kommune" grep -q 'Bad Soden' "$tmp/x1"
check "text has bars with the minimum mark" grep -q '┃' "$tmp/x1"
check "text states the result" grep -Eq '^Ergebnis: (vorläufig )?(nicht )?bestanden' "$tmp/x1"
check "text says the points to the seal" grep -q '^Punkte bis zum Siegel: [0-9]' "$tmp/x1"
check "text lists at most 10 recommendations" test \
	"$(grep -Ec '^ *[0-9]+\. [a-z]' "$tmp/x1")" -le 10
check "text is the same as --format text" sh -c \
	"'$WA_BIN' score '$s' --format text | cmp -s - '$tmp/x1'"

# numbers do not follow a German locale (decimal comma) in tsv or json
for loc in de_DE.UTF-8 de_DE.utf8; do
	if locale -a 2>/dev/null | grep -qix "$(echo $loc | sed 's/UTF-8/utf8/')"; then
		LC_ALL=$loc "$WA_BIN" score "$s" --format tsv >"$tmp/tl"
		check "tsv identical under $loc" cmp -s "$tmp/t1" "$tmp/tl"
		break
	fi
done
check "tsv percents use a dot" sh -c "! grep -E '^(section|total)	.*,' '$tmp/t1'"

# read-only: score works while another process holds the write lock
if command -v flock >/dev/null 2>&1; then
	check "score works while the session is locked" sh -c \
		"flock -n '$s.lock' '$WA_BIN' score '$s' --format tsv >'$tmp/tlock'"
	check "locked result is the same" cmp -s "$tmp/t1" "$tmp/tlock"
	flock -n "$s.lock" "$WA_BIN" set "$s" strategie.budget nein 2>/dev/null
	check "set is refused with exit 3 meanwhile (the lock is real)" test $? -eq 3
fi

# exit codes
"$WA_BIN" score 2>/dev/null
check "no session: exit 1" test $? -eq 1
"$WA_BIN" score "$s" --format xml 2>/dev/null
check "unknown format: exit 1" test $? -eq 1
"$WA_BIN" score "$s" --format 2>/dev/null
check "--format without value: exit 1" test $? -eq 1
"$WA_BIN" score "$s" --frobnicate 2>/dev/null
check "unknown option: exit 1" test $? -eq 1
"$WA_BIN" score "$tmp/nonexistent.cdb" 2>/dev/null
check "missing session file: exit 2" test $? -eq 2
printf 'garbage' >"$tmp/bad.cdb"
"$WA_BIN" score "$tmp/bad.cdb" 2>/dev/null
check "damaged session file: exit 2" test $? -eq 2
if [ -w /dev/full ]; then
	"$WA_BIN" score "$s" >/dev/full 2>/dev/null
	check "write error on stdout: exit 2" test $? -eq 2
fi

[ "$fails" -eq 0 ] || { echo "$fails checks failed"; exit 1; }

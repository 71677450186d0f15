#!/bin/sh
# tests/score_example.sh: `wohnort-audit score` on the example session
# data/beispiel-sitzung.txt (a dump, loaded with `load`): the text summary,
# the exact tsv line structure with sums and pass/fail recomputed, and the
# JSON parsed and compared with the tsv. A missing example file is a failure.
set -u
. "$WA_SRCDIR/tests/score_lib.sh"

example="$WA_SRCDIR/data/beispiel-sitzung.txt"
if [ ! -f "$example" ]; then
	echo "FAIL - $example is missing"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wa-score-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

s=$("$WA_BIN" load "$example" --dir "$tmp") || { echo "FAIL - load $example"; exit 1; }
[ -f "$s" ] || { echo "FAIL - load printed '$s', not a file"; exit 1; }
"$WA_BIN" score "$s" --format text >"$tmp/text" || { echo "FAIL - text"; exit 1; }
"$WA_BIN" score "$s" --format tsv >"$tmp/tsv" || { echo "FAIL - tsv"; exit 1; }
"$WA_BIN" score "$s" --format json >"$tmp/json" || { echo "FAIL - json"; exit 1; }
cat "$tmp/text"
"$WA_PYTHON3" -m json.tool "$tmp/json" >/dev/null || { echo "FAIL - json does not parse"; exit 1; }
score_check "$tmp/tsv" "$tmp/json" || exit 1
grep -Eq '^Ergebnis: (vorläufig )?(nicht )?bestanden' "$tmp/text" || { echo "FAIL - text result"; exit 1; }
grep -q '┃' "$tmp/text" || { echo "FAIL - text bars"; exit 1; }
echo "ok - example session scored in text, tsv and json"

#!/bin/sh
# tests/reliability_valgrind.sh: covers memory errors and leaks in the normal
# (unsanitized) build with valgrind memcheck: score (text, tsv, json),
# export and dump of the example session data/beispiel-sitzung.txt (loaded
# into a fresh directory), plus set, list, load, questions, check-form and
# the refusal paths of dump and set on a damaged session. Any invalid access,
# use of uninitialised memory or definite/indirect/possible leak fails
# (--error-exitcode). Skips (77) when valgrind is missing or the binary is
# built with sanitizers (they cannot run together).
. "$WA_SRCDIR/tests/reliability_lib.sh"

command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: skipped"; exit 77; }
if grep -q -a __asan_init "$WA_BIN" 2>/dev/null; then
	echo "sanitizer build: valgrind cannot run it, skipped (ASan/LSan cover it there)"
	exit 77
fi
example=$WA_SRCDIR/data/beispiel-sitzung.txt
[ -f "$example" ] || { fail "missing $example"; finish; }

dir=$work/sessions
run 120 "$WA_BIN" load "$example" --dir "$dir"
expect_refusal "load of the example session" 0 || finish
s=$(tail -1 "$work/out")
[ -f "$s" ] || { fail "load printed '$s', not a file"; finish; }
cp "$s" "$work/copy.cdb"
"$PY" "$WA_SRCDIR/tests/corpus/wa_cdb.py" rewrite "$s" "$work/damaged.cdb" \
	"set:meta.kommune=Anderswo" keep-checksum

# vg WANT ARGS...: run the binary under memcheck; WANT is its expected exit.
vg() {
	want=$1
	shift
	run 600 valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect,possible --track-origins=yes \
		"$WA_BIN" "$@"
	if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*== ' "$work/err"; then
		fail "valgrind finds errors in: $*"
		grep '^==[0-9]*==' "$work/err" | head -30 >&2
	elif [ "$rc" -ne "$want" ]; then
		fail "$*: exit $rc under valgrind, expected $want"
		head -5 "$work/err" >&2
	else
		ok
	fi
}

vg 0 score "$s"
vg 0 score "$s" --format tsv
vg 0 score "$s" --format json
vg 0 export "$s" -o "$work/ergebnis.xlsx"
vg 0 dump "$s"
vg 0 set "$work/copy.cdb" meta.auditor "Valgrind Prüferin"
vg 0 list --dir "$dir"
vg 0 questions
vg 0 check-form "$WA_SRCDIR/tests/corpus/form-valid.yaml"
vg 2 check-form "$WA_SRCDIR/tests/corpus/form/19-show-if-cycle.yaml"
vg 0 load "$example" --dir "$work/again"
vg 2 dump "$work/damaged.cdb"
vg 2 set "$work/damaged.cdb" meta.auditor X
finish

#!/bin/sh
# tests/reliability_corpus.sh: covers the broken-form corpus. Every file in
# tests/corpus/form/ (syntax errors, wrong types, unknown and missing keys,
# show_if cycles and forward references, invalid UTF-8, BOMs, CRLF, tabs,
# alias bombs, deep nesting, integer overflow …) plus inputs made at test time
# (10 MB values, an empty file, a directory, a symlink loop, a missing file, a
# FIFO, /dev/null) goes through `check-form` and `new --form`. Each must exit 2
# with a message naming the file (FILE:LINE:COLUMN: for content errors, the
# exact line where the file's "# expect-line:" header gives one), never crash,
# hang or trip a sanitizer, and `new` must create no session. The valid base
# tests/corpus/form-valid.yaml must pass, so each variant fails for its own fault.
. "$WA_SRCDIR/tests/reliability_lib.sh"

corpus=$WA_SRCDIR/tests/corpus

# check_form_refused FILE [EXPECT]: check-form and new --form both refuse FILE.
# EXPECT: a line number, "any" (some FILE:LINE:COLUMN), or "name" (just the name).
check_form_refused() {
	f=$1
	expect=$2
	limit=60
	[ -p "$f" ] && limit=10 # a FIFO without writer: expect a refusal, not a wait
	run $limit "$WA_BIN" check-form "$f"
	if expect_refusal "check-form $f" 2; then
		case $expect in
		name) expect_err_names "check-form $f" "$f" ;;
		any)
			if grep -q -E "^$(printf '%s' "$f" | sed 's/[.[\*^$]/\\&/g'):[1-9][0-9]*:[0-9]+: " "$work/err"; then
				ok
			else
				fail "check-form $f: no FILE:LINE:COLUMN: message"
				sed 's/^/    /' "$work/err" | head -5 >&2
			fi
			;;
		*)
			if grep -q -F -- "$f:$expect:" "$work/err"; then
				ok
			else
				fail "check-form $f: no message at line $expect"
				sed 's/^/    /' "$work/err" | head -5 >&2
			fi
			;;
		esac
		size=$(wc -c <"$work/err")
		if [ "$size" -gt 65536 ]; then
			fail "check-form $f: $size bytes of messages (echoes the input?)"
		else
			ok
		fi
	fi

	sessions=$work/sessions
	rm -rf "$sessions"
	run $limit "$WA_BIN" new --kommune Korpusstadt --datum 2026-11-23 --form "$f" --dir "$sessions"
	if expect_refusal "new --form $f" 2; then
		expect_err_names "new --form $f" "$f"
		if [ -n "$(ls -A "$sessions" 2>/dev/null)" ]; then
			fail "new --form $f: left files behind: $(ls -A "$sessions" | tr '\n' ' ')"
		else
			ok
		fi
	fi
}

# The valid base must be accepted, by check-form and by new.
run 60 "$WA_BIN" check-form "$corpus/form-valid.yaml"
expect_refusal "check-form on the valid base form" 0
run 60 "$WA_BIN" new --kommune Korpusstadt --datum 2026-11-23 --form "$corpus/form-valid.yaml" --dir "$work/valid"
expect_refusal "new --form on the valid base form" 0

count=0
for f in "$corpus"/form/*; do
	expect=$(head -c 300 "$f" | tr '\r' '\n' | sed -n 's/^# expect-line: *//p' | head -1)
	[ -n "$expect" ] || expect=name
	check_form_refused "$f" "$expect"
	count=$((count + 1))
done

# Inputs made at test time (too big to commit, or not files at all).
gen=$work/gen
mkdir -p "$gen"
valid=$corpus/form-valid.yaml
# 10 MB values (over the loader's size cap: refused by name) and 3 MB ones
# (under it: the parser must place the error)
"$PY" "$WA_SRCDIR/tests/reliability_corpus_big.py" "$valid" "$gen"
for f in big-type big-points big-key; do
	check_form_refused "$gen/$f.yaml" name
done
check_form_refused "$gen/mid-type.yaml" 13
check_form_refused "$gen/mid-points.yaml" 15
check_form_refused "$gen/mid-key.yaml" 8
: >"$gen/empty.yaml"
check_form_refused "$gen/empty.yaml" name
mkdir "$gen/a-directory.yaml"
check_form_refused "$gen/a-directory.yaml" name
ln -s loop-b.yaml "$gen/loop-a.yaml"
ln -s loop-a.yaml "$gen/loop-b.yaml"
check_form_refused "$gen/loop-a.yaml" name
check_form_refused "$gen/does-not-exist.yaml" name
mkfifo "$gen/a-fifo.yaml"
check_form_refused "$gen/a-fifo.yaml" name
check_form_refused /dev/null name
count=$((count + 12))

# Inputs that once crashed or leaked (fuzzing finds): refused or accepted,
# but never a crash, hang or sanitizer report.
for f in "$corpus"/regress/form-*; do
	[ -f "$f" ] || continue
	run 60 "$WA_BIN" check-form "$f"
	if expect_no_crash "check-form regression input $f"; then
		case $rc in 0 | 2) ok ;; *) fail "check-form $f: exit $rc" ;; esac
	fi
	count=$((count + 1))
done

echo "reliability_corpus: $count broken form inputs"
finish

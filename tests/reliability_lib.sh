# tests/reliability_lib.sh: helpers sourced by the tests/reliability_*.sh
# black-box tests: run the binary under a time limit, tell a clean refusal
# from a crash or a sanitizer report, and count failures. Defines functions
# only; it runs nothing by itself and never touches files outside $work.

: "${WA_BIN:?WA_BIN not set (run through make check)}"
: "${WA_SRCDIR:?WA_SRCDIR not set}"
PY=${WA_PYTHON3:-/usr/bin/python3}

# In a sanitizer build: leak checks on, known system-library leaks suppressed.
ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
LSAN_OPTIONS="suppressions=$WA_SRCDIR/tests/lsan.supp:${LSAN_OPTIONS:-}"
export ASAN_OPTIONS LSAN_OPTIONS

failures=0
checks=0
work=$(mktemp -d "${TMPDIR:-/tmp}/wa-rel.XXXXXX")
chmod 700 "$work"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT

# fail MESSAGE: record one failed assertion.
fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# ok: count one passed assertion.
ok() {
	checks=$((checks + 1))
}

# run LIMIT CMD...: run CMD with a time limit, stdout to $work/out, stderr to
# $work/err; sets $rc. 124 means it hung.
run() {
	limit=$1
	shift
	rc=0
	timeout -k 5 "$limit" "$@" >"$work/out" 2>"$work/err" </dev/null || rc=$?
}

# sanitizer_report: true when the last run's stderr holds an ASan/UBSan/LSan report.
sanitizer_report() {
	grep -q -E 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:' "$work/err"
}

# expect_refusal WHAT STATUS: the last run must have exited with STATUS (a
# clean refusal), not crashed, hung or tripped a sanitizer.
expect_refusal() {
	what=$1
	want=$2
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "$what: hung (killed after the time limit)"
	elif [ "$rc" -ge 128 ]; then
		fail "$what: crashed with signal $((rc - 128))"
		sed 's/^/    /' "$work/err" | head -20 >&2
	elif sanitizer_report; then
		fail "$what: sanitizer report (exit $rc)"
		sed 's/^/    /' "$work/err" | head -40 >&2
	elif [ "$rc" -ne "$want" ]; then
		fail "$what: exit $rc, expected $want"
		sed 's/^/    /' "$work/err" | head -5 >&2
	else
		ok
		return 0
	fi
	return 1
}

# expect_no_crash WHAT: the last run did not crash, hang or trip a sanitizer.
expect_no_crash() {
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "$1: hung (killed after the time limit)"
	elif [ "$rc" -ge 128 ]; then
		fail "$1: crashed with signal $((rc - 128))"
	elif sanitizer_report; then
		fail "$1: sanitizer report (exit $rc)"
		sed 's/^/    /' "$work/err" | head -40 >&2
	else
		ok
		return 0
	fi
	return 1
}

# expect_err_names WHAT TEXT: the last run's stderr mentions TEXT literally.
expect_err_names() {
	if grep -q -F -- "$2" "$work/err"; then
		ok
	else
		fail "$1: message does not name '$2':"
		sed 's/^/    /' "$work/err" | head -5 >&2
	fi
}

# finish: print the tally and exit with the test's status.
finish() {
	echo "$(basename "$0"): $checks checks passed, $failures failed"
	[ "$failures" -eq 0 ] || exit 1
	exit 0
}

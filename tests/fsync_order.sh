#!/bin/sh
# tests/fsync_order.sh: covers power-loss ordering. Runs `new`, two `set`s
# and `export` under strace and checks, from the system calls alone, that
# every file renamed or linked into place was written through a file
# descriptor that was fsynced (or fdatasynced) after its last write and
# before the rename/link, and that the directory holding the new name was
# fsynced after it, before the process exited. Each traced command must put
# at least one file into place, so the test cannot pass vacuously. Temp files
# must be created with O_EXCL in the target's directory. Skips (77)
# when strace is missing or ptrace is not allowed.
. "$WA_SRCDIR/tests/reliability_lib.sh"

command -v strace >/dev/null 2>&1 || { echo "strace not installed: skipped"; exit 77; }
strace -f -o /dev/null true 2>/dev/null || { echo "ptrace not permitted: skipped"; exit 77; }

# LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
export ASAN_OPTIONS

dir=$work/sessions
calls=fsync,fdatasync,sync,syncfs,rename,renameat,renameat2,link,linkat,openat,open,creat,write,pwrite64,writev,close

# traced NAME CMD...: run CMD under strace into $work/NAME.trace.
traced() {
	name=$1
	shift
	rc=0
	(cd "$work" && strace -f -qq -y -s 4096 -e trace=$calls -o "$work/$name.trace" "$@") \
		>"$work/out" 2>"$work/err" </dev/null || rc=$?
}

# trace_ok NAME TARGET-SUBSTRING: whether $work/NAME.trace keeps the ordering
# rules (findings in $work/check); TARGET-SUBSTRING must occur in the name of
# at least one file put into place.
trace_ok() {
	"$PY" "$WA_SRCDIR/tests/fsync_order_check.py" "$work/$1.trace" "$2" "$work" >"$work/check" 2>&1
}

# check_trace NAME TARGET-SUBSTRING: assert trace_ok.
check_trace() {
	if trace_ok "$1" "$2"; then
		ok
	else
		fail "$1: fsync ordering violated:"
		sed 's/^/    /' "$work/check" >&2
	fi
	cat "$work/check"
}

# The checker itself must catch a rename before the fsync, and a missing
# directory fsync (a synthetic trace).
cat >"$work/selftest.trace" <<TRACE
100 openat(AT_FDCWD, "$work/x.cdb.tmp-1", O_RDWR|O_CREAT|O_EXCL, 0600) = 4<$work/x.cdb.tmp-1>
100 write(4<$work/x.cdb.tmp-1>, "data", 4) = 4
100 rename("$work/x.cdb.tmp-1", "$work/x.cdb") = 0
100 fsync(4<$work/x.cdb>) = 0
TRACE
if trace_ok selftest x.cdb; then
	fail "the checker accepted a rename before fsync and no directory fsync"
elif grep -q "before the data" "$work/check" && grep -q "not followed by an fsync of the directory" "$work/check"; then
	ok
else
	fail "the checker missed one of the two planted faults:"
	sed 's/^/    /' "$work/check" >&2
fi

traced new "$WA_BIN" new --kommune Fsyncstadt --datum 2026-11-23 --dir "$dir"
expect_refusal "new under strace" 0 || { cat "$work/err" >&2; finish; }
session=$(tail -1 "$work/out")
case $session in /*) ;; *) session=$work/$session ;; esac
[ -f "$session" ] || { fail "new printed '$session', which is not a file"; finish; }
check_trace new .cdb

traced set1 "$WA_BIN" set "$session" meta.auditor "Erika Muster"
expect_refusal "first set under strace" 0
check_trace set1 "$(basename "$session")"

traced set2 "$WA_BIN" set "$session" meta.landkreis "Hochtaunuskreis"
expect_refusal "second set under strace (keeps .prev)" 0
check_trace set2 "$(basename "$session")"

traced export "$WA_BIN" export "$session" -o "$work/ergebnis.xlsx"
expect_refusal "export under strace" 0
[ -s "$work/ergebnis.xlsx" ] && ok || fail "export wrote no $work/ergebnis.xlsx"
check_trace export ergebnis.xlsx

finish

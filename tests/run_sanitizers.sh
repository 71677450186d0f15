#!/bin/sh
# tests/run_sanitizers.sh: the sanitizer half of CI. Configures a second build
# with --enable-sanitizers (AddressSanitizer + UndefinedBehaviorSanitizer) and
# runs `make check` there with leak detection on, so every CUnit suite and
# every black-box test also runs under ASan/UBSan/LSan. It never touches the
# normal build: when the source tree is configured in place (./quickstart),
# it builds from a copy of the tree instead of a VPATH build.
#
# usage: tests/run_sanitizers.sh [BUILDDIR] [make check arguments, e.g. TESTS=...]
#   BUILDDIR defaults to $TMPDIR/wohnort-audit-san; CC defaults to gcc
#   (clang works too: CC=clang tests/run_sanitizers.sh).
# exit: make check's status (0 when everything passed).
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-${TMPDIR:-/tmp}/wohnort-audit-san}
[ $# -gt 0 ] && shift
cc=${CC:-gcc}
jobs=${JOBS:-2}

# Leak detection on; any ASan/UBSan finding ends the process with a status
# (86/87) that no command of wohnort-audit uses, so a test sees it fail.
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:${ASAN_OPTIONS:-}"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=87:${UBSAN_OPTIONS:-}"
# Known leaks inside system libraries (not ours) are listed in tests/lsan.supp.
LSAN_OPTIONS="exitcode=86:suppressions=$srcdir/tests/lsan.supp:${LSAN_OPTIONS:-}"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

# LeakSanitizer cannot run under ptrace (gdb, strace, some containers):
# prove it works here before trusting a green run.
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf '#include <stdlib.h>\nint main(void){ char *p = malloc(7); p[0] = 1; p = 0; return 0; }\n' \
	>"$probe_dir/leak.c"
"$cc" -g -fsanitize=address "$probe_dir/leak.c" -o "$probe_dir/leak"
if "$probe_dir/leak" 2>"$probe_dir/leak.err"; then
	echo "run_sanitizers: LeakSanitizer did not report a known leak; leak detection does not work here" >&2
	cat "$probe_dir/leak.err" >&2
	exit 1
fi
grep -q "LeakSanitizer: detected memory leaks" "$probe_dir/leak.err" || {
	echo "run_sanitizers: LeakSanitizer is not working here:" >&2
	cat "$probe_dir/leak.err" >&2
	exit 1
}

if [ -f "$srcdir/config.status" ]; then
	# In-place configured tree: automake refuses a VPATH build from it.
	echo "run_sanitizers: $srcdir is configured in place; building from a copy in $builddir" >&2
	rm -rf "$builddir"
	mkdir -p "$builddir"
	(cd "$srcdir" && tar cf - --exclude=./.git .) | (cd "$builddir" && tar xf -)
	cd "$builddir"
	make distclean >/dev/null 2>&1 || true
	./configure -q --enable-sanitizers CC="$cc"
else
	mkdir -p "$builddir"
	cd "$builddir"
	if ! grep -q -- '--enable-sanitizers' config.status 2>/dev/null; then
		"$srcdir/configure" -q --enable-sanitizers CC="$cc"
	fi
fi
make -j"$jobs"
status=0
make -j"$jobs" check "$@" || status=$?
if [ $status -ne 0 ]; then
	echo "run_sanitizers: make check failed under sanitizers (status $status); see $builddir/test-suite.log" >&2
	tail -100 test-suite.log 2>/dev/null >&2 || true
fi
exit $status

#!/bin/sh
# tests/reliability_tui_kill.sh: covers "kill anywhere" in the interview.
# COUNT times (argument or $KILL_TRIALS, default 20 for make check; run it
# with 500 or more for the figure in TESTING.md) the TUI is started on one
# session in the pty harness (tests/ptyrun), the first question is answered
# with „Ja“ or „Nein“ (alternating), and the program gets SIGKILL at a
# random moment: either while the save may still be running, or after the
# status line reported „Gespeichert“. After each kill `dump` must load the
# session with no complaint (no fallback, valid checksum) and, when the status
# line had reported the save, hold that answer, and the last entry of the
# change history for the question must name the answer the file holds.
# Prints trials, corrupt snapshots, lost answers and answers without their
# history entry.
. "$WA_SRCDIR/tests/reliability_lib.sh"

PTYRUN=$WA_BUILDDIR/tests/ptyrun
[ -x "$PTYRUN" ] || { fail "$PTYRUN is not built"; finish; }
count=${1:-${KILL_TRIALS:-20}}
export HOME="$work/home" NO_COLOR=
mkdir -p "$HOME"
unset WOHNORT_AUDIT_DIR XDG_DATA_HOME 2>/dev/null || true
run 60 "$WA_BIN" new --kommune Killstadt --datum 2026-11-23 --dir "$work/tui"
expect_refusal "new for the TUI kill test" 0 || finish
s=$(tail -1 "$work/out")
q=$("$WA_BIN" questions | head -1 | cut -f1)

if "$PY" "$WA_SRCDIR/tests/reliability_tui_kill.py" "$PTYRUN" "$WA_BIN" "$s" "$q" "$count"; then
	ok
else
	fail "TUI kill trials found corrupt snapshots, lost answers or harness failures"
fi
finish

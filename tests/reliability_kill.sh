#!/bin/sh
# tests/reliability_kill.sh: covers "kill anywhere" through the CLI. COUNT
# times (argument or $KILL_TRIALS, default 40 for make check; run it with 500
# or more for the figure in TESTING.md), a `wohnort-audit set` of a fresh
# value (answers of several types, notes, master data) is started and sent
# SIGKILL after a random delay spread over the whole duration of a save.
# After each trial `dump` must load the session with no complaint (no
# fallback to PATH.prev, checksum valid: the store checks it) and every value
# whose `set` had exited 0 must be there; a killed `set` may have landed or
# not, but nothing else may change. The change history is in the same
# snapshot: every value the file holds must be the new value of the last
# history entry of its record (a change reported saved has its entry), and
# the history only grows at its end. Prints trials, kills that hit a running
# save, corrupt snapshots, lost answers and temp files left by killed saves.
# KILL_DIR puts the session elsewhere (tests/fs_removable.sh runs it on
# exFAT and NTFS mounts).
. "$WA_SRCDIR/tests/reliability_lib.sh"

count=${1:-${KILL_TRIALS:-40}}
run 60 "$WA_BIN" new --kommune Killstadt --datum 2026-11-23 --dir "${KILL_DIR:-$work/kill}"
expect_refusal "new for the kill test" 0 || finish
s=$(tail -1 "$work/out")
"$WA_BIN" questions >"$work/questions"

if "$PY" "$WA_SRCDIR/tests/reliability_kill.py" "$WA_BIN" "$s" "$work/questions" "$count"; then
	ok
else
	fail "kill trials found corrupt snapshots or lost answers (or no kill hit a running set)"
fi
finish

#!/bin/sh
# bench/list.sh: the `wohnort-audit list` command end to end (process start,
# reading 10,000 session files, printing) over 10,000 sessions: hard links of
# the fully answered example session in a temp directory of the build tree.
# Prints the median and the slowest of 5 runs and fails when the median is a
# second or more (issue 7's target). bench/save.sh measures session_list
# in-process; this is what the auditor waits for at the command line.
set -u
dir=$(mktemp -d "$WA_BUILDDIR/bench-list-XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$WA_BIN" load "$WA_SRCDIR/data/beispiel-sitzung.txt" --dir "$dir/src" >/dev/null ||
	{ echo "list: load of the example session failed"; exit 1; }
"$WA_PYTHON3" "$WA_SRCDIR/bench/list.py" "$WA_BIN" "$dir"

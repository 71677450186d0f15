#!/bin/sh
# bench/save.sh: the cost of one snapshot. Runs bench/bench_save on the fully
# answered example session (300 saves in the build directory, i.e. on the
# disk the sessions would use) and fails when the median save takes more than
# 1.3 times the floor (same bytes: temp file, fsync, rename, directory fsync)
# measured in the same run; the same for a re-audit that keeps a copy of its
# previous audit. Prints median and 99th percentile of both. Also, for both,
# fails when listing 10,000 sessions (session_list, as `list` and the start
# screen do) takes a second or more, or reports any of them unreadable.
# Then the same with a change history of 5,000 entries (SAVE_HISTORY), which
# every snapshot carries: the same target, against the floor of its bytes.
set -u
bin="$WA_BUILDDIR/bench/bench_save"
dir=$(mktemp -d "$WA_BUILDDIR/bench-save-XXXXXX")
trap 'rm -rf "$dir"' EXIT
out=$("$bin" "$WA_SRCDIR/data/beispiel-sitzung.txt" "$dir" "${SAVE_ITERATIONS:-300}") ||
	{ echo "save: bench_save failed"; exit 1; }
echo "$out" | LC_ALL=C awk '
	$1 == "bytes" { bytes = $2 } $1 == "iterations" { n = $2 }
	$1 == "save" { sm = $2; sp = $3 } $1 == "floor" { fm = $2; fp = $3 }
	$1 == "rebytes" { rbytes = $2 } $1 == "resave" { rsm = $2; rsp = $3 }
	$1 == "refloor" { rfm = $2; rfp = $3 } $1 == "relist" { rln = $2; rlt = $3; rle = $4 }
	$1 == "list" { ln = $2; lt = $3; le = $4 }
	END {
		printf "save: %d saves of a %d-byte snapshot: median %d us, p99 %d us\n", n, bytes, sm, sp
		printf "save: floor (same bytes, fsync, rename, dir fsync): median %d us, p99 %d us\n", fm, fp
		printf "save: median ratio %.2f (target <= 1.30)\n", sm / fm
		printf "save: re-audit with its previous audit, %d-byte snapshot: median %d us, p99 %d us\n", rbytes, rsm, rsp
		printf "save: its floor: median %d us, p99 %d us; median ratio %.2f (target <= 1.30)\n", rfm, rfp, rsm / rfm
		printf "save: list of %d sessions: %d us, %d unreadable (target < 1 s, 0)\n", ln, lt, le
		bad = 0
		if (sm > 1.3 * fm) { print "save: TARGET MISSED (median ratio)"; bad = 1 }
		if (rsm == "" || rsm > 1.3 * rfm) { print "save: TARGET MISSED (re-audit median ratio)"; bad = 1 }
		printf "save: list of %d re-audits with their previous audit: %d us, %d unreadable (target < 1 s, 0)\n", rln, rlt, rle
		if (ln != 10000 || lt >= 1000000 || le != 0) { print "save: TARGET MISSED (list)"; bad = 1 }
		if (rln != 10000 || rlt >= 1000000 || rle != 0) { print "save: TARGET MISSED (list of re-audits)"; bad = 1 }
		exit bad
	}'
status=$?
mkdir "$dir/history"
out=$("$bin" "$WA_SRCDIR/data/beispiel-sitzung.txt" "$dir/history" "${SAVE_ITERATIONS:-300}" \
	"${SAVE_HISTORY:-5000}") || { echo "save: bench_save with a history failed"; exit 1; }
echo "$out" | LC_ALL=C awk -v want="${SAVE_HISTORY:-5000}" '
	$1 == "bytes" { bytes = $2 } $1 == "iterations" { n = $2 } $1 == "history" { h = $2 }
	$1 == "save" { sm = $2; sp = $3 } $1 == "floor" { fm = $2; fp = $3 }
	END {
		printf "save: with a history of %d entries (one more each save): %d saves of a %d-byte snapshot: median %d us, p99 %d us\n", h, n, bytes, sm, sp
		printf "save: floor (same bytes, fsync, rename, dir fsync): median %d us, p99 %d us\n", fm, fp
		printf "save: median ratio %.2f (target <= 1.30)\n", sm / fm
		bad = 0
		if (h < want) { print "save: TARGET MISSED (the history is short)"; bad = 1 }
		if (sm > 1.3 * fm) { print "save: TARGET MISSED (median ratio with the history)"; bad = 1 }
		exit bad
	}' || status=1
exit $status

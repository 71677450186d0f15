#!/bin/sh
# bench/score.sh: the cost of one verdict. Runs bench/bench_score on the
# example session and fails when score_compute takes 1 ms or more, or a
# formatter 5 ms or more (the interview recomputes after every answer; a
# keystroke must feel instant on an auditor's laptop).
set -u
bin="$WA_BUILDDIR/bench/bench_score"
out=$("$bin" "$WA_SRCDIR/data/beispiel-sitzung.txt") || { echo "bench_score failed"; exit 1; }
echo "$out" | sed 's/^/score: /'
echo "$out" | LC_ALL=C awk '
	$1 == "compute" && $2 >= 1000 { print "score: compute too slow: " $2 " us"; bad = 1 }
	($1 == "text" || $1 == "tsv" || $1 == "json") && $2 >= 5000 {
		print "score: " $1 " too slow: " $2 " us"; bad = 1 }
	END { exit bad }'

#!/bin/sh
# bench/form.sh: `make bench` entry for the form loader. Every command and
# the interview load and fully validate the Prüfbogen at start, so this must
# stay far below what a person notices: the median load of the bundled form
# must take less than 20 ms, and a synthetic form of 1000 questions (about
# twenty times a real Prüfbogen) less than 200 ms.
set -u
: "${WA_BUILDDIR:?}" "${WA_SRCDIR:?}"
out=$("$WA_BUILDDIR/bench/bench_form" "$WA_SRCDIR/forms/wohnort-muster.yaml" 51) ||
	{ echo "form: bench_form failed"; exit 1; }
echo "$out" | LC_ALL=C awk '
	{ v[$1] = $2 }
	END {
		printf "form: bundled form (%d bytes): median load %d us (target < 20000)\n", v["bytes"], v["bundled"]
		printf "form: synthetic form, %d questions (%d bytes): median load %d us (target < 200000)\n",
			v["synthetic_questions"], v["synthetic_bytes"], v["synthetic"]
		if (v["bundled"] >= 20000 || v["synthetic"] >= 200000) { print "form: TARGET MISSED"; exit 1 }
	}'

#!/bin/sh
# bench/form.sh: `make bench` entry for the form loader. Every command and
# the interview load and fully validate the Prüfbogen at start, so this must
# stay far below what a person notices: the median load of the bundled form
# must take less than 20 ms, and a synthetic form of 1000 questions (about
# twenty times a real Prüfbogen) less than 200 ms. Loading must be linear:
# 50,000 questions take less than 2 s and less than 8 times as long as
# 10,000 (a quadratic loader takes 25 times as long); opening a session of
# a 20,000-question form with every question answered (what each command
# pays) less than 1 s.
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
		printf "form: compact forms: 10,000 questions %d us, 50,000 questions (%d bytes) %d us, ratio %.1f (target < 2000000 us, ratio < 8)\n",
			v["compact10k"], v["compact50k_bytes"], v["compact50k"], v["compact50k"] / v["compact10k"]
		printf "form: open a session of 20,000 questions, all answered: median %d us (target < 1000000)\n", v["open20k"]
		if (v["bundled"] >= 20000 || v["synthetic"] >= 200000 || v["compact50k"] >= 2000000 ||
		    v["compact50k"] >= 8 * v["compact10k"] || v["open20k"] >= 1000000) { print "form: TARGET MISSED"; exit 1 }
	}'

#!/bin/sh
# bench/register.sh: `make bench` entry for the register without reading
# sessions: register_build, the formatters, the workbook (plain, and with
# points and history) and the iCalendar file for 10,000 generated audits
# (bench/bench_register, best of 5 runs, wall and CPU seconds). The
# register command has 2 s for 10,000 sessions; reading them (bench/list.sh:
# about 0.7 s here, held under 1 s) leaves this part: the default output
# (build and the plain workbook) under 0.5 s, with the calendar under 1 s,
# and everything at once (build, the workbook with points and history, the
# calendar) under 1.3 s. Fails when one of them is missed.
set -u
: "${WA_BUILDDIR:?}"
dir=$(mktemp -d "$WA_BUILDDIR/bench-register-XXXXXX")
trap 'rm -rf "$dir"' EXIT
out=$("$WA_BUILDDIR/bench/bench_register" "$dir" 10000 5) ||
	{ echo "register: bench_register failed"; exit 1; }
echo "$out" | sed 's/^/register: /'
echo "$out" | LC_ALL=C awk '
	function check(what, seconds, limit) {
		printf "register: %s %.3f s (target < %.1f s)\n", what, seconds, limit
		if (seconds >= limit) {
			print "register: TARGET MISSED: " what
			bad = 1
		}
	}
	$1 == "build" { build = $2 }
	$1 == "xlsx" { plain = $2 }
	$1 == "ics" { ics = $2 }
	$1 == "total" { total = $2 }
	END {
		check("default (build, workbook)", build + plain, 0.5)
		check("with calendar", build + plain + ics, 1.0)
		check("everything (points, history, calendar)", total, 1.3)
		exit bad
	}'

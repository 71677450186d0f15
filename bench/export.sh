#!/bin/sh
# bench/export.sh: `make bench` entry for the export: times the XLSX export
# of the fully answered example session against a bare libxlsxwriter floor
# with the same number of cells (median of 21 interleaved runs each).
# Fails when the export takes more than 3x the floor.
: "${WA_BUILDDIR:?}" "${WA_SRCDIR:?}"
dump="$WA_SRCDIR/data/beispiel-sitzung.txt"
if [ ! -f "$dump" ]; then
	echo "bench export: $dump missing, not run"
	exit 0
fi
exec "$WA_BUILDDIR/bench/bench_export" "$dump" 21 3.0

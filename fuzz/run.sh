#!/bin/sh
# fuzz/run.sh: build the libFuzzer targets against the model sources and run
# each for SECONDS (default 60) with a seed corpus from forms/, data/ and
# tests/corpus/. Needs clang with the libFuzzer runtime (Debian: clang,
# libclang-rt-14-dev). Not part of `make check`: fuzzing takes minutes to hours.
#
# usage: fuzz/run.sh [SECONDS] [TARGET...]
#   TARGET: form session set load xlsx (default: all five)
# environment:
#   FUZZ_BUILDDIR  a configured build directory (for config.h and, for the
#                  session seeds, a built wohnort-audit); default: one is
#                  configured under FUZZ_WORKDIR
#   FUZZ_WORKDIR   binaries, corpora, logs (default /tmp/wohnort-audit-fuzz)
#   FUZZ_BUILD_ONLY=1  build the targets and seed corpora, do not run
# Each run appends a summary line (target, seconds, executions, crashes) to
# $FUZZ_WORKDIR/summary.txt; crash inputs land in $FUZZ_WORKDIR/crashes/.
# exit: 0 when no target crashed, 1 when one did, 2 on a build problem.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-form session set load xlsx}
work=${FUZZ_WORKDIR:-/tmp/wohnort-audit-fuzz}
cc=${FUZZ_CC:-clang}
mkdir -p "$work/bin" "$work/crashes" "$work/logs"

command -v "$cc" >/dev/null || { echo "fuzz: $cc not found (apt-get install clang)" >&2; exit 2; }

# A configured build directory provides config.h.
builddir=${FUZZ_BUILDDIR:-}
if [ -z "$builddir" ]; then
	builddir=$work/config
	if [ ! -f "$builddir/config.h" ]; then
		mkdir -p "$builddir"
		(cd "$builddir" && "$srcdir/configure" -q) || exit 2
	fi
fi
builddir=$(cd "$builddir" && pwd)

# The model sources: whatever the fragments put into libwohnort.a.
# (continuation lines joined first)
model=$(cat "$srcdir/Makefile.am" "$srcdir"/mk/*.am |
	awk '/\\$/ { sub(/\\$/, ""); printf "%s ", $0; next } { print }' |
	sed -n 's/^libwohnort_a_SOURCES *+*= *//p' | tr ' \t' '\n\n' | grep '\.c$' |
	sed "s|^|$srcdir/|" | sort -u)
pkgs="libfyaml libcdb xlsxwriter zlib minizip expat"
cflags="-g -O1 -fno-omit-frame-pointer -I$builddir -I$srcdir/src $(pkg-config --cflags $pkgs)
	-DPKGDATADIR=\"$srcdir\" -DABS_TOP_SRCDIR=\"$srcdir\" -DABS_TOP_BUILDDIR=\"$builddir\"
	-DFUZZ_FORM_PATH=\"$srcdir/forms/wohnort-muster.yaml\"
	-DFUZZ_SMALL_FORM_PATH=\"$srcdir/tests/corpus/form-valid.yaml\""
libs=$(pkg-config --libs $pkgs)
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"

# Build one object per model source (instrumented for coverage) into an
# archive, so that each target links only the modules it uses. A source that
# does not compile is reported and left out; a target that needs it then
# fails to link.
mkdir -p "$work/obj"
objs=""
for c in $model; do
	o=$work/obj/$(basename "$c" .c).o
	stale=0
	[ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ "$builddir/config.h" -nt "$o" ] && stale=1
	# a changed header changes struct layouts: rebuild everything after it
	for h in "$srcdir"/src/lib/*.h "$srcdir"/src/model/*.h; do
		[ -f "$o" ] && [ "$h" -nt "$o" ] && stale=1
	done
	if [ $stale = 1 ]; then
		# shellcheck disable=SC2086
		if ! $cc $cflags $san -fsanitize=fuzzer-no-link -c "$c" -o "$o"; then
			echo "fuzz: $c does not compile; left out" >&2
			rm -f "$o"
			continue
		fi
	fi
	objs="$objs $o"
done
rm -f "$work/libmodel.a"
# shellcheck disable=SC2086
ar rcs "$work/libmodel.a" $objs

# small_sessions DIR: sessions over the small corpus form, empty and answered.
small_sessions() {
	[ -x "$builddir/wohnort-audit" ] || return 0
	sd=$(mktemp -d)
	"$builddir/wohnort-audit" new --kommune Saatstadt --datum 2026-11-23 \
		--form "$srcdir/tests/corpus/form-valid.yaml" --dir "$sd" >/dev/null 2>&1 || true
	for f in "$sd"/*.cdb; do
		[ -f "$f" ] || continue
		cp "$f" "$1/small-empty.cdb"
		"$builddir/wohnort-audit" set "$f" strategie.ratsbeschluss ja --note "Notiz" >/dev/null 2>&1
		"$builddir/wohnort-audit" set "$f" strategie.art gut --evidence nachzureichen \
			--due 2026-12-01 >/dev/null 2>&1
		"$builddir/wohnort-audit" set "$f" goal.1.ziel "Welcome Center" >/dev/null 2>&1
		"$builddir/wohnort-audit" set "$f" participant.1.name "Erika Muster" >/dev/null 2>&1
		cp "$f" "$1/small-answered.cdb"
	done
	rm -rf "$sd"
}

# Seed corpora, rebuilt each run from the tree (cheap).
seeds() {
	t=$1
	d=$work/seed-$t
	rm -rf "$d"
	mkdir -p "$d"
	case $t in
	form)
		cp "$srcdir"/forms/*.yaml "$d"/ 2>/dev/null || true
		cp "$srcdir"/tests/corpus/form/* "$srcdir"/tests/corpus/form-valid.yaml "$d"/ 2>/dev/null || true
		find "$srcdir/tests/data" -name '*.yaml' -exec cp {} "$d"/ \; 2>/dev/null || true
		;;
	session)
		cp "$srcdir"/tests/corpus/session/* "$d"/ 2>/dev/null || true
		# real snapshots: the example session, and small ones (the small
		# corpus form keeps inputs short, which fuzzes faster)
		small_sessions "$d"
		if [ -x "$builddir/wohnort-audit" ] && [ -f "$srcdir/data/beispiel-sitzung.txt" ]; then
			sd=$(mktemp -d)
			"$builddir/wohnort-audit" load "$srcdir/data/beispiel-sitzung.txt" --dir "$sd" \
				>/dev/null 2>&1 || true
			for f in "$sd"/*.cdb; do [ -f "$f" ] && cp "$f" "$d/example-$(basename "$f")"; done
			rm -rf "$sd"
		fi
		;;
	load)
		cp "$srcdir"/data/*.txt "$d"/ 2>/dev/null || true
		cp "$srcdir"/tests/corpus/dump/* "$d"/ 2>/dev/null || true
		small_sessions "$d"
		for f in "$d"/small-*.cdb; do
			[ -f "$f" ] || continue
			"$builddir/wohnort-audit" dump "$f" >"${f%.cdb}.txt" 2>/dev/null || true
			rm -f "$f"
		done
		;;
	xlsx)
		# the XLSX corpus in the four input modes of fuzz_xlsx.c, and
		# CSV files (mode 0 also feeds the CSV reader)
		/usr/bin/python3 "$srcdir/fuzz/xlsx_seeds.py" "$d" "$srcdir"/tests/corpus/xlsx/*.xlsx
		printf '\000Nr;Frage;Angabe\r\n1.1;"a\r\nb";"x""y"\r\n' >"$d/csv-semicolon"
		printf '\000\357\273\277A,B\n1,\344\n' >"$d/csv-bom"
		;;
	set)
		# mode byte 0 + a value, and KEY<TAB>VALUE lines of the example session
		i=0
		for v in ja nein entfaellt 0 1 3 5 -1 99999999999999999999 2026-02-29 2024-02-29 \
			"a,b" "" "Ä" "x,x" ",," 1e3 " 1" "0x10"; do
			printf '\000%s' "$v" >"$d/value-$i"
			i=$((i + 1))
		done
		if [ -f "$srcdir/data/beispiel-sitzung.txt" ]; then
			grep -v '^#' "$srcdir/data/beispiel-sitzung.txt" | head -400 |
				while IFS= read -r line; do
					i=$((i + 1))
					printf '\000%s' "$line" >"$d/line-$i"
				done
		fi
		;;
	esac
	cp "$srcdir"/tests/corpus/regress/"$t"-* "$d"/ 2>/dev/null || true
	# 20,000-deep nesting costs seconds per run under ASan (it is in the
	# corpus test); as a seed it would slow form fuzzing to ~15 runs/s
	rm -f "$d"/*deep-nesting*
	# libFuzzer needs at least one input
	[ -n "$(ls "$d")" ] || printf '\n' >"$d/empty"
}

status=0
for t in $targets; do
	src=$srcdir/fuzz/fuzz_$t.c
	bin=$work/bin/fuzz_$t
	[ -f "$src" ] || { echo "fuzz: no target $t" >&2; exit 2; }
	# shellcheck disable=SC2086
	$cc $cflags $san -fsanitize=fuzzer "$src" "$work/libmodel.a" $libs -o "$bin" || exit 2
	seeds "$t"
	mkdir -p "$work/corpus-$t"
	[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && continue
	log=$work/logs/fuzz_$t-$(date +%Y%m%d-%H%M%S).log
	echo "fuzz: $t for ${seconds}s, log $log" >&2
	rc=0
	max_len=65536
	[ "$t" = form ] && max_len=16384
	ASAN_OPTIONS=detect_leaks=1:${ASAN_OPTIONS:-} \
		LSAN_OPTIONS=suppressions=$srcdir/tests/lsan.supp:${LSAN_OPTIONS:-} \
		nice -n 19 "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=60 \
		-max_len=$max_len -artifact_prefix="$work/crashes/$t-" -print_final_stats=1 \
		"$work/corpus-$t" "$work/seed-$t" >"$log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	crashes=$(grep -c '^==[0-9]*==ERROR\|^SUMMARY: \|deadly signal' "$log" || true)
	echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) target=$t seconds=$seconds execs=${execs:-?} exit=$rc crash_reports=$crashes" |
		tee -a "$work/summary.txt"
	[ $rc -eq 0 ] || status=1
done
exit $status

#!/bin/sh
# read_soffice.sh: covers the round trip of a workbook through LibreOffice,
# as a town does it. A workbook written with libxlsxwriter (tests/
# xlsxread_probe sample: shared and rich strings, numbers, a date, a
# boolean, formulas with cached values, line breaks, umlauts, a hidden sheet,
# custom properties, a defined name) is re-saved by LibreOffice as .xlsx;
# the XLSX reader must read every cell of it with the same value, and the
# properties and the defined name must survive. The same workbook saved by
# LibreOffice as CSV (';' in Windows-1252 and ',' in UTF-8) must give every
# text cell of the first sheet, line breaks and quotes included, at the same
# „Zeile N, Spalte X“, and the CSV reader must recognise separator and
# encoding. Skips (77) without LibreOffice ($WA_SOFFICE).
: "${WA_BUILDDIR:?}" "${WA_SRCDIR:?}"
if [ -z "${WA_SOFFICE:-}" ] || [ "$WA_SOFFICE" = no ] || [ ! -x "$WA_SOFFICE" ]; then
	echo "SKIP: LibreOffice not found (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
probe=$WA_BUILDDIR/tests/xlsxread_probe
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wa-read-soffice.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# soffice FILTER OUTDIR FILE: convert with a private profile.
soffice() {
	"$WA_SOFFICE" "-env:UserInstallation=file://$TMP/profile" --headless \
		--convert-to "$1" --outdir "$2" "$3" >"$TMP/soffice.log" 2>&1
}

"$probe" sample "$TMP/tabelle.xlsx" || { echo "FAIL: sample not written"; exit 1; }
"$probe" values "$TMP/tabelle.xlsx" >"$TMP/orig.values" || fail "sample not read"
"$probe" dump "$TMP/tabelle.xlsx" >"$TMP/orig.dump" || fail "sample not dumped"
n=$(wc -l <"$TMP/orig.values")
[ "$n" -ge 20 ] || fail "sample has only $n cells"

# XLSX re-saved by LibreOffice
mkdir "$TMP/lo"
soffice xlsx "$TMP/lo" "$TMP/tabelle.xlsx"
if [ ! -s "$TMP/lo/tabelle.xlsx" ]; then
	fail "LibreOffice wrote no .xlsx: $(cat "$TMP/soffice.log")"
else
	if ! "$probe" values "$TMP/lo/tabelle.xlsx" >"$TMP/lo.values" 2>"$TMP/err"; then
		fail "the re-saved workbook is refused: $(cat "$TMP/err")"
	elif ! cmp -s "$TMP/orig.values" "$TMP/lo.values"; then
		fail "cells differ after LibreOffice re-saved the workbook:"
		diff "$TMP/orig.values" "$TMP/lo.values" | head -20
	fi
	"$probe" dump "$TMP/lo/tabelle.xlsx" >"$TMP/lo.dump" 2>&1
	for want in 'property "Formular" lpwstr "wohnort-muster"' \
		'name "Formular_ID" sheet=-1 hidden=0 "Maschine!$A$1"' \
		'sheet 2 "Maschine" hidden worksheet' \
		'cell C4 number datestyle date=2026-03-14'; do
		grep -qF "$want" "$TMP/lo.dump" || fail "re-saved workbook lacks: $want"
	done
fi

# The text cells of the first sheet as the CSV reader names them.
awk '
	/^rows / { sheet++ }
	sheet == 1 && $1 == "cell" && $3 == "string" && $4 !~ /formula/ {
		ref = $2
		col = ref; sub(/[0-9]+$/, "", col)
		row = ref; sub(/^[A-Z]+/, "", row)
		text = $0; sub(/^[^"]*"/, "", text); sub(/"$/, "", text)
		printf "Zeile %s, Spalte %s\t%s\n", row, col, text
	}' "$TMP/orig.dump" >"$TMP/text.expect"
[ "$(wc -l <"$TMP/text.expect")" -ge 10 ] || fail "too few text cells to compare"

# CSV: FILTER-OPTIONS SEPARATOR ENCODING
for variant in "59,34,1,1 semicolon Windows-1252" "44,34,76,1 comma UTF-8"; do
	set -- $variant
	dir=$TMP/csv-$2
	mkdir "$dir"
	soffice "csv:Text - txt - csv (StarCalc):$1" "$dir" "$TMP/tabelle.xlsx"
	if [ ! -s "$dir/tabelle.csv" ]; then
		fail "LibreOffice wrote no CSV ($2): $(cat "$TMP/soffice.log")"
		continue
	fi
	if ! "$probe" csv "$dir/tabelle.csv" >"$dir/out" 2>"$dir/err"; then
		fail "CSV ($2, $3) refused: $(cat "$dir/err")"
		continue
	fi
	grep -qx "separator $2 encoding $3 rows 100" "$dir/out" ||
		fail "CSV ($2, $3): $(tail -1 "$dir/out")"
	while IFS= read -r line; do
		grep -qxF "$line" "$dir/out" || fail "CSV ($2, $3) lacks: $line"
	done <"$TMP/text.expect"
done

if [ "$fails" -gt 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "ok: $n cells survive LibreOffice; $(wc -l <"$TMP/text.expect") text cells in both CSV variants"

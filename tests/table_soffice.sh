#!/bin/sh
# tests/table_soffice.sh: the Dokumentationstabelle after LibreOffice, as a
# town may return it. The table filled by tests/table_fill.py is re-saved by
# LibreOffice as .xlsx and imported: the town layer must be what the town
# filled in. Every sheet is saved as CSV, ';' in Windows-1252 and ',' in
# UTF-8 (that one also with a BOM, as Excel's "CSV UTF-8" writes it), and
# the three input sheets imported one after the other into a fresh session:
# the same layer again. The empty table printed to PDF shows every question
# number and the column headings on every page of "Fragen". Skips (77)
# without LibreOffice ($WA_SOFFICE), python3-openpyxl or python3-yaml.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ -z "${WA_SOFFICE:-}" ] || [ "$WA_SOFFICE" = no ] || [ ! -x "$WA_SOFFICE" ]; then
	echo "SKIP: LibreOffice not found (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
if ! "$PY" -c 'import openpyxl, yaml' 2>/dev/null; then
	echo "SKIP: python3-openpyxl or python3-yaml missing"
	exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-table-lo.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
FORM=$WA_SRCDIR/forms/wohnort-muster.yaml

# soffice FILTER OUTDIR FILE: convert with a private profile.
soffice() {
	"$WA_SOFFICE" "-env:UserInstallation=file://$T/profile" --headless \
		--convert-to "$1" --outdir "$2" "$3" >"$T/soffice.log" 2>&1
}
town_lines() {
	"$WA_BIN" dump "$1" | grep '^town\.' | grep -v '^town\.import_' | LC_ALL=C sort
}
# fresh: a new session of the same town, its path.
n=0
fresh() {
	n=$((n + 1))
	"$WA_BIN" new --dir "$T" --kommune "Steinbach (Taunus)" --datum "2026-11-2$n" 2>/dev/null
}

S=$(fresh) || { echo "FAIL: new"; exit 1; }
"$WA_BIN" table "$S" -o "$T/tabelle.xlsx" >/dev/null || { echo "FAIL: table"; exit 1; }
"$PY" "$WA_SRCDIR/tests/table_fill.py" "$FORM" "$T/tabelle.xlsx" "$T/ausgefuellt.xlsx" \
	"$T/expect.txt" "$T/count.txt" || { echo "FAIL: table_fill.py"; exit 1; }

# --- re-saved by LibreOffice as .xlsx
mkdir "$T/lo"
soffice xlsx "$T/lo" "$T/ausgefuellt.xlsx"
if [ ! -s "$T/lo/ausgefuellt.xlsx" ]; then
	fail "LibreOffice wrote no .xlsx: $(cat "$T/soffice.log")"
else
	S1=$(fresh)
	"$WA_BIN" import "$S1" "$T/lo/ausgefuellt.xlsx" >"$T/out" 2>"$T/err" ||
		fail "import of the re-saved table: $(cat "$T/err")"
	head -1 "$T/out" | cmp -s - "$T/count.txt" ||
		fail "re-saved: '$(head -1 "$T/out")', want '$(cat "$T/count.txt")'"
	town_lines "$S1" >"$T/got.txt"
	cmp -s "$T/expect.txt" "$T/got.txt" || {
		fail "the re-saved table gives another layer:"
		diff "$T/expect.txt" "$T/got.txt" | head -20
	}
fi

# --- every sheet as CSV: OPTIONS NAME ENCODING
for variant in "59,34,1,1,,0,false,true,true,false,false,-1 semikolon Windows-1252" \
	"44,34,76,1,,0,false,true,true,false,false,-1 komma UTF-8"; do
	set -- $variant
	dir=$T/csv-$2
	mkdir "$dir"
	soffice "csv:Text - txt - csv (StarCalc):$1" "$dir" "$T/ausgefuellt.xlsx"
	for sheet in Fragen Stammdaten Ziele; do
		[ -s "$dir/ausgefuellt-$sheet.csv" ] ||
			fail "LibreOffice wrote no CSV of $sheet ($2): $(cat "$T/soffice.log")"
	done
	boms="no"
	[ "$3" = UTF-8 ] && boms="no yes"
	for bom in $boms; do
		S2=$(fresh)
		for sheet in Fragen Stammdaten Ziele; do
			f=$dir/ausgefuellt-$sheet.csv
			if [ "$bom" = yes ]; then
				printf '\357\273\277' >"$dir/bom-$sheet.csv"
				cat "$f" >>"$dir/bom-$sheet.csv"
				f=$dir/bom-$sheet.csv
			fi
			"$WA_BIN" import "$S2" "$f" >"$T/out" 2>"$T/err" ||
				fail "import of $sheet ($2, BOM $bom): $(cat "$T/err")"
			if [ "$sheet" = Fragen ]; then
				head -1 "$T/out" | cmp -s - "$T/count.txt" ||
					fail "CSV $2: '$(head -1 "$T/out")', want '$(cat "$T/count.txt")'"
			fi
		done
		town_lines "$S2" >"$T/got.txt"
		cmp -s "$T/expect.txt" "$T/got.txt" || {
			fail "the CSV files ($2, $3, BOM $bom) give another layer:"
			diff "$T/expect.txt" "$T/got.txt" | head -20
		}
	done
	# the sheets that are no input are refused, naming the file
	"$WA_BIN" import "$S" "$dir/ausgefuellt-Anleitung.csv" >/dev/null 2>"$T/err" &&
		fail "the CSV of Anleitung was taken"
	grep -q "ausgefuellt-Anleitung.csv: keine Dokumentationstabelle" "$T/err" ||
		fail "Anleitung.csv: $(cat "$T/err")"
done

# --- printed: every question and the headings on every page of Fragen
if command -v pdftotext >/dev/null 2>&1; then
	mkdir "$T/pdf"
	soffice pdf "$T/pdf" "$T/tabelle.xlsx"
	if [ ! -s "$T/pdf/tabelle.pdf" ]; then
		fail "LibreOffice wrote no PDF: $(cat "$T/soffice.log")"
	else
		pdftotext -layout "$T/pdf/tabelle.pdf" "$T/pdf/all.txt"
		"$WA_BIN" questions --form "$FORM" | awk -F'\t' '{print $2}' | uniq -c |
			awk '{for (i = 1; i <= $1; i++) print NR "." i}' >"$T/numbers.txt"
		while read -r nr; do
			grep -q "^$nr  " "$T/pdf/all.txt" || fail "PDF lacks question $nr"
		done <"$T/numbers.txt"
		pages=$(grep -c "Dokumentationstabelle – Fragen" "$T/pdf/all.txt")
		heads=$(grep -c "Angabe der Kommune *Erläuterung der Kommune" "$T/pdf/all.txt")
		[ "$pages" -ge 2 ] || fail "PDF: $pages pages of Fragen"
		[ "$heads" -ge "$pages" ] || fail "PDF: headings on $heads of $pages pages"
	fi
fi

if [ "$fails" -gt 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "ok: the filled table survives LibreOffice as .xlsx and as CSV (;/1252, ,/UTF-8 ± BOM)"

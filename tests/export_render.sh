#!/bin/sh
# export_render.sh: renders exported workbooks with LibreOffice (headless,
# forced to recalculate every formula on load) and checks the PDF text: page
# 1 holds the Kommune, the Endpunktzahl and the result as `score --format
# tsv` computes them (so the formulas agree with the score module), the
# Ergebnis sheet fits on page 1, a provisional result shows VORLÄUFIG, the
# Bewertung header row repeats on its printed pages, and
# every Frage text of the form appears whole in the PDF (no row cut off).
# Covers the example session and a provisional session made with new + set.
# Skips (77) without LibreOffice ($WA_SOFFICE) or poppler-utils, and while
# data/beispiel-sitzung.txt does not exist yet.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ -z "$WA_SOFFICE" ] || [ "$WA_SOFFICE" = no ] || [ ! -x "$WA_SOFFICE" ]; then
	echo "SKIP: LibreOffice not found (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
if ! command -v pdftotext >/dev/null 2>&1; then
	echo "SKIP: pdftotext not found (apt-get install poppler-utils)"
	exit 77
fi
if [ ! -f "$WA_SRCDIR/data/beispiel-sitzung.txt" ]; then
	echo "SKIP: data/beispiel-sitzung.txt does not exist yet"
	exit 77
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# A LibreOffice profile that recalculates OOXML formulas on load.
mkdir -p "$TMP/home/.config/libreoffice/4/user"
cat >"$TMP/home/.config/libreoffice/4/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# render SESSION NAME: export, convert, check page 1 against the score.
render() {
	session=$1 name=$2
	xlsx="$TMP/$name.xlsx"
	"$WA_BIN" export "$session" -o "$xlsx" >/dev/null || { fail "$name: export"; return; }
	HOME="$TMP/home" "$WA_SOFFICE" --headless --convert-to pdf --outdir "$TMP" "$xlsx" \
		>"$TMP/soffice.log" 2>&1
	pdf="$TMP/$name.pdf"
	[ -s "$pdf" ] || { fail "$name: no PDF ($(cat "$TMP/soffice.log"))"; return; }
	pdftotext -layout -f 1 -l 1 "$pdf" "$TMP/$name.p1.txt"
	pdftotext -f 2 -l 2 "$pdf" "$TMP/$name.p2.txt"
	pdftotext "$pdf" "$TMP/$name.txt"
	"$WA_BIN" score "$session" --format tsv >"$TMP/$name.tsv"
	total=$(awk -F'\t' '$1 == "total" { print $2 " " $3 }' "$TMP/$name.tsv")
	set -- $total
	grep -q "Endpunktzahl  *$1  *$2" "$TMP/$name.p1.txt" ||
		fail "$name: page 1 lacks Endpunktzahl $1 of $2"
	passed=$(awk -F'\t' '$1 == "passed" { print $2 }' "$TMP/$name.tsv")
	provisional=$(awk -F'\t' '$1 == "provisional" { print $2 }' "$TMP/$name.tsv")
	if [ "$provisional" = yes ]; then verdict="vorläufig"
	elif [ "$passed" = yes ]; then verdict="bestanden"
	else verdict="nicht bestanden"; fi
	grep -q "^ *Ergebnis  *$verdict *\$" "$TMP/$name.p1.txt" ||
		fail "$name: page 1 lacks 'Ergebnis $verdict'"
	if [ "$provisional" = yes ]; then
		grep -q "VORLÄUFIG" "$TMP/$name.p1.txt" || fail "$name: no VORLÄUFIG mark"
	elif grep -q "VORLÄUFIG" "$TMP/$name.p1.txt"; then
		fail "$name: VORLÄUFIG on a final result"
	fi
	kommune=$("$WA_BIN" dump "$session" | awk -F'\t' '$1 == "meta.kommune" { print $2 }')
	grep -qF "$kommune" "$TMP/$name.p1.txt" || fail "$name: page 1 lacks Kommune $kommune"
	grep -q "Punkte bis zum Siegel" "$TMP/$name.p1.txt" ||
		fail "$name: Ergebnis does not fit on page 1"
	grep -q "Seite 1 von" "$TMP/$name.p1.txt" || fail "$name: no page x of y footer"
	grep -q "Vertraulich – die Punktzahl wird nicht veröffentlicht" "$TMP/$name.p1.txt" ||
		fail "$name: no confidentiality footer"
	grep -q "^Frage$" "$TMP/$name.p2.txt" || fail "$name: page 2 is not Bewertung"
	# Bewertung spans several pages: its header row is printed on each
	pdftotext -layout "$pdf" "$TMP/$name.layout.txt"
	heads=$(grep -c "^ *Nr  *Handlungsfeld  *Frage  *Antwort  *Punkte  *Maximum" "$TMP/$name.layout.txt")
	[ "$heads" -ge 2 ] || fail "$name: Bewertung header printed $heads times"
	# every Frage text appears whole
	"$WA_BIN" questions >"$TMP/questions.tsv"
	"$PY" - "$TMP/$name.txt" "$TMP/questions.tsv" <<'PYEOF' || fail "$name: row text cut off"
import re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
missing = []
for line in open(sys.argv[2], encoding="utf-8"):
    frage = re.sub(r"\s+", " ", line.rstrip("\n").split("\t")[5])
    if frage not in text:
        missing.append(frage)
for m in missing:
    print("not whole in the PDF:", m)
sys.exit(1 if missing else 0)
PYEOF
}

mkdir "$TMP/ex" "$TMP/prov"
example=$("$WA_BIN" load "$WA_SRCDIR/data/beispiel-sitzung.txt" --dir "$TMP/ex") || exit 99
render "$example" beispiel
prov=$("$WA_BIN" new --kommune "Groß-Gerau" --datum 2026-11-23 --dir "$TMP/prov") || exit 99
"$WA_BIN" set "$prov" strategie.ratsbeschluss ja --note "=1+1" >/dev/null || exit 99
"$WA_BIN" set "$prov" strategie.leitbild mit_zielen >/dev/null || exit 99
render "$prov" vorlaeufig
[ "$fails" -eq 0 ] || exit 1
echo "export render: 2 workbooks rendered and checked"

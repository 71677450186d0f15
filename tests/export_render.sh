#!/bin/sh
# export_render.sh: renders exported workbooks with LibreOffice (headless,
# forced to recalculate every formula on load) and checks the printed
# document page by page with pdftotext:
# - page 1 holds the Kommune, the Endpunktzahl and the result as `score
#   --format tsv` computes them (so the formulas agree with the score
#   module), the Ergebnis sheet fits on page 1, a provisional result (open
#   questions, or not yet Abgeschlossen) shows VORLÄUFIG, a final one does
#   not, and the footer says "Seite x von y";
# - every page names its sheet in the page header ("Ergebnisformular –
#   Nachweise"), the sheets come in workbook order and none is missing;
# - page 1 or 2 lists every agreed Entwicklungsziel with its deadline and
#   every outstanding piece of evidence (fehlt, nachzureichen) with its due
#   date;
# - no page carries the note on the formulas, and no "###";
# - the Bewertung headings repeat on each of its pages, and every Frage text
#   of the form appears whole (no row cut off);
# - the internal variant names itself on every page and has the notes;
# - a logo given with --logo is drawn on page 1.
# Covers the example session, Abgeschlossen (and reports its page count, at
# most 6), and a provisional session in the Gespräch made with new + set. Skips (77) without LibreOffice
# ($WA_SOFFICE) or poppler-utils; fails when data/beispiel-sitzung.txt is
# missing.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if [ -z "$WA_SOFFICE" ] || [ "$WA_SOFFICE" = no ] || [ ! -x "$WA_SOFFICE" ]; then
	echo "SKIP: LibreOffice not found (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfimages >/dev/null 2>&1; then
	echo "SKIP: pdftotext or pdfimages not found (apt-get install poppler-utils)"
	exit 77
fi
if [ ! -f "$WA_SRCDIR/data/beispiel-sitzung.txt" ]; then
	echo "FAIL: data/beispiel-sitzung.txt is missing"
	exit 1
fi
TMP=$(mktemp -d) || exit 99
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
SHEETS="Ergebnis Nachweise Entwicklungsziele Empfehlungen Bewertung"

# A LibreOffice profile that recalculates OOXML formulas on load.
mkdir -p "$TMP/home/.config/libreoffice/4/user"
cat >"$TMP/home/.config/libreoffice/4/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

# to_pdf NAME: convert $TMP/NAME.xlsx, split the text into NAME.pN.txt.
to_pdf() {
	HOME="$TMP/home" "$WA_SOFFICE" --headless --convert-to pdf --outdir "$TMP" \
		"$TMP/$1.xlsx" >"$TMP/soffice.log" 2>&1
	[ -s "$TMP/$1.pdf" ] || { fail "$1: no PDF ($(cat "$TMP/soffice.log"))"; return 1; }
	pages=$(pdfinfo "$TMP/$1.pdf" | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "$pages" ]; do
		pdftotext -layout -f "$p" -l "$p" "$TMP/$1.pdf" "$TMP/$1.p$p.txt"
		p=$((p + 1))
	done
	pdftotext "$TMP/$1.pdf" "$TMP/$1.txt"
	pdftotext -layout "$TMP/$1.pdf" "$TMP/$1.layout.txt"
}

# sheet_order NAME [intern]: every page's header names a sheet, in workbook
# order, each sheet at least once; the internal variant says so on each.
sheet_order() {
	name=$1 internal=$2
	last=0 seen=""
	p=1
	while [ -f "$TMP/$name.p$p.txt" ]; do
		head=$(head -n 3 "$TMP/$name.p$p.txt" | tr -s ' ')
		found=0 i=0
		for s in $SHEETS; do
			i=$((i + 1))
			case "$head" in *"Ergebnisformular – $s"*) found=$i ;; esac
		done
		if [ "$found" -eq 0 ]; then
			fail "$name page $p names no sheet: $head"
		elif [ "$found" -lt "$last" ]; then
			fail "$name page $p: sheet $found after sheet $last"
		fi
		[ "$found" -gt 0 ] && last=$found && seen="$seen $found"
		if [ -n "$internal" ]; then
			case "$head" in *"interne Fassung der IHK"*) ;; *) fail "$name page $p: not marked internal" ;; esac
		elif grep -q "interne Fassung" "$TMP/$name.p$p.txt"; then
			fail "$name page $p: the town's copy is marked internal"
		fi
		grep -q "Formeln über" "$TMP/$name.p$p.txt" && fail "$name page $p prints the note on the formulas"
		grep -q "###" "$TMP/$name.p$p.txt" && fail "$name page $p prints ###"
		p=$((p + 1))
	done
	for i in 1 2 3 4 5; do
		case " $seen " in *" $i "*) ;; *) fail "$name: sheet $i never printed" ;; esac
	done
}

# render SESSION NAME: export, convert, check page 1 against the score.
render() {
	session=$1 name=$2
	"$WA_BIN" export "$session" -o "$TMP/$name.xlsx" >/dev/null || { fail "$name: export"; return; }
	to_pdf "$name" || return
	p1="$TMP/$name.p1.txt"
	"$WA_BIN" score "$session" --format tsv >"$TMP/$name.tsv"
	total=$(awk -F'\t' '$1 == "total" { print $2 " " $3 }' "$TMP/$name.tsv")
	set -- $total
	grep -q "Endpunktzahl  *$1  *$2" "$p1" || fail "$name: page 1 lacks Endpunktzahl $1 of $2"
	passed=$(awk -F'\t' '$1 == "passed" { print $2 }' "$TMP/$name.tsv")
	provisional=$(awk -F'\t' '$1 == "provisional" { print $2 }' "$TMP/$name.tsv")
	if [ "$provisional" = yes ]; then verdict="vorläufig"
	elif [ "$passed" = yes ]; then verdict="bestanden"
	else verdict="nicht bestanden"; fi
	grep -q "^ *Ergebnis  *$verdict *\$" "$p1" || fail "$name: page 1 lacks 'Ergebnis $verdict'"
	# VORLÄUFIG until the result is final: no question open, Abgeschlossen
	phase=$("$WA_BIN" phase "$session" | cut -f1)
	if [ "$provisional" = yes ] || [ "$phase" != abgeschlossen ]; then
		grep -q "VORLÄUFIG" "$p1" || fail "$name: no VORLÄUFIG mark"
	elif grep -q "VORLÄUFIG" "$p1"; then
		fail "$name: VORLÄUFIG on a final result"
	fi
	kommune=$("$WA_BIN" dump "$session" | awk -F'\t' '$1 == "meta.kommune" { print $2 }')
	grep -qF "$kommune" "$p1" || fail "$name: page 1 lacks Kommune $kommune"
	grep -q "Punkte bis zum Siegel" "$p1" || fail "$name: Ergebnis does not fit on page 1"
	grep -q "Stempel der IHK" "$p1" || fail "$name: no room for the IHK's stamp"
	grep -q "Unterschrift für die" "$p1" || fail "$name: no signature line for the IHK"
	grep -q "Seite 1 von" "$p1" || fail "$name: no page x of y footer"
	grep -q "Vertraulich – die Punktzahl wird nicht veröffentlicht" "$p1" ||
		fail "$name: no confidentiality footer"
	sheet_order "$name"
	# Bewertung spans several pages: its headings are printed on each
	heads=$(grep -c "^ *Nr  *Frage  *Antwort  *Punkte  *Maximum  *Nachweis" "$TMP/$name.layout.txt")
	[ "$heads" -ge 2 ] || fail "$name: Bewertung headings printed $heads times"
	# every Frage text appears whole in Bewertung's Frage column
	"$WA_BIN" questions >"$TMP/questions.tsv"
	pdftotext -bbox "$TMP/$name.pdf" "$TMP/$name.bbox.html"
	"$PY" "$WA_SRCDIR/tests/export_render_rows.py" "$TMP/$name.bbox.html" "$TMP/questions.tsv" || fail "$name: row text cut off"
	# page 1 or 2: the goals with their deadlines, the outstanding evidence
	# with its due dates
	cat "$TMP/$name.p1.txt" "$TMP/$name.p2.txt" >"$TMP/$name.front.txt"
	"$WA_BIN" dump "$session" >"$TMP/$name.dump"
	"$PY" "$WA_SRCDIR/tests/export_render_front.py" "$TMP/$name.front.txt" "$TMP/$name.dump" "$WA_SRCDIR/forms/wohnort-muster.yaml" ||
		fail "$name: page 1 or 2 lacks goals or outstanding evidence"
}

mkdir "$TMP/ex" "$TMP/prov"
example=$("$WA_BIN" load "$WA_SRCDIR/data/beispiel-sitzung.txt" --dir "$TMP/ex") || exit 99
# its result is communicated: a final Ergebnisformular, without VORLÄUFIG
"$WA_BIN" phase "$example" abgeschlossen >/dev/null || exit 99
render "$example" beispiel
pages=$(pdfinfo "$TMP/beispiel.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "example session: ${pages:-?} printed pages"
[ "${pages:-99}" -le 6 ] || fail "the example prints on $pages pages, more than 6"

prov=$("$WA_BIN" new --kommune "Groß-Gerau" --datum 2026-11-23 --dir "$TMP/prov") || exit 99
"$WA_BIN" set "$prov" strategie.ratsbeschluss ja --note "=1+1" --evidence fehlt >/dev/null || exit 99
"$WA_BIN" set "$prov" strategie.leitbild mit_zielen --evidence nachzureichen --due 2026-12-18 >/dev/null || exit 99
"$WA_BIN" set "$prov" goal.1.ziel "Willkommenspaket auflegen" >/dev/null || exit 99
"$WA_BIN" set "$prov" goal.1.frist 2028-06-30 >/dev/null || exit 99
render "$prov" vorlaeufig

# the internal variant, with a logo
"$PY" "$WA_SRCDIR/tests/export_images.py" png "$TMP/logo.png" || exit 99
"$WA_BIN" export "$example" --intern --logo "$TMP/logo.png" -o "$TMP/intern.xlsx" >/dev/null ||
	fail "export --intern --logo"
if to_pdf intern; then
	sheet_order intern yes
	grep -q "INTERNE FASSUNG" "$TMP/intern.p1.txt" || fail "intern: page 1 not marked"
	grep -q "Notiz" "$TMP/intern.txt" || fail "intern: no Notiz column"
	tr -s ' \n' '  ' <"$TMP/intern.txt" | grep -q "Beschluss der Stadtverordnetenversammlung" ||
		fail "intern: the example's note is not printed"
	images=$(pdfimages -f 1 -l 1 -list "$TMP/intern.pdf" | awk 'NR > 2' | wc -l)
	[ "$images" -ge 1 ] || fail "intern: the logo is not drawn on page 1"
fi
tr -s ' \n' '  ' <"$TMP/beispiel.txt" | grep -q "Stadtverordnetenversammlung" &&
	fail "the town's copy prints the auditor's note"
[ "$fails" -eq 0 ] || exit 1
echo "export render: 3 workbooks rendered and checked"

#!/bin/sh
# tests/compare_cli.sh: re-audits across Prüfbogen editions on the command
# line, with the two shipped model editions. check-form checks the 2026
# edition's mapping against the 2023 one found beside it, reports a broken
# mapping at FILE:LINE:COLUMN (exit 2) and says when the earlier edition is
# not at hand; `new --vorher` across the editions says how they map and
# keeps a copy of the previous audit, so `compare` works after the old file
# is gone; `compare` as text, tsv and JSON (JSON and tsv agree; numbers the
# same in a German locale), refusing another Kommune (unless --force), the
# younger audit first and a session without a previous one; the workbook's
# sheet Entwicklung agrees with `compare --format tsv` number by number
# (tests/compare_readback.py, openpyxl; skipped without it) and passes the
# structure check Excel needs.
set -u
: "${WA_BIN:?WA_BIN not set}" "${WA_SRCDIR:?WA_SRCDIR not set}"
PY=${WA_PYTHON3:-/usr/bin/python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-compare-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
OLD=$WA_SRCDIR/forms/wohnort-muster.yaml
NEW=$WA_SRCDIR/forms/wohnort-muster-2026.yaml
D=$T/sessions
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
# run WANT WHAT CMD...: CMD exits WANT; stdout in $T/out, stderr in $T/err
run() {
	want=$1 what=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then ok "$what"; else
		fail "$what: exit $rc, want $want"
		sed 's/^/  | /' "$T/err"
	fi
}
has() { grep -qF -- "$2" "$1" || { fail "$3: lacks „$2“"; sed 's/^/  | /' "$1"; }; }

# --- check-form: the mapping against the earlier edition -------------------
run 0 "check-form finds the 2023 edition beside the 2026 one" "$WA_BIN" check-form "$NEW"
has "$T/out" "ersetzt wohnort-muster, Ausgabe 2023-05-11 (Zuordnung geprüft gegen" "check-form"
mkdir "$T/forms"
cp "$NEW" "$T/forms/neu.yaml"
run 0 "check-form without the earlier edition" "$WA_BIN" check-form "$T/forms/neu.yaml"
has "$T/out" "Zuordnung nicht geprüft" "check-form alone"
# a retired question left out: reported at the replaces entry
sed 's/retired: \[zuzug.randoeffnungszeiten, lebensqualitaet.maengelmelder\]/retired: [zuzug.randoeffnungszeiten]/' \
	"$NEW" >"$T/forms/neu.yaml"
line=$(grep -n '^  - form: wohnort-muster' "$T/forms/neu.yaml" | cut -d: -f1)
run 2 "check-form: a question of 2023 that vanishes" "$WA_BIN" check-form "$T/forms/neu.yaml" "$OLD"
has "$T/err" "$T/forms/neu.yaml:$line:5: question 'lebensqualitaet.maengelmelder' of edition 2023-05-11 is not in this form" "vanished question"
[ -s "$T/out" ] && grep -q "neu.yaml: gültig" "$T/out" && fail "a broken mapping was called valid"
# a rename onto a question whose type cannot take the answers
sed 's/      zuzug.online_dienste: zuzug.digitale_dienste/      zuzug.online_dienste: lebensqualitaet.besonderheiten/' \
	"$NEW" >"$T/forms/neu.yaml"
line=$(grep -n 'zuzug.online_dienste: lebensqualitaet' "$T/forms/neu.yaml" | cut -d: -f1)
run 2 "check-form: a type change that cannot carry over" "$WA_BIN" check-form "$T/forms/neu.yaml" "$OLD"
has "$T/err" "neu.yaml:$line:7: 'zuzug.online_dienste' (number) cannot carry its answers over to 'lebensqualitaet.besonderheiten' (text)" "type change"

# --- a re-audit across the editions ------------------------------------------
P=$("$WA_BIN" new --dir "$D" --kommune "Schwäbisch Gmünd" --datum 2023-03-12 2>/dev/null) || fail "new"
for kv in "strategie.ratsbeschluss ja" "strategie.leitbild erwaehnt" "zuzug.online_dienste 12" \
	"zuzug.randoeffnungszeiten ja" "familie.kita_anmeldung nein" "international.anerkennung ja" \
	"lebensqualitaet.paten ja" "lebensqualitaet.maengelmelder nein" "goal.1.ziel Willkommenspaket"; do
	# shellcheck disable=SC2086
	"$WA_BIN" set "$P" $kv >/dev/null 2>&1 || fail "set $kv"
done
run 0 "new --vorher across editions" "$WA_BIN" new --dir "$D" --kommune "Schwäbisch Gmünd" \
	--datum 2026-11-23 --form "$NEW" --vorher "$P"
R=$(cat "$T/out")
has "$T/err" "Prüfbogen 11.05.2023 → 01.03.2026: 3 umbenannt, 2 entfallen, 2 neu" "new --vorher notice"
"$WA_BIN" dump "$R" | cut -f1 | grep -qx "previous.dump" || fail "the re-audit keeps no copy of the previous audit"
for kv in "strategie.ratsbeschluss ja" "strategie.leitbild mit_zielen" "zuzug.digitale_dienste 20" \
	"international.anerkennung eigene" "zuzug.willkommenslotsen nein" \
	"lebensqualitaet.klimaanpassung konzept" "prevgoal.1 erreicht"; do
	# shellcheck disable=SC2086
	"$WA_BIN" set "$R" $kv >/dev/null 2>&1 || fail "set $kv"
done

run 0 "compare text" "$WA_BIN" compare "$P" "$R"
has "$T/out" "Entwicklung: Schwäbisch Gmünd" "compare text"
has "$T/out" "Methode geändert" "compare text"
has "$T/out" "Veränderte Antworten: 2 besser, 1 schlechter" "compare text"
run 0 "compare tsv" "$WA_BIN" compare "$P" "$R" --format tsv
cp "$T/out" "$T/tsv"
has "$T/tsv" "section	zuzug	3	32	9.4	2	32	6.3	-1	points	same" "zuzug compared in points"
has "$T/tsv" "section	strategie	6	26	23.1	9	27	33.3	10.2	percent	changed" "strategie in percent"
has "$T/tsv" "bonus	0	3	3" "Sonderpunkte"
has "$T/tsv" "question	worse	zuzug.willkommenslotsen	lebensqualitaet.paten	renamed	2	2	100.0	0	2	0.0	Ja	Nein" "renamed question worse"
has "$T/tsv" "question	retired	-	zuzug.randoeffnungszeiten	retired	2	2	100.0	-	-	-	Ja	–" "retired question listed"
has "$T/tsv" "question	new	lebensqualitaet.klimaanpassung	-	new" "new question listed"
LC_ALL=de_DE.UTF-8 "$WA_BIN" compare "$P" "$R" --format tsv >"$T/tsv-de" 2>/dev/null
cmp -s "$T/tsv" "$T/tsv-de" || fail "compare --format tsv depends on the locale"
run 0 "compare json" "$WA_BIN" compare "$P" "$R" --format json
"$PY" - "$T/out" "$T/tsv" <<'EOF' || fail "json and tsv disagree"
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
tsv = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
sec = [l for l in tsv if l[0] == "section"]
assert [s["id"] for s in j["sections"]] == [l[1] for l in sec]
for s, l in zip(j["sections"], sec):
    assert (s["then"]["points"], s["then"]["max"], s["now"]["points"], s["now"]["max"]) == \
        tuple(int(x) for x in (l[2], l[3], l[5], l[6])), s
    assert str(s["difference"]) == l[8], (s, l)
qs = [l for l in tsv if l[0] == "question"]
assert [q["change"] for q in j["questions"]] == [l[1] for l in qs]
total = next(l for l in tsv if l[0] == "total")
assert j["total"]["now"]["points"] == int(total[4])
EOF
# one operand: the copy kept inside; it works when the old file is gone
"$WA_BIN" compare "$R" --format tsv >"$T/tsv1" 2>"$T/err" || fail "compare SESSION"
cmp -s "$T/tsv" "$T/tsv1" || fail "compare SESSION differs from compare PREV SESSION"
mv "$P" "$T/weg.cdb"
"$WA_BIN" compare "$R" --format tsv >"$T/tsv2" 2>"$T/err" || fail "compare after the old file is gone"
cmp -s "$T/tsv" "$T/tsv2" || fail "the kept copy compares differently"
mv "$T/weg.cdb" "$P"

# refusals
X=$("$WA_BIN" new --dir "$D" --kommune "Aalen" --datum 2024-01-01 2>/dev/null)
run 2 "compare another Kommune" "$WA_BIN" compare "$P" "$X"
has "$T/err" "verschiedene Kommunen" "another Kommune"
run 0 "compare another Kommune with --force" "$WA_BIN" compare "$P" "$X" --force
run 2 "compare the younger audit first" "$WA_BIN" compare "$R" "$P"
has "$T/err" "jünger" "younger first"
run 2 "compare a session without a previous audit" "$WA_BIN" compare "$P"
has "$T/err" "kein vorheriges Audit gespeichert" "no previous"
run 1 "compare with three sessions" "$WA_BIN" compare "$P" "$R" "$X"

# --- the workbook: sheet Entwicklung agrees with compare --------------------
run 0 "export of the re-audit" "$WA_BIN" export "$R" -o "$T/r.xlsx"
if "$PY" -c 'import openpyxl' 2>/dev/null; then
	"$PY" "$WA_SRCDIR/tests/compare_readback.py" "$T/r.xlsx" "$T/tsv" || fail "Entwicklung disagrees with compare"
	"$PY" "$WA_SRCDIR/tests/export_structure.py" --check "$T/r.xlsx" >/dev/null ||
		fail "the workbook with Entwicklung fails the structure check"
	"$WA_BIN" export "$P" -o "$T/p.xlsx" >/dev/null 2>&1 || fail "export of the first audit"
	"$PY" -c 'import openpyxl, sys; sys.exit("Entwicklung" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' \
		"$T/p.xlsx" || fail "an Erstaudit got a sheet Entwicklung"
else
	echo "SKIP: no openpyxl, the workbook read-back did not run"
	[ "$fails" -eq 0 ] && exit 77
fi

echo "compare_cli: $fails failures"
[ "$fails" -eq 0 ]

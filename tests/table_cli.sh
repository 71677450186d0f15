#!/bin/sh
# tests/table_cli.sh: the Dokumentationstabelle through the command line, as
# the auditor and the town use it. `table` writes it beside the session (and
# refuses to overwrite it without --force); the town fills it with openpyxl
# (tests/table_fill.py: every question type, umlauts, quotes, line breaks,
# dates, multi options marked Ja/Nein/x, master data, participants, a goal);
# `import` takes every value (compared with `dump`), prints the count, keeps
# the auditor's answers as they were and writes the import record; a table
# with values it cannot read names each cell, takes the rest and exits 4; a
# second import replaces the town layer. Skips (77) without python3-openpyxl
# or python3-yaml.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import openpyxl, yaml' 2>/dev/null; then
	echo "SKIP: python3-openpyxl or python3-yaml missing"
	exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-table.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
FORM=$WA_SRCDIR/forms/wohnort-muster.yaml

# town_lines SESSION: the town.* lines of the dump without the import record, sorted
town_lines() {
	"$WA_BIN" dump "$1" | grep '^town\.' | grep -v '^town\.import_' | LC_ALL=C sort
}
# other_lines SESSION: every other line but the bookkeeping of a save and the
# change history (which records the import)
other_lines() {
	"$WA_BIN" dump "$1" | grep -v '^town\.' | grep -v '^session\.\(generation\|saved\|history\.\)'
}

S=$("$WA_BIN" new --dir "$T" --kommune "Steinbach (Taunus)" --datum 2026-11-20 \
	--ihk "IHK Frankfurt am Main" 2>/dev/null) || { echo "FAIL: new"; exit 1; }
"$WA_BIN" set "$S" strategie.ratsbeschluss nein || fail "set"

# --- table: beside the session, never over an existing file without --force
out=$("$WA_BIN" table "$S") || fail "table: exit $?"
want="$T/steinbach-taunus-2026-11-20-dokumentationstabelle.xlsx"
[ "$out" = "$want" ] || fail "table printed '$out', want '$want'"
[ -s "$want" ] || fail "table wrote nothing"
cp "$want" "$T/copy.xlsx"
"$WA_BIN" table "$S" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "table over an existing file: exit $rc, want 2"
grep -q -- "--force" "$T/err" || fail "table over an existing file: $(cat "$T/err")"
cmp -s "$want" "$T/copy.xlsx" || fail "table changed the existing file without --force"
"$WA_BIN" table "$S" --force >/dev/null || fail "table --force"
"$WA_BIN" table "$S" -o "$T/x.cdb" >/dev/null 2>&1 && fail "table -o x.cdb was written"
[ ! -e "$T/x.cdb" ] || fail "table -o x.cdb left a file"

# --- the town fills it in; import takes every value
"$PY" "$WA_SRCDIR/tests/table_fill.py" "$FORM" "$want" "$T/filled.xlsx" \
	"$T/expect.txt" "$T/count.txt" || { echo "FAIL: table_fill.py"; exit 1; }
[ "$(wc -l <"$T/expect.txt")" -ge 60 ] || fail "the fill script wrote too few values"
other_lines "$S" >"$T/before.txt"
"$WA_BIN" import "$S" "$T/filled.xlsx" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "import: exit $rc: $(cat "$T/err")"
[ ! -s "$T/err" ] || fail "import said on stderr: $(cat "$T/err")"
head -1 "$T/out" | cmp -s - "$T/count.txt" ||
	fail "import count: '$(head -1 "$T/out")', want '$(cat "$T/count.txt")'"
grep -qx "außerdem übernommen: Stammdaten 3, Teilnehmende 2, vorgeschlagene Ziele 1" "$T/out" ||
	fail "import: second line '$(sed -n 2p "$T/out")'"
town_lines "$S" >"$T/got.txt"
if ! cmp -s "$T/expect.txt" "$T/got.txt"; then
	fail "the town layer differs from what the town filled in:"
	diff "$T/expect.txt" "$T/got.txt" | head -20
fi
other_lines "$S" >"$T/after.txt"
cmp -s "$T/before.txt" "$T/after.txt" || {
	fail "import changed the auditor's records:"
	diff "$T/before.txt" "$T/after.txt" | head
}
"$WA_BIN" dump "$S" | grep -qx "town.import_file	filled.xlsx" || fail "no import record (file)"
"$WA_BIN" dump "$S" | grep -q "^town.import_time	20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]*Z$" ||
	fail "no import record (time)"
"$WA_BIN" dump "$S" | grep -qx "town.import_edition	2023-05-11" || fail "no import record (edition)"
[ -f "$S.prev" ] || fail "the import's save kept no .prev"

# --- values the import cannot read: named by cell, the rest taken, exit 4
"$WA_BIN" set "$S" town.lebensqualitaet.besonderheiten:text "vom ersten Import" || fail "set town"
"$PY" "$WA_SRCDIR/tests/table_fill.py" "$FORM" "$want" "$T/bad.xlsx" \
	"$T/expect-bad.txt" "$T/count-bad.txt" --bad "$T/problems.txt" ||
	{ echo "FAIL: table_fill.py --bad"; exit 1; }
"$WA_BIN" import "$S" "$T/bad.xlsx" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 4 ] || fail "import with unreadable values: exit $rc, want 4"
while IFS= read -r p; do
	grep -qF "wohnort-audit: nicht übernommen: $p" "$T/err" || fail "no message for $p"
done <"$T/problems.txt"
[ "$(grep -c "nicht übernommen" "$T/err")" -eq "$(wc -l <"$T/problems.txt")" ] ||
	fail "import named other cells: $(cat "$T/err")"
head -1 "$T/out" | cmp -s - "$T/count-bad.txt" ||
	fail "import count: '$(head -1 "$T/out")', want '$(cat "$T/count-bad.txt")'"
town_lines "$S" >"$T/got.txt"
cmp -s "$T/expect-bad.txt" "$T/got.txt" || {
	fail "after the partial import:"
	diff "$T/expect-bad.txt" "$T/got.txt" | head -20
}

# --- a refused file changes nothing
cp "$S" "$T/snapshot"
"$WA_BIN" import "$S" "$FORM" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || fail "import of a YAML file: exit $rc"
grep -q "^wohnort-audit: import: $FORM: " "$T/err" || fail "message does not name the file: $(cat "$T/err")"
cmp -s "$S" "$T/snapshot" || fail "a refused import changed the session file"

# --- import and table in the German locale give the same
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	S2=$("$WA_BIN" new --dir "$T" --kommune "Steinbach (Taunus)" --datum 2026-11-21 2>/dev/null)
	LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$WA_BIN" import "$S2" "$T/filled.xlsx" >/dev/null 2>&1 ||
		fail "import in de_DE.UTF-8"
	town_lines "$S2" | grep -v '^town\.meta\.kommune' >"$T/de.txt"
	grep -v '^town\.meta\.kommune' "$T/expect.txt" | cmp -s - "$T/de.txt" ||
		fail "import in de_DE.UTF-8 gives other values"
fi

if [ "$fails" -gt 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "ok: $(wc -l <"$T/expect.txt") values written, filled, read back; $(wc -l <"$T/problems.txt") unreadable named"

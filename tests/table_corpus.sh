#!/bin/sh
# tests/table_corpus.sh: broken and hostile files through `import`. Every
# workbook of the readers' corpus (tests/corpus/xlsx: valid workbooks that
# are no Dokumentationstabelle, and hostile ones: not a ZIP, encrypted,
# macros, .ods, entities, invalid UTF-8 ...) and the tables made by
# tests/table_corpus.py (another edition or form, no mark, a sheet twice,
# 100,000 junk rows, a ZIP bomb, a 1 MB cell, entities, binary or broken
# CSV, an empty file), a directory, a FIFO and a missing file: each is
# refused with exit 2 and a message that starts with the file's name and
# says why, and the session file is byte for byte what it was, with no temp
# file beside it. How fast they are refused is measured by `make bench`.
# Skips (77) without python3-openpyxl.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	echo "SKIP: python3-openpyxl missing"
	exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-table-corpus.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
fails=0
checked=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

S=$("$WA_BIN" new --dir "$T" --kommune "Steinbach (Taunus)" --datum 2026-11-20 2>/dev/null) ||
	{ echo "FAIL: new"; exit 1; }
"$WA_BIN" set "$S" town.strategie.ratsbeschluss ja || { echo "FAIL: set"; exit 1; }
cp "$S" "$T/snapshot"
cp "$S.prev" "$T/snapshot.prev"
"$WA_BIN" table "$S" -o "$T/tabelle.xlsx" >/dev/null || { echo "FAIL: table"; exit 1; }
mkdir "$T/c"
"$PY" "$WA_SRCDIR/tests/table_corpus.py" "$T/tabelle.xlsx" "$T/c" >"$T/cases" ||
	{ echo "FAIL: table_corpus.py"; exit 1; }

# refused FILE WORDS: import refuses FILE naming it and saying WORDS.
refused() {
	checked=$((checked + 1))
	timeout 60 "$WA_BIN" import "$S" "$1" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -ne 2 ]; then
		fail "$1: exit $rc, want 2 ($(head -3 "$T/err"))"
		return
	fi
	head -1 "$T/err" | grep -qF "wohnort-audit: import: $1: " ||
		fail "$1: the message does not start with the file: $(head -1 "$T/err")"
	grep -qF -- "$2" "$T/err" || fail "$1: the message lacks „$2“: $(head -1 "$T/err")"
	[ "$(wc -l <"$T/err")" -le 3 ] || fail "$1: $(wc -l <"$T/err") lines of messages"
	[ ! -s "$T/out" ] || fail "$1: printed a count: $(cat "$T/out")"
	cmp -s "$S" "$T/snapshot" || fail "$1: the session file changed"
	cmp -s "$S.prev" "$T/snapshot.prev" || fail "$1: a save was made (.prev changed)"
	ls -a "$T" | grep -q "tmp-" && fail "$1: a temp file was left"
}

for f in "$WA_SRCDIR"/tests/corpus/xlsx/*.xlsx; do
	refused "$f" "$(basename "$f")"
done
while IFS='	' read -r name words; do
	refused "$T/c/$name" "$words"
done <"$T/cases"
mkdir "$T/verzeichnis"
refused "$T/verzeichnis" "keine gewöhnliche Datei"
mkfifo "$T/fifo"
refused "$T/fifo" "keine gewöhnliche Datei"
# the system's words for a missing file, in the locale the test runs in
refused "$T/gibt-es-nicht.xlsx" "$(cat "$T/gibt-es-nicht.xlsx" 2>&1 | sed 's/.*: //')"
# another edition names both
timeout 60 "$WA_BIN" import "$S" "$T/c/andere-ausgabe.xlsx" 2>&1 | grep -q "Ausgabe 11.05.2023" ||
	fail "another edition: the session's edition is not named"

[ "$checked" -ge 40 ] || fail "only $checked files checked"
if [ "$fails" -gt 0 ]; then
	echo "$fails failure(s)"
	exit 1
fi
echo "ok: $checked broken or hostile files refused, the session unchanged"

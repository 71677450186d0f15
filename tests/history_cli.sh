#!/bin/sh
# tests/history_cli.sh: the change history, the phases and the
# Änderungsprotokoll through the command line. `history` prints every
# change as TSV (one entry a line, nine fields, UTC, tab, newline and
# backslash escaped) and as German text in local time; a record, a question
# id or its number selects the entries of that question. `phase` prints
# and moves the phase; after Abgeschlossen `set` and `phase` refuse a
# change without --grund (nothing changes) and record the reason given.
# Linking the previous audit is one change. `dump` carries the history and
# the phase, `load` gives them back unchanged, and a dump from before them
# loads in the Gespräch with an empty history. `export --protokoll` adds
# the sheet Änderungsprotokoll, which matches the history (the town's
# variant without the notes), written in the German locale; without the
# option there is no such sheet.
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-history.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
chmod 700 "$T"
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
# tsv_field SESSION N [KEY]: field N of every TSV line, one a line
tsv_field() {
	"$WA_BIN" history "$1" ${3:+"$3"} --format tsv | cut -f"$2"
}
LOCALE=de_DE.UTF-8
locale -a 2>/dev/null | grep -qix 'de_DE.utf8' || LOCALE=C.UTF-8
export TZ=Europe/Berlin

S=$("$WA_BIN" new --dir "$T" --kommune "Hanau" --datum 2026-11-23 --auditor "Dr. Ada Prüfer" \
	2>/dev/null) || { echo "FAIL: new"; exit 1; }
"$WA_BIN" set "$S" strategie.ratsbeschluss ja || fail "set ja"
"$WA_BIN" set "$S" strategie.ratsbeschluss:note "$(printf 'Zeile 1\nZeile\t2 \\ „Zitat“')" ||
	fail "set note"
"$WA_BIN" set "$S" strategie.ratsbeschluss nein || fail "set nein"
"$WA_BIN" set "$S" strategie.leitbild mit_zielen --evidence nachzureichen --due 2027-01-31 ||
	fail "set leitbild"
"$WA_BIN" set "$S" strategie.leitbild --evidence vorgelegt || fail "set evidence"
"$WA_BIN" set "$S" strategie.ratsbeschluss --clear || fail "set --clear"

# --- TSV: one entry a line, nine fields, in order
"$WA_BIN" history "$S" --format tsv >"$T/h.tsv" || fail "history --format tsv"
n=$(wc -l <"$T/h.tsv")
[ "$n" -eq 12 ] || { cat "$T/h.tsv"; fail "history: $n entries, want 12"; }
awk -F'\t' 'NF != 9 { exit 1 }' "$T/h.tsv" || fail "history: a TSV line without nine fields"
grep -qv '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z	' "$T/h.tsv" &&
	fail "history: a time that is not UTC"
# one command, one change: new (3 records), set with --evidence --due (3),
# the evidence that clears the due date (2)
cut -f4 "$T/h.tsv" | tr '\n' ' ' | grep -qx '1 1 1 2 3 4 5 5 5 6 6 7 ' ||
	fail "history: change numbers $(cut -f4 "$T/h.tsv" | tr '\n' ' ')"
cut -f6-8 "$T/h.tsv" >"$T/kv"
# compare what matters line by line: key, old, new
grep -qxF "$(printf 'strategie.ratsbeschluss\tja\tnein')" "$T/kv" || fail "history: ja -> nein missing"
grep -qxF "$(printf 'strategie.ratsbeschluss:note\t\tZeile 1\\nZeile\\t2 \\\\ „Zitat“')" "$T/kv" ||
	fail "history: the note is not escaped as TSV"
grep -qxF "$(printf 'strategie.leitbild:evidence_due\t2027-01-31\t')" "$T/kv" ||
	fail "history: the due date cleared with the evidence is not recorded"
[ "$(sed -n 12p "$T/kv")" = "$(printf 'strategie.ratsbeschluss\tnein\t')" ] ||
	fail "history: the last entry is not the --clear"
# who: the auditor of the master data (the entry that sets it: the login name)
[ "$(sed -n 4p "$T/h.tsv" | cut -f3)" = "Dr. Ada Prüfer" ] || fail "history: who is not the auditor"
cut -f2 "$T/h.tsv" | sort -u | grep -qx gespraech || fail "history: phase not gespraech"

# --- one question, by id or by number; an unknown key
"$WA_BIN" history "$S" strategie.ratsbeschluss --format tsv >"$T/q.tsv" || fail "history KEY"
[ "$(wc -l <"$T/q.tsv")" -eq 4 ] || fail "history KEY: $(wc -l <"$T/q.tsv") entries, want 4"
"$WA_BIN" history "$S" 1.1 --format tsv | cmp -s - "$T/q.tsv" || fail "history 1.1 differs from the id"
"$WA_BIN" history "$S" strategie.ratsbeschluss:note --format tsv | grep -c . | grep -qx 1 ||
	fail "history KEY:note"
"$WA_BIN" history "$S" gibt.es.nicht >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "history with an unknown key does not exit 2"
grep -q "gibt.es.nicht" "$T/err" || fail "history: the unknown key is not named"

# --- text: local time, „old“ → „new“, the note's lines indented
LC_ALL=$LOCALE "$WA_BIN" history "$S" 1.1 >"$T/q.txt" || fail "history text"
utc=$(sed -n 1p "$T/q.tsv" | cut -f1)
when=$(date -d "$utc" +'%d.%m.%Y %H:%M:%S')
grep -q "^$when  Gespräch  Dr. Ada Prüfer  (Änderung 2)" "$T/q.txt" ||
	{ cat "$T/q.txt"; fail "history text: no head line at local time $when"; }
grep -qxF "  Frage 1.1: „ja“ → „nein“" "$T/q.txt" || fail "history text: ja → nein"
grep -qxF "  Frage 1.1: „nein“ → –" "$T/q.txt" || fail "history text: cleared"
grep -qxF "  Frage 1.1, Notiz: – → „Zeile 1" "$T/q.txt" || fail "history text: the note"
grep -qF "    Zeile	2 \\ „Zitat““" "$T/q.txt" || fail "history text: the note's second line"

# --- phase: print, move, refuse an unknown one
[ "$("$WA_BIN" phase "$S")" = "$(printf 'gespraech\tGespräch')" ] || fail "phase: not in the Gespräch"
"$WA_BIN" phase "$S" unterwegs >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "phase: an unknown phase does not exit 2"
grep -q "gespraech, auswertung, abgeschlossen" "$T/err" || fail "phase: allowed values not named"
"$WA_BIN" phase "$S" auswertung >/dev/null || fail "phase auswertung"
"$WA_BIN" phase "$S" abgeschlossen >/dev/null || fail "phase abgeschlossen"
[ "$(tsv_field "$S" 6 session.phase | tr '\n' ' ')" = "session.phase session.phase " ] ||
	fail "phase: the changes are not recorded"

# --- after Abgeschlossen: no change without --grund
before=$("$WA_BIN" history "$S" --format tsv | wc -l)
"$WA_BIN" set "$S" strategie.ratsbeschluss ja 2>"$T/err"
[ $? -eq 2 ] || fail "set after Abgeschlossen without --grund does not exit 2"
grep -q -- "--grund" "$T/err" || fail "set without --grund: the message does not say --grund"
"$WA_BIN" dump "$S" | grep -q "^strategie.ratsbeschluss	" && fail "set without --grund changed the answer"
"$WA_BIN" phase "$S" auswertung 2>/dev/null
[ $? -eq 2 ] || fail "phase after Abgeschlossen without --grund does not exit 2"
[ "$("$WA_BIN" history "$S" --format tsv | wc -l)" -eq "$before" ] ||
	fail "a refused change was recorded"
"$WA_BIN" phase "$S" abgeschlossen >/dev/null || fail "phase: the same phase again is refused"
"$WA_BIN" set "$S" strategie.ratsbeschluss ja --grund "Beschluss vom 3.11. nachgereicht" ||
	fail "set --grund"
last=$("$WA_BIN" history "$S" --format tsv | tail -n 1)
[ "$(printf '%s' "$last" | cut -f2,6,8,9)" = \
	"$(printf 'abgeschlossen\tstrategie.ratsbeschluss\tja\tBeschluss vom 3.11. nachgereicht')" ] ||
	fail "set --grund: entry $last"
"$WA_BIN" history "$S" 1.1 | grep -qx "  Grund: Beschluss vom 3.11. nachgereicht" ||
	fail "history text: no reason line"

# --- linking the previous audit is one change
R=$("$WA_BIN" new --dir "$T" --kommune "Hanau" --datum 2029-11-20 --vorher "$S" 2>/dev/null) ||
	fail "new --vorher"
"$WA_BIN" history "$R" --format tsv >"$T/r.tsv"
grep -q "	meta.vorher	" "$T/r.tsv" || fail "the link is not recorded"
link=$(grep "	meta.vorher	" "$T/r.tsv" | cut -f4)
[ "$(awk -F'\t' -v c="$link" '$4 == c' "$T/r.tsv" | wc -l)" -ge 3 ] ||
	fail "the link's records are not one change"
# the previous audit is Abgeschlossen: its copy is kept all the same, without
# its own history; people see the copy's entry shortened
"$WA_BIN" dump "$R" | grep -q '^previous\.dump	format\\t' || fail "no copy of the Abgeschlossen previous audit"
"$WA_BIN" dump "$R" | grep '^previous\.dump	' | grep -q 'session\.history\.' &&
	fail "the copy of the previous audit carries its change history"
"$WA_BIN" history "$R" >"$T/r.txt"
grep -q "^  Kopie des vorherigen Audits: – → „format	wohnort-audit-session 1$" "$T/r.txt" &&
	grep -q "… ([0-9]* Zeichen)“$" "$T/r.txt" ||
	fail "history text: the copy of the previous audit is not shortened"
# stored shortened (the session holds it whole): its entry is no second copy
grep "	previous.dump	" "$T/r.tsv" | cut -f8 | grep -q "… ([0-9]* Zeichen)$" ||
	fail "history: the copy of the previous audit is stored whole"

# --- dump and load carry history and phase
"$WA_BIN" dump "$S" >"$T/s.dump" || fail "dump"
grep -qx "session.phase	abgeschlossen" "$T/s.dump" || fail "dump: no phase"
[ "$(grep -c '^session\.history\.' "$T/s.dump")" -eq "$("$WA_BIN" history "$S" --format tsv | wc -l)" ] ||
	fail "dump: not every history entry"
mkdir "$T/l" && chmod 700 "$T/l"
L=$("$WA_BIN" load "$T/s.dump" --dir "$T/l") || fail "load"
"$WA_BIN" history "$L" --format tsv | cmp -s - "$("$WA_BIN" history "$S" --format tsv >"$T/s.tsv"; echo "$T/s.tsv")" ||
	fail "load: the history differs"
[ "$("$WA_BIN" phase "$L" | cut -f1)" = abgeschlossen ] || fail "load: the phase is lost"
# a dump from before phases and history: Gespräch, empty history, growing from 1
grep -v -e '^session\.history\.' -e '^session\.phase	' "$T/s.dump" >"$T/old.dump"
mkdir "$T/o" && chmod 700 "$T/o"
O=$("$WA_BIN" load "$T/old.dump" --dir "$T/o") || fail "load of an older dump"
[ "$("$WA_BIN" phase "$O" | cut -f1)" = gespraech ] || fail "older dump: not in the Gespräch"
[ -z "$("$WA_BIN" history "$O")" ] || fail "older dump: a history from nowhere"
"$WA_BIN" set "$O" strategie.ratsbeschluss nein || fail "older dump: set"
[ "$(tsv_field "$O" 4)" = 1 ] || fail "older dump: the first change is not number 1"
# a history with a gap is refused, naming the line
grep -v '^session\.history\.2	' "$T/s.dump" >"$T/gap.dump"
mkdir "$T/g"
"$WA_BIN" load "$T/gap.dump" --dir "$T/g" >/dev/null 2>"$T/err" && fail "load of a history with a gap"
grep -q "session.history.3" "$T/err" || fail "load of a gap: the record is not named"

# --- export --protokoll, in the German locale; none without the option
if "$PY" -c 'import zipfile, xml.etree.ElementTree' 2>/dev/null; then
	"$WA_BIN" history "$S" --format tsv >"$T/s.tsv"
	LC_ALL=$LOCALE "$WA_BIN" export "$S" --protokoll -o "$T/town.xlsx" >/dev/null ||
		fail "export --protokoll"
	"$PY" "$WA_SRCDIR/tests/history_protokoll.py" "$T/town.xlsx" "$T/s.tsv" town ||
		fail "export --protokoll: the town's sheet"
	LC_ALL=$LOCALE "$WA_BIN" export "$S" --protokoll --intern -o "$T/intern.xlsx" >/dev/null ||
		fail "export --protokoll --intern"
	"$PY" "$WA_SRCDIR/tests/history_protokoll.py" "$T/intern.xlsx" "$T/s.tsv" intern ||
		fail "export --protokoll --intern: the sheet"
	"$WA_BIN" export "$S" -o "$T/plain.xlsx" >/dev/null || fail "export"
	"$PY" "$WA_SRCDIR/tests/history_protokoll.py" "$T/plain.xlsx" "$T/s.tsv" none ||
		fail "export without --protokoll has the sheet"
else
	fail "no python3 to read the workbook"
fi

[ "$fails" -eq 0 ] || exit 1
echo "PASS: history_cli"

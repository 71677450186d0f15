#!/bin/sh
# session_cli.sh: black-box test of the session commands new, set, dump, load
# and list: exit codes (1 usage, 2 invalid, 3 locked), messages that list what
# is allowed, "nothing changed" after a refused set, file modes, slugs that
# keep user input out of paths, no overwrite by new, the exact dump/load round
# trip of the shipped example session, --vorher copying the previous goals,
# the lock (read-only commands still work) and list with an unreadable file.
set -u
BIN=${WA_BIN:?}
SRC=${WA_SRCDIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-session-cli-XXXXXX")
trap 'kill $HOLDER 2>/dev/null; rm -rf "$T"' EXIT
HOLDER=
fails=0
D="$T/sitzungen"
unset WOHNORT_AUDIT_DIR

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect CODE DESCRIPTION -- COMMAND...: run, compare the exit status
expect() {
	want=$1 what=$2; shift 3
	"$@" >"$T/out" 2>"$T/err"; got=$?
	[ "$got" = "$want" ] || { fail "$what: exit $got, want $want"; cat "$T/err"; }
}
# contains FILE TEXT DESCRIPTION
contains() { grep -qF -- "$2" "$1" || { fail "$3: '$2' not in $1:"; cat "$1"; }; }

# --- new -----------------------------------------------------------------
expect 1 "new without --kommune" -- "$BIN" new --dir "$D"
expect 1 "new with unknown option" -- "$BIN" new --kommune X --farbe rot --dir "$D"
expect 2 "new with bad Zentralität" -- "$BIN" new --kommune "Lindenfels am Main" \
	--zentralitaet Weltstadt --dir "$D"
contains "$T/err" "Mittelzentrum" "bad Zentralität lists the allowed values"
[ ! -e "$D" ] || [ -z "$(ls "$D")" ] || fail "a refused new left files: $(ls "$D")"
expect 2 "new with bad date" -- "$BIN" new --kommune X --datum 2026-02-30 --dir "$D"
expect 2 "new with bad art" -- "$BIN" new --kommune X --art dritt --dir "$D"

umask 022
expect 0 "new" -- "$BIN" new --kommune "Lindenfels am Main" --datum 2026-11-23 \
	--landkreis "Landkreis Spessartgrund" --zentralitaet Mittelzentrum \
	--ihk "IHK Test" --auditor "Jürgen Prüfer" --dir "$D"
S=$(cat "$T/out")
[ "$S" = "$D/lindenfels-am-main-2026-11-23.cdb" ] || fail "new printed '$S'"
[ -f "$S" ] || fail "new did not create $S"
[ "$(stat -c %a "$S")" = 600 ] || fail "session mode $(stat -c %a "$S"), want 600"
[ "$(stat -c %a "$D")" = 700 ] || fail "dir mode $(stat -c %a "$D"), want 700"
expect 0 "second new, same Kommune and Datum" -- "$BIN" new --kommune "Lindenfels am Main" \
	--datum 2026-11-23 --dir "$D"
[ "$(cat "$T/out")" = "$D/lindenfels-am-main-2026-11-23-2.cdb" ] ||
	fail "second new printed '$(cat "$T/out")' (must not overwrite)"
expect 0 "new with a path in the Kommune" -- "$BIN" new --kommune "../../etc/Öhringen" \
	--datum 2026-01-02 --dir "$D"
[ "$(cat "$T/out")" = "$D/etc-oehringen-2026-01-02.cdb" ] ||
	fail "slug let a path through: '$(cat "$T/out")'"
expect 0 "new via WOHNORT_AUDIT_DIR" -- env WOHNORT_AUDIT_DIR="$T/env" "$BIN" new --kommune Ahausen
case $(cat "$T/out") in "$T/env/ahausen-"*.cdb) ;; *) fail "env dir ignored: $(cat "$T/out")" ;; esac

"$BIN" dump "$S" >"$T/dump0" || fail "dump of a new session"
contains "$T/dump0" "meta.kommune	Lindenfels am Main" "dump meta"
contains "$T/dump0" "meta.auditor	Jürgen Prüfer" "dump umlauts"
contains "$T/dump0" "meta.art	erst" "default art"
head -1 "$T/dump0" | grep -qx "format	wohnort-audit-session 1" || fail "dump does not start with format"

# --- set -----------------------------------------------------------------
expect 0 "set yesno" -- "$BIN" set "$S" strategie.ratsbeschluss ja
expect 0 "set choice with side fields" -- "$BIN" set "$S" strategie.leitbild erwaehnt \
	--note "Notiz mit	Tab" --recommendation "Eigene Empfehlung" \
	--evidence nachzureichen --due 2026-12-31 --evidence-text "Protokoll"
expect 0 "side option without value" -- "$BIN" set "$S" strategie.kooperation --note "nur Notiz"
expect 0 "set multi" -- "$BIN" set "$S" strategie.kooperation "ihk,unternehmen"
expect 0 "set number" -- "$BIN" set "$S" strategie.unternehmensdialog 3
expect 0 "set text with newline" -- "$BIN" set "$S" lebensqualitaet.besonderheiten "Zeile 1
Zeile 2"
expect 0 "set participant" -- "$BIN" set "$S" participant.1.funktion "Bürgermeisterin"
expect 0 "set goal" -- "$BIN" set "$S" goal.2.ziel "Mehr Kita-Plätze"
"$BIN" dump "$S" >"$T/dump1"
contains "$T/dump1" "strategie.ratsbeschluss	ja" "yesno stored"
contains "$T/dump1" "strategie.leitbild	erwaehnt" "choice stored"
contains "$T/dump1" "strategie.leitbild:note	Notiz mit\\tTab" "note escaped"
contains "$T/dump1" "strategie.leitbild:evidence	nachzureichen" "evidence stored"
contains "$T/dump1" "strategie.leitbild:evidence_due	2026-12-31" "due stored"
contains "$T/dump1" "strategie.leitbild:evidence_text	Protokoll" "evidence text stored"
contains "$T/dump1" "strategie.leitbild:recommendation	Eigene Empfehlung" "recommendation"
contains "$T/dump1" "strategie.kooperation	ihk,unternehmen" "multi stored"
contains "$T/dump1" "strategie.kooperation:note	nur Notiz" "side-only note"
contains "$T/dump1" "lebensqualitaet.besonderheiten	Zeile 1\\nZeile 2" "newline escaped"
contains "$T/dump1" "participant.1.funktion	Bürgermeisterin" "participant"
contains "$T/dump1" "goal.2.ziel	Mehr Kita-Plätze" "goal"

# refused sets: exit 2, a message listing what is allowed, nothing changed
cp "$S" "$T/before.cdb"
expect 2 "bad option id" -- "$BIN" set "$S" strategie.leitbild vielleicht
contains "$T/err" "mit_zielen" "bad option lists the option ids"
expect 2 "unknown key" -- "$BIN" set "$S" strategie.gibtsnicht ja
contains "$T/err" "strategie.ratsbeschluss" "unknown key lists the section's questions"
expect 2 "bad yesno" -- "$BIN" set "$S" strategie.ratsbeschluss vielleicht
expect 2 "bad date" -- "$BIN" set "$S" meta.datum 2026-13-01
expect 2 "bookkeeping key" -- "$BIN" set "$S" checksum 0
expect 2 "due without nachzureichen" -- "$BIN" set "$S" strategie.ratsbeschluss --due 2026-12-01
contains "$T/err" "nachzureichen" "due explains itself"
expect 2 "bad evidence" -- "$BIN" set "$S" strategie.ratsbeschluss nein --evidence vielleicht
contains "$T/err" "vorgelegt, nachzureichen, fehlt" "evidence lists the values"
expect 2 "side option on a meta key" -- "$BIN" set "$S" meta.kommune X --note Y
expect 1 "set without value" -- "$BIN" set "$S" strategie.ratsbeschluss
expect 1 "value and --clear" -- "$BIN" set "$S" strategie.ratsbeschluss ja --clear
expect 1 "unknown set option" -- "$BIN" set "$S" strategie.ratsbeschluss ja --farbe rot
expect 2 "missing session" -- "$BIN" set "$T/gibtsnicht.cdb" meta.kommune X
[ -e "$T/gibtsnicht.cdb.lock" ] && fail "set on a missing session left a lock file"
cmp -s "$S" "$T/before.cdb" || fail "a refused set changed the session file"
[ ! -e "$S.tmp-"* ] 2>/dev/null || fail "temp file left: $(ls "$S".tmp-*)"

expect 0 "clear" -- "$BIN" set "$S" strategie.ratsbeschluss --clear
"$BIN" dump "$S" | grep -q "^strategie.ratsbeschluss	" && fail "--clear kept the answer"
[ -f "$S.prev" ] || fail "no previous generation kept"

# --- lock ----------------------------------------------------------------
echo "4242 pruefer@laptop since 09:15" >"$S.lock"
( exec 9<>"$S.lock"; flock 9; exec sleep 30 ) &
HOLDER=$!
sleep 0.3
expect 3 "set while another process holds the lock" -- "$BIN" set "$S" meta.ihk Y
contains "$T/err" "4242 pruefer@laptop since 09:15" "lock message names the holder"
expect 0 "dump while locked" -- "$BIN" dump "$S"
kill $HOLDER; wait $HOLDER 2>/dev/null; HOLDER=
expect 0 "set after the lock is gone" -- "$BIN" set "$S" meta.ihk Y

# --- load / dump round trip ------------------------------------------------
EX="$SRC/data/beispiel-sitzung.txt"
expect 0 "load example" -- "$BIN" load "$EX" --dir "$D"
L=$(cat "$T/out")
"$BIN" dump "$L" >"$T/ex.dump" || fail "dump of the loaded example"
cmp -s "$T/ex.dump" "$EX" || fail "dump(load(example)) differs from the example"
expect 0 "load of a dump" -- "$BIN" load "$T/dump1" --dir "$T/rt"
"$BIN" dump "$(cat "$T/out")" | cmp -s - "$T/dump1" || fail "dump(load(dump)) != dump"
sed 's/^strategie.leitbild	erwaehnt/strategie.leitbild	kaputt/' "$T/dump1" >"$T/bad.dump"
expect 2 "load of a bad dump" -- "$BIN" load "$T/bad.dump" --dir "$T/rt"
contains "$T/err" "Zeile" "bad dump names the line"
# a dump saved with Windows line ends (CRLF) loads to the same session
sed 's/$/\r/' "$EX" >"$T/crlf.dump"
expect 0 "load of a CRLF dump" -- "$BIN" load "$T/crlf.dump" --dir "$T/crlf"
"$BIN" dump "$(cat "$T/out")" | cmp -s - "$EX" || fail "CRLF dump does not load to the example"
expect 1 "load without file" -- "$BIN" load --dir "$T/rt"
expect 2 "load of a missing file" -- "$BIN" load "$T/nichts.txt" --dir "$T/rt"

# --- re-audit: --vorher copies the previous goals ---------------------------
expect 0 "new re-audit" -- "$BIN" new --kommune "Lindenfels am Main" --datum 2029-11-01 \
	--art re --vorher "$L" --dir "$D"
R=$(cat "$T/out")
"$BIN" dump "$R" >"$T/re.dump"
contains "$T/re.dump" "meta.art	re" "re-audit art"
contains "$T/re.dump" "meta.vorher	$L" "re-audit names the previous session"
grep '^goal\.' "$T/ex.dump" | sed 's/^goal/prevgoal/' >"$T/want-prev"
grep '^prevgoal\.[0-9]*\.' "$T/re.dump" >"$T/got-prev"
[ -s "$T/want-prev" ] && cmp -s "$T/want-prev" "$T/got-prev" ||
	{ fail "previous goals not copied"; diff "$T/want-prev" "$T/got-prev"; }
expect 2 "--vorher with --art erst" -- "$BIN" new --kommune X --art erst --vorher "$L" --dir "$D"

# --- list ------------------------------------------------------------------
expect 0 "list" -- "$BIN" list --dir "$D"
contains "$T/out" "lindenfels-am-main-2026-11-23.cdb	Lindenfels am Main	2026-11-23	erst	" "list line"
grep -q "^lindenfels-am-main-2026-11-23-3.cdb	Lindenfels am Main	2026-11-23	re	46/46$" "$T/out" ||
	{ fail "list line of the example"; cat "$T/out"; }
n=$(ls "$D"/*.cdb | wc -l)
[ "$(wc -l <"$T/out")" = "$n" ] || fail "list shows $(wc -l <"$T/out") lines for $n sessions"
expect 0 "Kommune with a line break" -- "$BIN" new --kommune "Zwei
Zeilen	Tab" --datum 2026-01-03 --dir "$T/nl"
"$BIN" list --dir "$T/nl" >"$T/out"
[ "$(wc -l <"$T/out")" = 1 ] && grep -q "	Zwei Zeilen Tab	" "$T/out" ||
	{ fail "list keeps one line per session"; cat "$T/out"; }
echo kaputt >"$D/kaputt.cdb"
expect 2 "list with an unreadable file" -- "$BIN" list --dir "$D"
contains "$T/out" "kaputt.cdb	FEHLER" "list names the unreadable file"
expect 0 "list of a missing directory" -- "$BIN" list --dir "$T/keins"
[ -s "$T/out" ] && fail "list of a missing directory printed something"

[ $fails = 0 ] && echo "session_cli: all checks passed"
[ $fails = 0 ]

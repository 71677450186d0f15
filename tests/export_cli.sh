#!/bin/sh
# export_cli.sh: black-box tests of `wohnort-audit export`: the default path
# beside the session and the printed path, -o, usage errors (exit 1), a
# missing session and an unwritable directory (exit 2, message names the
# path), a full disk (ulimit -f) that keeps an existing file and leaves no
# temp file, a read-only file system when a tmpfs can be mounted, an export
# while another process holds the session's write lock, the town's and the
# internal variant (--fuer-kommune, --intern, not both), and the logo:
# --logo FILE, the one found beside the form in the data directory, and a
# missing or broken one (exit 2 naming the file, nothing written).
: "${WA_BIN:?}" "${WA_SRCDIR:?}"
PY=${WA_PYTHON3:-/usr/bin/python3}
TMP=$(mktemp -d) || exit 99
MNT=
cleanup() {
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
# expect CODE DESCRIPTION COMMAND...: run, compare the exit status
expect() {
	want=$1 what=$2
	shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$what: exit $got, want $want ($(cat "$TMP/err"))"
}
entries() { ls -A "$1" | wc -l; }

S=$("$WA_BIN" new --kommune "Bad Soden am Taunus" --datum 2026-11-23 --dir "$TMP/s") || exit 99
"$WA_BIN" set "$S" strategie.ratsbeschluss ja >/dev/null || exit 99

# default path beside the session, printed on stdout
expect 0 "export default" "$WA_BIN" export "$S"
want="$TMP/s/bad-soden-am-taunus-2026-11-23-ergebnis.xlsx"
[ "$(cat "$TMP/out")" = "$want" ] || fail "printed '$(cat "$TMP/out")', want '$want'"
[ -s "$want" ] || fail "no file at the default path"
head -c 2 "$want" | grep -q PK || fail "default output is not a zip file"

# -o
expect 0 "export -o" "$WA_BIN" export "$S" -o "$TMP/eigen.xlsx"
[ "$(cat "$TMP/out")" = "$TMP/eigen.xlsx" ] || fail "-o printed '$(cat "$TMP/out")'"
[ -s "$TMP/eigen.xlsx" ] || fail "-o wrote nothing"

# usage errors and a missing session
expect 1 "no argument" "$WA_BIN" export
expect 1 "unknown option" "$WA_BIN" export "$S" --bogus
expect 1 "-o without file" "$WA_BIN" export "$S" -o
expect 2 "missing session" "$WA_BIN" export "$TMP/gibt-es-nicht.cdb"

# unwritable directory: a path under a regular file
echo data >"$TMP/datei"
expect 2 "under a file" "$WA_BIN" export "$S" -o "$TMP/datei/x.xlsx"
grep -qF "$TMP/datei/x.xlsx" "$TMP/err" || fail "error does not name the path: $(cat "$TMP/err")"

# full disk: an existing file survives, no temp file is left
mkdir "$TMP/voll"
echo "ALTE DATEI" >"$TMP/voll/e.xlsx"
expect 2 "full disk" sh -c 'trap "" XFSZ; ulimit -f 4; exec "$0" export "$1" -o "$2"' \
	"$WA_BIN" "$S" "$TMP/voll/e.xlsx"
grep -qF "$TMP/voll/e.xlsx" "$TMP/err" || fail "full disk: error does not name the path"
[ "$(cat "$TMP/voll/e.xlsx")" = "ALTE DATEI" ] || fail "full disk destroyed the old file"
[ "$(entries "$TMP/voll")" -eq 1 ] || fail "full disk left files: $(ls -A "$TMP/voll")"

# read-only file system (only where a tmpfs can be mounted, i.e. as root)
mkdir "$TMP/ro"
if mount -t tmpfs -o size=1m,ro tmpfs "$TMP/ro" 2>/dev/null; then
	MNT="$TMP/ro"
	expect 2 "read-only fs" "$WA_BIN" export "$S" -o "$TMP/ro/x.xlsx"
	grep -q -e "Read-only file system" -e "Dateisystem ist nur lesbar" "$TMP/err" || fail "read-only: reason missing: $(cat "$TMP/err")"
	umount "$MNT" && MNT=
else
	echo "note: no tmpfs mount here; read-only file system case not run"
fi

# the interview holds the write lock: export still works (read-only open)
if command -v flock >/dev/null 2>&1 && [ -e "$S.lock" ]; then
	expect 3 "set under lock" flock -n "$S.lock" "$WA_BIN" set "$S" strategie.budget ja
	expect 0 "export under lock" flock -n "$S.lock" "$WA_BIN" export "$S" -o "$TMP/lock.xlsx"
	[ -s "$TMP/lock.xlsx" ] || fail "export under lock wrote nothing"
else
	echo "note: flock(1) or $S.lock missing; lock case not run"
fi

# the town's variant is the default; --intern adds the notes; not both
"$WA_BIN" set "$S" strategie.budget ja --note "NOTIZ-NUR-INTERN" >/dev/null || exit 99
has_note() { unzip -p "$1" xl/sharedStrings.xml 2>/dev/null | grep -q NOTIZ-NUR-INTERN; }
expect 0 "export default" "$WA_BIN" export "$S" -o "$TMP/kommune.xlsx"
has_note "$TMP/kommune.xlsx" && fail "the default (town) workbook holds the note"
expect 0 "export --fuer-kommune" "$WA_BIN" export "$S" --fuer-kommune -o "$TMP/kommune2.xlsx"
has_note "$TMP/kommune2.xlsx" && fail "--fuer-kommune holds the note"
expect 0 "export --intern" "$WA_BIN" export --intern "$S" -o "$TMP/intern.xlsx"
has_note "$TMP/intern.xlsx" || fail "--intern lacks the note"
expect 1 "--intern with --fuer-kommune" "$WA_BIN" export "$S" --intern --fuer-kommune
grep -q "exclude each other" "$TMP/err" || fail "both variants: $(cat "$TMP/err")"
expect 1 "--logo without file" "$WA_BIN" export "$S" --logo
expect 1 "--logo empty" "$WA_BIN" export "$S" --logo ""
"$WA_BIN" help export | grep -q -- "--intern" || fail "help export does not name --intern"

# the logo: given, found beside the form, missing, broken
if "$PY" "$WA_SRCDIR/tests/export_images.py" png "$TMP/logo.png" 2>/dev/null; then
	has_image() { unzip -l "$1" 2>/dev/null | grep -q "xl/media/image1.png"; }
	expect 0 "--logo" "$WA_BIN" export "$S" --logo "$TMP/logo.png" -o "$TMP/logo.xlsx"
	has_image "$TMP/logo.xlsx" || fail "--logo: no image in the workbook"
	has_image "$TMP/kommune.xlsx" && fail "an image without a logo"
	mkdir -p "$TMP/data/forms"
	cp "$TMP/logo.png" "$TMP/data/forms/wohnort-muster.logo.png"
	expect 0 "logo beside the form" env WOHNORT_AUDIT_DATADIR="$TMP/data" \
		"$WA_BIN" export "$S" -o "$TMP/beside.xlsx"
	has_image "$TMP/beside.xlsx" || fail "the logo beside the form is not used"
	mkdir "$TMP/nolog"
	echo "ALTE DATEI" >"$TMP/nolog/e.xlsx"
	expect 2 "missing --logo" "$WA_BIN" export "$S" --logo "$TMP/fehlt.png" -o "$TMP/nolog/e.xlsx"
	grep -qF "$TMP/fehlt.png" "$TMP/err" || fail "missing logo not named: $(cat "$TMP/err")"
	"$PY" "$WA_SRCDIR/tests/export_images.py" broken truncated "$TMP/data/forms/wohnort-muster.logo.png" \
		"$TMP/logo.png" || exit 99
	expect 2 "broken logo beside the form" env WOHNORT_AUDIT_DATADIR="$TMP/data" \
		"$WA_BIN" export "$S" -o "$TMP/nolog/e.xlsx"
	grep -qF "$TMP/data/forms/wohnort-muster.logo.png" "$TMP/err" ||
		fail "broken logo not named: $(cat "$TMP/err")"
	[ "$(cat "$TMP/nolog/e.xlsx")" = "ALTE DATEI" ] || fail "a logo failure replaced the file"
	[ "$(entries "$TMP/nolog")" -eq 1 ] || fail "a logo failure left files: $(ls -A "$TMP/nolog")"
else
	echo "note: $PY cannot make a PNG; logo cases not run"
fi

[ "$fails" -eq 0 ] || exit 1
echo "export cli: all cases passed"

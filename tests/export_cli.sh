#!/bin/sh
# export_cli.sh: black-box tests of `wohnort-audit export`: the default path
# beside the session and the printed path, -o, usage errors (exit 1), a
# missing session and an unwritable directory (exit 2, message names the
# path), a full disk (ulimit -f) that keeps an existing file and leaves no
# temp file, a read-only file system when a tmpfs can be mounted, and an
# export while another process holds the session's write lock.
: "${WA_BIN:?}"
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

[ "$fails" -eq 0 ] || exit 1
echo "export cli: all cases passed"

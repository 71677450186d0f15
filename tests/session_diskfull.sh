#!/bin/sh
# session_diskfull.sh: a full file system. The session lives on a small tmpfs
# (needs root and mount; otherwise skipped with 77), a file fills the rest,
# then `set` must fail with exit 2 and a clear message naming the file and
# the reason, leave the last snapshot and .prev byte-identical, leave no temp
# file, and succeed again once space is freed.
BIN=${WA_BIN:?}
if [ "$(id -u)" != 0 ]; then
	echo "session_diskfull: needs root for a small tmpfs, skipped"
	exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-diskfull-XXXXXX")
M="$T/mnt"
mkdir "$M"
if ! mount -t tmpfs -o size=512k,mode=0700 tmpfs "$M" 2>"$T/err"; then
	echo "session_diskfull: cannot mount a tmpfs ($(cat "$T/err")), skipped"
	rm -rf "$T"
	exit 77
fi
trap 'umount "$M" 2>/dev/null; rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

S=$("$BIN" new --kommune "Vollhausen" --datum 2026-11-23 --dir "$M") || fail "new on tmpfs"
"$BIN" set "$S" meta.auditor "Erste Fassung" || fail "first set"
"$BIN" set "$S" meta.ihk "IHK Voll" || fail "second set"
cp "$S" "$T/cur" && cp "$S.prev" "$T/prev"
"$BIN" dump "$S" >"$T/dump-before"
# fill the file system
dd if=/dev/zero of="$M/fueller" bs=4k 2>/dev/null
df -k "$M" | tail -1 | awk '{ exit !($4 == 0) }' || fail "tmpfs not full: $(df -k "$M" | tail -1)"
"$BIN" set "$S" lebensqualitaet.besonderheiten "Passt nicht mehr auf die Platte" 2>"$T/err"
rc=$?
[ $rc = 2 ] || fail "set on a full disk: exit $rc, want 2"
grep -q "$S" "$T/err" || fail "message does not name the file: $(cat "$T/err")"
grep -qi "no space\|kein .*platz\|speicher" "$T/err" || fail "message does not say why: $(cat "$T/err")"
echo "message: $(cat "$T/err")"
cmp -s "$S" "$T/cur" || fail "the last snapshot changed"
cmp -s "$S.prev" "$T/prev" || fail ".prev changed"
ls "$M" | grep -q '\.tmp-' && fail "temp file left: $(ls "$M")"
"$BIN" dump "$S" | cmp -s - "$T/dump-before" || fail "dump changed after the failed set"
rm -f "$M/fueller"
"$BIN" set "$S" lebensqualitaet.besonderheiten "Jetzt passt es" || fail "set after freeing space"
"$BIN" dump "$S" | grep -q "^lebensqualitaet.besonderheiten	Jetzt passt es$" || fail "value after retry"
[ $fails = 0 ] && echo "session_diskfull: all checks passed"
[ $fails = 0 ]

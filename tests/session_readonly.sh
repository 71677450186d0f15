#!/bin/sh
# session_readonly.sh: a read-only session directory. As root (which ignores
# permissions) the directory is a tmpfs remounted read-only (skipped with 77
# when mounting is not allowed); otherwise chmod 0500. `set` must fail with
# exit 2 and a clear message naming the file and the reason, the snapshot must
# stay byte-identical and readable (`dump` works), and no temp file appears.
BIN=${WA_BIN:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-readonly-XXXXXX")
D="$T/mnt"
mkdir "$D"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
if [ "$(id -u)" = 0 ]; then
	if ! mount -t tmpfs -o size=1m,mode=0700 tmpfs "$D" 2>"$T/err"; then
		echo "session_readonly: cannot mount a tmpfs ($(cat "$T/err")), skipped"
		rm -rf "$T"
		exit 77
	fi
	trap 'umount "$D" 2>/dev/null; rm -rf "$T"' EXIT
	make_readonly() { mount -o remount,ro "$D"; }
	make_writable() { mount -o remount,rw "$D"; }
else
	trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
	make_readonly() { chmod 0500 "$D"; }
	make_writable() { chmod 0700 "$D"; }
fi

S=$("$BIN" new --kommune "Nurlesen" --datum 2026-11-23 --dir "$D") || fail "new"
"$BIN" set "$S" meta.auditor "Vorher" || fail "first set"
cp "$S" "$T/cur"
"$BIN" dump "$S" >"$T/dump-before"
make_readonly || fail "could not make the directory read-only"
"$BIN" set "$S" meta.auditor "Nachher" 2>"$T/err"
rc=$?
[ $rc = 2 ] || fail "set in a read-only directory: exit $rc, want 2"
grep -q "$S" "$T/err" || fail "message does not name the file: $(cat "$T/err")"
grep -qi "read-only\|permission\|schreibgesch\|verweigert\|nur lesbar\|keine berechtigung" "$T/err" ||
	fail "message does not say why: $(cat "$T/err")"
echo "message: $(cat "$T/err")"
cmp -s "$S" "$T/cur" || fail "the snapshot changed"
"$BIN" dump "$S" >"$T/dump-after" || fail "dump in a read-only directory"
cmp -s "$T/dump-before" "$T/dump-after" || fail "dump differs"
ls "$D" | grep -q '\.tmp-' && fail "temp file left"
make_writable
"$BIN" set "$S" meta.auditor "Nachher" || fail "set once writable again"
[ $fails = 0 ] && echo "session_readonly: all checks passed"
[ $fails = 0 ]

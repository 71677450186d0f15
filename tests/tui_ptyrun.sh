#!/bin/sh
# tests/tui_ptyrun.sh: the pty driver itself (tests/ptyrun), against small
# shell programs instead of the interview, so the TUI tests cannot pass
# vacuously: umlauts and wide characters read back from the screen, keys and
# named keys reach the program, a resize reaches it as SIGWINCH, and each
# kind of failure (missing text, text present, wrong exit status, unknown key,
# a terminal left raw, a hanging child) makes ptyrun exit 1 with the screen —
# within its global timeout.
set -u
: "${WA_BUILDDIR:?WA_BUILDDIR must name the build directory}"
PTYRUN=$WA_BUILDDIR/tests/ptyrun
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wa-ptyrun.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# A small interactive program: prints text, echoes lines it reads in hex-free
# form, reports its size on SIGWINCH and exits with the status it is told.
cat >"$TMP/prog.sh" <<'PROG'
trap 'echo "size $(stty size)"' WINCH
printf 'Grüße „aus“ Köln – 日本語 ✓\n'
printf '\033[31mRot\033[0m und normal\n'
echo "size $(stty size)"
while IFS= read -r line; do
	case $line in
	exit*) exit "${line#exit }" ;;
	raw) stty raw -echo; exit 0 ;;
	*) echo "got:$line" ;;
	esac
done
PROG

# ok NAME: the script on stdin must pass.
ok() {
	"$PTYRUN" -t 20 -w 5000 -f - -- /bin/sh "$TMP/prog.sh" >"$TMP/out" 2>&1 ||
		{ cat "$TMP/out" >&2; fail "$1 should pass"; }
}

# ko NAME PATTERN: the script on stdin must fail with exit 1 and say PATTERN.
ko() {
	"$PTYRUN" -t 20 -w 1500 -f - -- /bin/sh "$TMP/prog.sh" >"$TMP/out" 2>&1
	rc=$?
	[ $rc -eq 1 ] || { cat "$TMP/out" >&2; fail "$1: exit $rc instead of 1"; }
	grep -q -- "$2" "$TMP/out" || { cat "$TMP/out" >&2; fail "$1: no '$2' in the output"; }
	grep -q -- "--- screen " "$TMP/out" || fail "$1: the screen was not printed"
}

ok "text, keys, exit" <<'S'
wait "Grüße „aus“ Köln – 日本語 ✓"
expect_row 0 "日本語 ✓"
expect "size 24 80"
keys "Äpfel und Bäume<Enter>"
wait "got:Äpfel und Bäume"
keys <lt>Tab<Space>x<Enter>
wait "got:<Tab x"
keys "exit 7" <Enter>
exit 7
S

ok "resize" <<'S'
wait "size 24 80"
resize 100 30
wait "size 30 100"
signal TERM
exit any
S

ok "screen output" <<'S'
wait "Grüße"
expect_fg "Rot" 1
expect_fg "日本語" -1
screen
keys "exit 0<Enter>"
exit 0
S
grep -q "^ 0|Grüße „aus“ Köln – 日本語 ✓$" "$TMP/out" || { cat "$TMP/out" >&2; fail "screen lost a character"; }

ko "missing text" 'timeout after 1500 ms waiting for "nirgends"' <<'S'
wait "nirgends"
S
ko "text present" 'did not expect "Köln"' <<'S'
wait "Grüße"
expect_not "Köln"
S
ko "wrong row" 'expected "Köln" on row 1' <<'S'
wait "Grüße"
expect_row 1 "Köln"
S
ko "wrong exit status" 'expected exit 3, got exit 4' <<'S'
wait "Grüße"
keys "exit 4<Enter>"
exit 3
S
ko "wrong colour" '"und normal" has foreground default' <<'S'
wait "Rot"
expect_fg "und normal" 1
S
ko "unknown key" 'unknown key <Nope>' <<'S'
keys <Nope>
S
ko "terminal left raw" 'raw/cbreak' <<'S'
wait "Grüße"
keys "raw<Enter>"
exit 0
sane
S

start=$(date +%s)
"$PTYRUN" -t 2 -f - -- /bin/sh -c 'sleep 300' >"$TMP/out" 2>&1 <<'S'
wait "never" 600000
S
rc=$? elapsed=$(($(date +%s) - start))
[ $rc -eq 1 ] || fail "a hanging child: exit $rc instead of 1"
grep -q "global timeout" "$TMP/out" || { cat "$TMP/out" >&2; fail "no global timeout message"; }
[ $elapsed -le 10 ] || fail "the global timeout of 2 s took $elapsed s"
echo "PASS: tui_ptyrun"

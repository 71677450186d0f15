# tests/tui_lib.sh: shared set-up of the TUI black-box tests (sourced by
# tests/tui_*.sh, never run on its own). Gives a temporary session directory,
# the pty driver and helpers; fails when the binary offers a placeholder
# instead of the interview. It must not start anything that outlives the
# test.
set -u
: "${WA_BIN:?WA_BIN must name the built binary}"
: "${WA_BUILDDIR:?WA_BUILDDIR must name the build directory}"
PTYRUN=$WA_BUILDDIR/tests/ptyrun
[ -x "$PTYRUN" ] || { echo "FAIL: $PTYRUN is not built" >&2; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wa-tui.XXXXXX") || exit 99
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=
unset WOHNORT_AUDIT_DIR XDG_DATA_HOME 2>/dev/null || true
export HOME="$TMP/home"
mkdir -p "$HOME"

# fail MESSAGE: report and end the test.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# the interview exists: a placeholder is a failure, never a skip
if "$WA_BIN" interview --dir "$TMP" </dev/null 2>&1 | grep -q "not implemented yet"; then
	fail "the interview is a placeholder (not implemented yet)"
fi

# The terminal type of the pty and the locale of the program in it
# (tests/tui_terms.sh runs every TUI test under vt100, linux and screen, in
# de_DE.UTF-8, as well). The locale is the one the tests run in when it is a
# UTF-8 one, else C.UTF-8.
TUI_TERM=${WA_TUI_TERM:-xterm-256color}
TUI_LOCALE=${WA_TUI_LOCALE:-${LC_ALL:-${LANG:-C.UTF-8}}}
case $TUI_LOCALE in
*[Uu][Tt][Ff]-8 | *[Uu][Tt][Ff]8) ;;
*) TUI_LOCALE=C.UTF-8 ;;
esac

# tui [ARGS...]: run the binary at 80x24 in the pty with the script on stdin.
tui() {
	"$PTYRUN" -s 80x24 -t 90 -w 15000 -T "$TUI_TERM" -e "LANG=$TUI_LOCALE" \
		-e "LC_ALL=$TUI_LOCALE" -f - -- "$WA_BIN" "$@"
}

# tui_colour: whether the terminal type has colours (vt100 has none).
tui_colour() {
	[ "$(TERM=$TUI_TERM tput colors 2>/dev/null || echo 0)" -ge 8 ]
}

# new_session KOMMUNE: create a session through the CLI, print its path.
new_session() {
	"$WA_BIN" new --dir "$TMP" --kommune "$1" --datum 2024-03-12 || fail "new $1"
}

# dump_has SESSION LINE: the dump holds exactly this key<TAB>value line.
dump_has() {
	"$WA_BIN" dump "$1" >"$TMP/dump.txt" || fail "dump $1"
	grep -qxF "$2" "$TMP/dump.txt" || {
		cat "$TMP/dump.txt" | grep -v '^form.text' >&2
		fail "dump of $1 lacks the line: $2"
	}
}

# dump_lacks SESSION KEY: the dump has no record for KEY.
dump_lacks() {
	"$WA_BIN" dump "$1" >"$TMP/dump.txt" || fail "dump $1"
	if cut -f1 "$TMP/dump.txt" | grep -qxF "$2"; then
		grep -F "$2" "$TMP/dump.txt" >&2
		fail "dump of $1 has a record for $2"
	fi
}

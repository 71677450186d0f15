#!/bin/sh
# tests/reliability_replaced.sh: covers a session file replaced underneath a
# running interview (issue 7: "refused or detected, never silently
# overwritten"). In the pty harness the interview answers the first question
# and saves; then, while it runs, the file is (a) replaced by another session
# through rename (a sync tool, `mv`), (b) overwritten in place with another
# session's bytes (`cp`, a backup restore), (c) deleted. The next answer must
# not be saved over it: the status line must not report „Gespeichert“ again,
# and in (a) and (b) the file must still hold the other session's bytes.
. "$WA_SRCDIR/tests/reliability_lib.sh"

PTYRUN=$WA_BUILDDIR/tests/ptyrun
[ -x "$PTYRUN" ] || { fail "$PTYRUN is not built"; finish; }
export HOME="$work/home" NO_COLOR=
mkdir -p "$HOME"
unset WOHNORT_AUDIT_DIR XDG_DATA_HOME 2>/dev/null || true
run 60 "$WA_BIN" new --kommune Anderswo --datum 2026-11-23 --dir "$work/other"
expect_refusal "new (the other session)" 0 || finish
cp "$(tail -1 "$work/out")" "$work/other.cdb"

# replaced HOW SHELL-COMMAND: interview, replace with SHELL-COMMAND, answer again.
replaced() {
	how=$1
	run 60 "$WA_BIN" new --kommune "Ersetzt $how" --datum 2026-11-23 --dir "$work/$how"
	expect_refusal "new for case $how" 0 || return
	s=$(tail -1 "$work/out")
	cmd=$(printf '%s' "$2" | sed "s|SESSION|$s|g")
	"$PTYRUN" -s 80x24 -t 60 -w 15000 -f - -- "$WA_BIN" "$s" >"$work/screen" 2>&1 <<SCRIPT
wait "Frage 1/"
keys j
wait "Gespeichert "
shell "$cmd"
sleep 1100
keys n
wait_not "Gespeichert " 5000
screen
signal KILL
exit any
SCRIPT
	prc=$?
	if [ $prc -ne 0 ]; then
		fail "case $how: the interview saved over the replaced file (status line still says „Gespeichert“) or the harness failed:"
		grep -E '^(ptyrun|2[0-3]\|)' "$work/screen" | head -6 >&2
	else
		ok
	fi
	if [ "$how" != deleted ]; then
		if cmp -s "$s" "$work/other.cdb"; then
			ok
		else
			fail "case $how: the replacing file was overwritten"
		fi
	elif [ -e "$s" ]; then
		fail "case $how: the deleted file came back without a word"
	else
		ok
	fi
}

replaced renamed "cp $work/other.cdb SESSION.new && mv SESSION.new SESSION"
replaced copied "cp $work/other.cdb SESSION"
replaced deleted "rm SESSION"
finish

#!/bin/sh
# tests/tui_terms.sh: every TUI test again under the other terminal types
# auditors meet — vt100 (no F6…F10 in terminfo, no colours, no alternate
# screen), linux (F1…F5 as Esc [ [ A…E) and screen (tmux, GNU screen) — and
# in the German locale (de_DE.UTF-8 where it is generated). The tests that
# loop over terminal types themselves (tui_keys, tui_term, tui_audit) and
# the driver's own test are not repeated. A failing run prints its log.
set -u
: "${WA_SRCDIR:?WA_SRCDIR must name the source directory}"
LOCALE=de_DE.UTF-8
locale -a 2>/dev/null | grep -qix 'de_DE.utf8' || LOCALE=C.UTF-8
LOG=$(mktemp "${TMPDIR:-/tmp}/wa-tui-terms.XXXXXX") || exit 99
trap 'rm -f "$LOG"' EXIT
status=0
for term in vt100 linux screen; do
	for t in tui_start tui_answers tui_resize tui_resume tui_help tui_lock tui_signal \
		tui_screens tui_reaudit tui_savefail tui_multi tui_quit tui_bonus tui_fields \
		tui_rules tui_result tui_pace tui_bignote tui_text tui_register; do
		WA_TUI_TERM=$term WA_TUI_LOCALE=$LOCALE sh "$WA_SRCDIR/tests/$t.sh" >"$LOG" 2>&1
		rc=$?
		case $rc in
		0) echo "ok: $t under TERM=$term, $LOCALE" ;;
		77) echo "skip: $t under TERM=$term" ;;
		*)
			cat "$LOG"
			echo "FAIL: $t under TERM=$term, $LOCALE (exit $rc)"
			status=1
			;;
		esac
	done
done
[ $status -eq 0 ] && echo "PASS: tui_terms"
exit $status

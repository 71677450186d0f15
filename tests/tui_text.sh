#!/bin/sh
# tests/tui_text.sh: the texts of a session are shown as text. A Kommune that
# carries an escape sequence and a bell (accepted by `new`, as an import
# might bring it) appears in the interview's header and on the start screen
# with U+FFFD for each control character (as the command line shows it),
# never as „?“ and never as a command to the terminal.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$("$WA_BIN" new --dir "$TMP" --kommune "$(printf 'Ost\033]0;x\007heim')" \
	--datum 2024-03-12) || fail "new"

tui "$S" <<'SCRIPT' || fail "control characters in the header"
wait "Frage 1/"
expect "Prüfgespräch – Ost�]0;x�heim"
expect_not "Ost?]0;x?heim"
keys <F10>
exit 0
sane
SCRIPT

tui --dir "$TMP" <<'SCRIPT' || fail "control characters on the start screen"
wait "Wohnort-Audit – Sitzungen"
expect "Ost�]0;x�heim"
expect_not "Ost?]0;x?heim"
keys q
exit 0
SCRIPT
echo "PASS: tui_text"

#!/bin/sh
# tests/tui_keys.sh: keys under several terminal types (xterm-256color,
# vt100, linux, screen). F-keys that the terminfo entry does not know (vt100
# has no F6..F10: a vt100-like terminal sends Esc [ 1 7 ~) still act as
# F-keys and never select an answer; escape sequences that are no key at
# all are consumed whole and ignored with a hint; Esc + digit typed with a
# pause is still an F-key; Esc Esc acts at once and does not swallow the
# next key; after quitting the terminal is restored and cleared.
# Answers are checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

for TUI_TERM in xterm-256color vt100 linux screen; do
	S=$("$WA_BIN" new --dir "$TMP" --kommune "Tastenheim $TUI_TERM" --datum 2024-03-12) ||
		fail "new"
	# F6 shows the Endpunktzahl: past the Gespräch, where points are hidden
	"$WA_BIN" set "$S" session.phase auswertung || fail "phase"
	tui "$S" <<'SCRIPT' || fail "$TUI_TERM: F-keys and unknown sequences"
wait "Frage 1/"
expect "Hat ein kommunales Gremium"
# F6 as the terminal sends it: the result, not option 1
keys <F6>
wait "Endpunktzahl:"
keys <Esc>
wait "Frage 1/"
keys <F5>
wait "Übersicht"
keys <Esc>
wait "Frage 1/"
# sequences that are no key: ignored whole, with a hint
bytes "\e[99~"
wait "Unbekannte Taste ignoriert"
bytes "\e[1;5A" "\e[12;34~" "\e[57;42Z"
sleep 300
expect "Frage 1/"
expect_not "(•) 1 Ja"
expect_not "(•) 2 Nein"
# the raw VT220 bytes of F6 and F10, whatever terminfo says
bytes "\e[17~"
wait "Endpunktzahl:"
bytes "\e[21~"
exit 0
sane
expect_not "Frage 1/"
expect_not "Endpunktzahl"
SCRIPT
	dump_lacks "$S" "strategie.ratsbeschluss"

	tui "$S" <<'SCRIPT' || fail "$TUI_TERM: Esc + digit, Esc Esc, number fields"
wait "Frage 1/"
# Esc, a pause a person makes, then the digit: still F1
keys <Esc>
sleep 250
keys 1
wait "Hilfe: diese Übersicht aller Tasten"
keys <Esc>
wait "Frage 1/"
# Esc Esc is Esc at once; the next key is a key of its own
keys <Esc><Esc>
keys j
wait "(•) 1 Ja"
expect_not "Hilfe: diese Übersicht"
keys <Enter>
wait "Wann wurde der Beschluss gefasst?"
keys <PgDn> <PgDn> <PgDn> <PgDn>
wait "Wie viele Treffen mit örtlichen Unternehmen"
# a sequence with digits on a number question types nothing
bytes "\e[12;34~"
wait "Unbekannte Taste ignoriert"
expect_not "Antwort: 12"
keys 7 <Enter>
wait "Wie gut kennt die Kommune"
keys <F10>
exit 0
sane
SCRIPT
	dump_has "$S" "strategie.ratsbeschluss	ja"
	dump_has "$S" "strategie.unternehmensdialog	7"
done
echo "PASS: tui_keys"

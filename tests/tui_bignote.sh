#!/bin/sh
# tests/tui_bignote.sh: a 1 MB note (the size the huge-input test loads)
# opened for editing on F2: the editor appears and takes keys at once
# (drawing is linear in the text; it took minutes before), and SIGTERM
# during the editing saves what was typed and ends the program. The note is
# checked through `dump`: 1 MB and the typed end.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Langenselbold")
"$WA_BIN" dump "$S" >"$TMP/base.txt" || fail "dump"
{
	grep -v -e '^form.text' "$TMP/base.txt"
	printf 'strategie.ratsbeschluss:note\t'
	awk 'BEGIN { s = "Bürgermeisterin sagt, der Beschluss folgt im Mai. ";
		for (n = 0; n < 1048576; n += length(s)) printf "%s", s; print "" }'
	grep '^form.text' "$TMP/base.txt"
} >"$TMP/load.txt"
mkdir "$TMP/big" || fail "mkdir"
B=$("$WA_BIN" load "$TMP/load.txt" --dir "$TMP/big") || fail "load"

tui "$B" <<'SCRIPT' || fail "editing a 1 MB note"
wait "Frage 1/"
expect "Notiz: Bürgermeisterin sagt"
keys <F2>
wait "Eigene Empfehlung"
keys <Enter>
wait "Strg-S speichert"
keys " ENDE"
wait "ENDE"
signal TERM
exit 0
sane
SCRIPT
"$WA_BIN" dump "$B" | grep '^strategie.ratsbeschluss:note' >"$TMP/note.txt" || fail "no note"
grep -q ' ENDE$' "$TMP/note.txt" || fail "the typed end of the note was not saved"
[ "$(wc -c <"$TMP/note.txt")" -gt 1048576 ] || fail "the note is shorter than 1 MB"
echo "PASS: tui_bignote"

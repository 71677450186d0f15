#!/bin/sh
# tests/tui_fields.sh: the field lists of „Neues Audit“ and F8. Enter on a
# choice field (IHK) does not change it; a choice is picked by typing its
# first letters; the IHK is suggested from the Landkreis; typing replaces a
# pre-filled value (today's date) and dates are typed as TT.MM.JJJJ; a new
# participant line appears when the last one is filled; Esc on a filled
# form asks before discarding; Strg-S creates the audit from any field.
# Values are checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

# Enter on a choice field of F8 (the IHK) leaves it as it is
mkdir "$TMP/cli" || fail "mkdir"
C=$("$WA_BIN" new --dir "$TMP/cli" --kommune "Lampertheim" --ihk "IHK Limburg" --datum 2024-03-12) ||
	fail "new"
tui "$C" <<'SCRIPT' || fail "Enter on the IHK of F8"
wait "Frage 1/"
keys <F8>
wait "Stammdaten und Teilnehmende"
keys <Down> <Down> <Down>
wait "IHK Limburg"
keys <Enter>
sleep 300
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
SCRIPT
dump_has "$C" "meta.ihk	IHK Limburg"

tui --dir "$TMP" <<'SCRIPT' || fail "the new-audit screen"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
keys "Bensheim" <Enter>
wait "Bensheim"
keys <Down> "Landkreis Bergstraße" <Enter>
wait "IHK aus dem Landkreis vorgeschlagen: IHK Darmstadt"
expect "‹ IHK Darmstadt (Rhein Main Neckar)"
keys <Down> <Down>
wait "Anfangsbuchstaben wechseln"
# Enter on a choice changes nothing
keys <Enter>
wait "Auswahl: Leertaste"
expect "‹ IHK Darmstadt (Rhein Main Neckar)"
# picking by typing
keys "lim"
wait "‹ IHK Limburg"
keys <Up> "mit"
wait "‹ Mittelzentrum ›"
# typing replaces today's date
keys <Down> <Down> <Down> "14.3.26" <Enter>
wait "14.03.2026"
# participants: one empty line more than filled
keys <Down> <Down> "Frau Schäfer" <Enter>
wait "Name 2"
keys <Down> "Bürgermeisterin" <Enter> <Down>
expect "Funktion 2"
expect_not "Name 3"
# Esc on a filled form asks; another key goes on
keys <Esc>
wait "Eingaben verwerfen, ohne das Audit anzulegen?"
keys n
wait "Weiter mit dem neuen Audit"
expect "Frau Schäfer"
# Strg-S from any field creates it
keys <C-s>
wait "Prüfgespräch – Bensheim"
expect "Audit angelegt:"
keys <F10>
exit 0
sane
SCRIPT
S=$(ls "$TMP"/*.cdb) || fail "no session was created"
dump_has "$S" "meta.landkreis	Landkreis Bergstraße"
dump_has "$S" "meta.ihk	IHK Limburg"
dump_has "$S" "meta.zentralitaet	Mittelzentrum"
dump_has "$S" "meta.datum	2026-03-14"
dump_has "$S" "participant.1.name	Frau Schäfer"
dump_has "$S" "participant.1.funktion	Bürgermeisterin"
dump_lacks "$S" "participant.2.name"

# F8: Enter on the IHK changes nothing; Datum typed German, shown German
tui "$S" <<'SCRIPT' || fail "F8"
wait "Frage 1/"
keys <F8>
wait "Stammdaten und Teilnehmende"
keys <Down> <Down> <Down>
wait "Anfangsbuchstaben wechseln"
keys <Enter>
wait "Auswahl: Leertaste"
expect "‹ IHK Limburg"
expect "14.03.2026"
keys <Down> <Down> "1.4.26" <Enter>
wait "01.04.2026"
wait "Gespeichert "
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
SCRIPT
dump_has "$S" "meta.ihk	IHK Limburg"
dump_has "$S" "meta.datum	2026-04-01"

# leaving the new-audit screen filled asks, too (quitting)
tui --dir "$TMP" <<'SCRIPT' || fail "quitting a filled new audit asks"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
keys "Lorsch"
keys <F10>
wait "Eine Eingabe ist noch nicht gespeichert:"
expect "noch nicht angelegt"
keys <Esc>
wait_not "Eine Eingabe ist noch nicht gespeichert:"
expect "Lorsch"
keys <F10>
wait "Eine Eingabe ist noch nicht gespeichert:"
keys b
exit 0
sane
SCRIPT
[ "$(ls "$TMP"/*.cdb | wc -l)" -eq 1 ] || fail "quitting without creating made a session"
echo "PASS: tui_fields"

#!/bin/sh
# tests/tui_start.sh: the start screen and the „Neues Audit“ screen through a
# pseudo terminal at 80x24: the empty-directory hint and key bar, the
# required Kommune, creating an audit with master data and a participant
# typed by keys (umlauts), landing on question 1 of the interview, F10 quits
# with exit 0 and a restored terminal; the data is in `dump`; the start screen
# then lists the audit, Enter opens it and q quits.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

tui --dir "$TMP" <<'SCRIPT' || fail "creating an audit through the screens"
wait "Wohnort-Audit – Sitzungen"
expect "Noch keine Audits in diesem Verzeichnis"
expect_row -1 "neues Audit"
keys n
wait "Neues Audit"
expect "Kommune *"
expect "Zentralitätsstufe"
# the button without a Kommune is refused
keys <End>
wait "Audit anlegen"
keys <Enter>
wait "Bitte die Kommune eintragen"
keys "Bad Königsbrünn" <Enter>
wait "Bad Königsbrünn"
keys <Down> "Ostalbkreis" <Enter> <Down> 3 <Down> 2 <Down> "Erika Müller" <Enter>
wait "Erika Müller"
expect "‹ Mittelzentrum ›"
expect "‹ IHK Aschaffenburg"
keys <Down> <Down> <Down> "Jörg Weiß" <Enter> <Down> "Bürgermeister" <Enter>
wait "Bürgermeister"
keys <End> <Enter>
wait "Prüfgespräch – Bad Königsbrünn"
expect "Audit angelegt:"
expect "Frage 1/"
expect "Handlungsfeld 1/5: Strategische Zielsetzung"
expect "0/41 beantwortet"
keys <F10>
exit 0
sane
SCRIPT

S=$(ls "$TMP"/*.cdb) || fail "no session file was created"
[ "$(echo "$S" | wc -l)" -eq 1 ] || fail "more than one session: $S"
dump_has "$S" "meta.kommune	Bad Königsbrünn"
dump_has "$S" "meta.landkreis	Ostalbkreis"
dump_has "$S" "meta.zentralitaet	Mittelzentrum"
dump_has "$S" "meta.ihk	IHK Aschaffenburg"
dump_has "$S" "meta.auditor	Erika Müller"
dump_has "$S" "meta.art	erst"
dump_has "$S" "participant.1.name	Jörg Weiß"
dump_has "$S" "participant.1.funktion	Bürgermeister"
"$WA_BIN" dump "$S" | grep -q "^meta.datum	[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]$" ||
	fail "meta.datum is not today's date"

tui --dir "$TMP" <<'SCRIPT' || fail "the start screen lists and opens the audit"
wait "Wohnort-Audit – Sitzungen"
expect "Bad Königsbrünn"
expect "Erstaudit"
expect "Erstaudit    0/"
keys <Enter>
wait "Prüfgespräch – Bad Königsbrünn"
expect "Geöffnet:"
keys <C-q>
exit 0
sane
SCRIPT

tui --dir "$TMP" <<'SCRIPT' || fail "q quits the start screen"
wait "Wohnort-Audit – Sitzungen"
keys q
exit 0
sane
SCRIPT
echo "PASS: tui_start"

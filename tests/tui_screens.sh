#!/bin/sh
# tests/tui_screens.sh: the side screens reached by F-keys and Esc + digit:
# F2 note (umlauts, shown under the question), F3 evidence status and due
# date, F4 jump to a Handlungsfeld, F5 review with Enter jumping to the
# question, F6 result, F7 Entwicklungsziele; colours by default and none with
# NO_COLOR. Every change is checked through `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

S=$(new_session "Giengen an der Brenz")
# F6 shows the Endpunktzahl: past the Gespräch, where points are hidden
"$WA_BIN" set "$S" session.phase auswertung || fail "phase"

# colours where the terminal has them (vt100 has none)
COLOUR_CHECK=expect_color
tui_colour || COLOUR_CHECK=expect_mono
tui "$S" <<SCRIPT || fail "note, evidence, sections, review, result, goals"
wait "Frage 1/"
$COLOUR_CHECK
keys <F2>
wait "Eigene Empfehlung"
keys "Bürgermeisterin: „Beschluss folgt im Mai“" <C-s>
wait "Gespeichert "
keys <Esc>
wait "Frage 1/"
expect "Notiz: Bürgermeisterin: „Beschluss folgt im Mai“"
keys <F3>
wait "Nachweis zur Frage"
keys <Space> <Space>
wait "‹ nachzureichen ›"
keys <Down> "2024-06-30" <Enter>
wait "30.06.2024"
keys <Esc>
wait "Frage 1/"
expect "[nachzureichen bis 30.06.2024 – überfällig]"
# F4 (as Esc 4): straight to Handlungsfeld 3
keys <Esc> 4
wait "Handlungsfeld wählen"
expect "Beruf und Familie"
keys 3
wait "Handlungsfeld 3/5: Beruf und Familie"
expect "Gibt es eine zentrale Anmeldestelle"
keys j
wait "(•) 1 Ja"
# F5 review: the open questions; Enter jumps to the selected one
keys <F5>
wait "Übersicht"
expect "Hat ein kommunales Gremium"
keys <Enter>
wait "Frage 1/"
expect "Handlungsfeld 1/5: Strategische Zielsetzung"
# F6 result
keys <F6>
wait "Endpunktzahl:"
expect "Ergebnis"
expect "vorläufig"
# the result scrolls on its own keys (Bild↓ does not move the interview)
keys <PgDn> <PgDn> <PgDn> <End>
wait "▲ mehr"
expect "     → "
expect_not "▼ mehr"
keys <Esc>
wait "Frage 1/"
# F7 goals with umlauts
keys <F7>
wait "Entwicklungsziel 1"
keys "Mehr Kita-Plätze für Zuzügler" <C-s>
wait "Mehr Kita-Plätze für Zuzügler"
wait "Gespeichert "
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
sane
SCRIPT

dump_has "$S" "strategie.ratsbeschluss:note	Bürgermeisterin: „Beschluss folgt im Mai“"
dump_has "$S" "strategie.ratsbeschluss:evidence	nachzureichen"
dump_has "$S" "strategie.ratsbeschluss:evidence_due	2024-06-30"
dump_has "$S" "familie.kita_anmeldung	ja"
dump_has "$S" "goal.1.ziel	Mehr Kita-Plätze für Zuzügler"

NO_COLOR=1 tui "$S" <<'SCRIPT' || fail "NO_COLOR: no colours"
wait "Frage 1/"
expect_mono
expect "Notiz: Bürgermeisterin"
keys <F6>
wait "Endpunktzahl:"
expect_mono
keys <F10>
exit 0
SCRIPT
echo "PASS: tui_screens"

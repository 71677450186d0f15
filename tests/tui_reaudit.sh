#!/bin/sh
# tests/tui_reaudit.sh: a Re-Audit created through the „Neues Audit“ screen:
# choosing Art „Re-Audit“ shows the „Vorheriges Audit“ field with the earlier
# session; the new session copies the previous goals, F7 lists them with a
# status, and „erreicht“ earns the Sonderpunkte of the form (shown at once
# once Strg-P shows points in the Gespräch, and in `dump` / `score`).
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

P=$("$WA_BIN" new --dir "$TMP" --kommune "Aalen" --datum 2021-05-04) || fail "new"
"$WA_BIN" set "$P" goal.1.ziel "Willkommenskultur stärken" || fail "set goal 1"
"$WA_BIN" set "$P" goal.2.ziel "Mehr Kita-Plätze" || fail "set goal 2"

tui --dir "$TMP" <<'SCRIPT' || fail "creating a re-audit through the screens"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
expect_not "Vorheriges Audit"
keys "Aalen" <Enter>
wait "Tippen ersetzt"
keys <Down> <Down> <Down> <Down> <Down> <Down>
wait "Anfangsbuchstaben wechseln"
keys <Space>
wait "‹ Re-Audit ›"
wait "Vorheriges Audit"
keys <Down> <Space>
wait "‹ Aalen, 04.05.2021 ›"
keys <End> <Enter>
wait "Prüfgespräch – Aalen"
keys <F7>
wait "Ziele aus dem letzten Audit"
expect "Willkommenskultur stärken"
expect "Mehr Kita-Plätze"
# a new audit is in the Gespräch: no Sonderpunkte until Strg-P shows them
expect_not "Sonderpunkte"
keys <C-p>
wait "Sonderpunkte: 0"
keys <Space>
wait "‹ erreicht (+3 Sonderpunkte) ›"
wait "Sonderpunkte: 3"
keys <Esc>
wait "Frage 1/"
keys <F10>
exit 0
sane
SCRIPT

S=$(ls "$TMP"/*.cdb | grep -v "2021-05-04") || fail "no new session"
dump_has "$S" "meta.art	re"
dump_has "$S" "meta.vorher	$P"
dump_has "$S" "prevgoal.1.ziel	Willkommenskultur stärken"
dump_has "$S" "prevgoal.1	erreicht"
echo "PASS: tui_reaudit"

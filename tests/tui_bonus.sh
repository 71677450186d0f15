#!/bin/sh
# tests/tui_bonus.sh: Sonderpunkte only for goals that exist in a linked
# previous audit. Switching Art to Re-Audit on F8 in an Erstaudit offers no
# goal to judge on F7 (it used to offer "Ziel 1 (nicht übernommen)" worth 3
# Sonderpunkte); linking the previous audit on F8 afterwards takes over its
# goals as at creation, and then „erreicht“ earns the Sonderpunkte, shown on
# F7, F6 and in the header. `set` refuses a status for a goal that does not
# exist. Checked through `dump` and `score`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

P=$("$WA_BIN" new --dir "$TMP" --kommune "Bonusheim" --datum 2021-05-04) || fail "new P"
"$WA_BIN" set "$P" goal.1.ziel "Willkommenskultur stärken" || fail "set goal 1"
S=$(new_session "Bonusheim")
# Sonderpunkte are shown past the Gespräch, where points are hidden
"$WA_BIN" set "$S" session.phase auswertung || fail "phase"
P_ABS=$(cd "$(dirname "$P")" && pwd)/$(basename "$P")

tui "$S" <<'SCRIPT' || fail "Re-Audit without a previous audit, then linked"
wait "Frage 1/"
keys <F8>
wait "Stammdaten und Teilnehmende"
keys <Down> <Down> <Down> <Down> <Down> <Down>
wait "‹ Erstaudit ›"
keys <Space>
wait "‹ Re-Audit ›"
keys <Esc>
wait "Frage 1/"
keys <F7>
wait "Ziele aus dem letzten Audit"
expect "Kein vorheriges Audit"
expect_not "Status"
expect_not "nicht übernommen"
expect "Sonderpunkte: 0"
keys <Esc>
wait "Frage 1/"
keys <F8>
wait "Stammdaten und Teilnehmende"
keys <Down> <Down> <Down> <Down> <Down> <Down> <Down>
wait "Vorheriges Audit   ‹ – (keines) ›"
keys <Space>
wait "Vorheriges Audit verknüpft: Bonusheim, 04.05.2021; 1 Ziel übernommen"
keys <Esc>
wait "Frage 1/"
keys <F7>
wait "Willkommenskultur stärken"
keys <Space>
wait "‹ erreicht (+3 Sonderpunkte) ›"
wait "Sonderpunkte: 3"
keys <Esc>
wait "0 P. + 3 Sonderp."
keys <F6>
wait "Sonderpunkte: 3"
keys <F10>
exit 0
sane
SCRIPT
dump_has "$S" "meta.art	re"
dump_has "$S" "meta.vorher	$P_ABS"
dump_has "$S" "prevgoal.1.ziel	Willkommenskultur stärken"
dump_has "$S" "prevgoal.1	erreicht"
dump_lacks "$S" "prevgoal.2"
"$WA_BIN" score "$S" --format tsv | grep -qx "bonus	3" || fail "score: bonus is not 3"

# no goal, no status: set refuses it, and nothing is written
if "$WA_BIN" set "$S" prevgoal.2 erreicht 2>"$TMP/err"; then
	fail "set prevgoal.2 was accepted although goal 2 does not exist"
fi
grep -q "Ziel 2 des vorherigen Audits gibt es in dieser Sitzung nicht" "$TMP/err" ||
	{ cat "$TMP/err" >&2; fail "set prevgoal.2: no message"; }
dump_lacks "$S" "prevgoal.2"
echo "PASS: tui_bonus"

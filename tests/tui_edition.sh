#!/bin/sh
# tests/tui_edition.sh: a re-audit across the two shipped Prüfbogen editions
# through the screens. The previous audit (2023 edition) is made on the
# command line; the interview, started on the 2026 edition, creates the
# Re-Audit on „Neues Audit“, shows under a question the previous answer with
# its points once Strg-P shows them in the Gespräch („Letztes Audit
# 12.03.2023: Ja · 4/4 P.“), takes it over with v
# and, for a renamed question, the answer it had under its old id; F5 v lists
# what changed; the start screen shows the town's history. The session is
# then checked with `dump`.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

NEW=$WA_SRCDIR/forms/wohnort-muster-2026.yaml
P=$("$WA_BIN" new --dir "$TMP" --kommune "Heidenheim" --datum 2023-03-12 2>/dev/null) || fail "new"
for kv in "strategie.ratsbeschluss ja" "zuzug.online_dienste 12" "lebensqualitaet.maengelmelder ja"; do
	# shellcheck disable=SC2086
	"$WA_BIN" set "$P" $kv >/dev/null 2>&1 || fail "set $kv"
done

tui --dir "$TMP" --form "$NEW" <<'SCRIPT' || fail "a re-audit across editions through the screens"
wait "Wohnort-Audit – Sitzungen"
expect "Verlauf: Erstaudit 2023"
keys n
wait "Neues Audit"
keys "Heidenheim" <Enter>
wait "Tippen ersetzt"
keys <Down> <Down> <Down> <Down> <Down> <Down>
wait "Anfangsbuchstaben wechseln"
keys <Space>
wait "‹ Re-Audit ›"
keys <Down> <Space>
wait "‹ Heidenheim, 12.03.2023 ›"
keys <End> <Enter>
wait "Prüfgespräch – Heidenheim"
# a new audit is in the Gespräch: the previous answer without its points
wait "Letztes Audit 12.03.2023: Ja – v übernimmt"
keys <C-p>
wait "Letztes Audit 12.03.2023: Ja · 4/4 P. – v übernimmt"
expect_not "(•) 1 Ja"
keys v
wait "Antwort aus dem letzten Audit übernommen"
expect "(•) 1 Ja"
keys <F9>
wait "Frage suchen"
keys "2.4" <Enter>
wait "Letztes Audit 12.03.2023: 12 · 1/3 P. [umbenannt]"
expect "Antwort: offen"
keys v
wait "Antwort: 12"
keys <F5>
wait "Übersicht"
keys v
wait "Entwicklung seit dem letzten Audit"
expect "Prüfbogen 11.05.2023 → 01.03.2026"
expect "entfallen"
keys <Esc>
wait "Übersicht"
keys <F10>
exit 0
sane
SCRIPT

S=$(ls "$TMP"/*.cdb | grep -v "2023-03-12") || fail "no new session"
dump_has "$S" "meta.art	re"
dump_has "$S" "zuzug.digitale_dienste	12"
"$WA_BIN" dump "$S" | cut -f1 | grep -qx "previous.dump" || fail "no copy of the previous audit"

tui --dir "$TMP" <<'SCRIPT' || fail "the start screen shows the history"
wait "Wohnort-Audit – Sitzungen"
wait "Verlauf: Erstaudit 2023 → Re-Audit"
keys q
exit 0
SCRIPT
echo "PASS: tui_edition"

#!/bin/sh
# tests/tui_register.sh: the start screen's "gültig bis" through a pseudo
# terminal at 80x24: passed audits show the last valid day of their seal,
# one running out within six months is marked "!", an expired one "!!" (in
# red where the terminal has colours), the selected row says it in words;
# s sorts by "gültig bis" (earliest first, audits without one after them)
# and keeps the selected audit, s again goes back to file order. Dates are
# relative to today, so the marks do not age.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

EXAMPLE=$WA_SRCDIR/data/beispiel-sitzung.txt
# audit NAME KOMMUNE DATUM: a passed Erstaudit from the example session
audit() {
	sed -e "s/^meta\.kommune	.*/meta.kommune	$2/" \
		-e "s/^meta\.datum	.*/meta.datum	$3/" \
		-e "s/^meta\.art	.*/meta.art	erst/" \
		-e '/^meta\.vorher	/d' -e '/^prevgoal\./d' "$EXAMPLE" >"$TMP/$1.txt" ||
		fail "dump $1"
	"$WA_BIN" load "$TMP/$1.txt" --dir "$TMP/s" >/dev/null 2>&1 || fail "load $1"
}
day() { date -d "$1" +%Y-%m-%d; }
german() { date -d "$1" +%d.%m.%Y; }
# valid for two more years; running out in two months; expired a year ago
audit anger Anger "$(day 'today -1 year')"
audit burg Burg "$(day 'today -3 years +2 months')"
audit chor Chor "$(day 'today -4 years')"
"$WA_BIN" new --kommune Dorf --dir "$TMP/s" >/dev/null 2>&1 || fail "new Dorf"
ANGER=$(german 'today +2 years')
BURG=$(german 'today +2 months')
CHOR=$(german 'today -1 year')
export ANGER BURG CHOR

{
	cat <<SCRIPT
wait "Wohnort-Audit – Sitzungen"
expect "gültig bis"
expect_row 2 "Anger"
expect_row 2 "$ANGER"
expect_row 3 "Burg"
expect_row 3 "$BURG !"
expect_row 4 "Chor"
expect_row 4 "$CHOR !!"
expect_row 5 "Dorf"
expect_row -3 "gültig (gültig bis $ANGER)"
keys <Down>
wait "läuft innerhalb von 6 Monaten ab (gültig bis $BURG)"
keys <Up>
wait "gültig (gültig bis $ANGER)"
SCRIPT
	if tui_colour; then
		echo "expect_fg \"$CHOR !!\" 1"
		echo "expect_fg \"Burg\" -1"
	fi
	cat <<SCRIPT
keys s
wait "Sitzungen nach „gültig bis“"
expect "Sortiert nach „gültig bis“"
expect_row 2 "Chor"
expect_row 3 "Burg"
expect_row 4 "Anger"
expect_row 5 "Dorf"
expect_row -3 "gültig (gültig bis $ANGER)"
keys <Up> <Up>
wait "abgelaufen (gültig bis $CHOR)"
keys s
wait "Sortiert nach Dateiname"
expect_row 2 "Anger"
expect_row 4 "Chor"
expect_row -3 "abgelaufen (gültig bis $CHOR)"
keys <F1>
wait "Hilfe – Tasten"
keys <PgDn> <PgDn> <PgDn>
wait "Start: s"
expect "nach „gültig bis“ sortieren"
keys <Esc> <Esc>
wait "Wohnort-Audit – Sitzungen"
keys q
exit 0
sane
SCRIPT
} >"$TMP/script"
tui --dir "$TMP/s" <"$TMP/script" || fail "gültig bis on the start screen"
echo "PASS: tui_register"

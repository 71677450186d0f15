#!/bin/sh
# tests/tui_forms.sh: choosing the Prüfbogen on the „Neues Audit“ screen
# through a pseudo terminal, with a temporary user config directory
# (XDG_CONFIG_HOME) and no machine one (WOHNORT_AUDIT_SYSCONFDIR). Covers:
# the bundled editions are offered, the model edition first; with a form
# of the IHK found the screen offers all, set to the default (the bundled form, or `form`
# of the configuration file, or interview --form ID), and the audit is
# created on the form chosen; an invalid form is not offered and is
# counted in a message; a broken configuration file is named and the
# audit is not created until a form is chosen.
. "${WA_SRCDIR:-.}/tests/tui_lib.sh"

export XDG_CONFIG_HOME="$TMP/cfg" WOHNORT_AUDIT_SYSCONFDIR="$TMP/etc"
unset WOHNORT_AUDIT_DATADIR
FORMS="$XDG_CONFIG_HOME/wohnort-audit/forms"
CONFIG="$XDG_CONFIG_HOME/wohnort-audit/config"

# form_of SESSION: the form id a session was started on
form_of() { "$WA_BIN" dump "$1" | awk -F'\t' '$1 == "form.id" { print $2 }'; }
# the one session in DIR
session_in() {
	s=$(ls "$1"/*.cdb 2>/dev/null) || fail "no session in $1"
	[ "$(echo "$s" | wc -l)" -eq 1 ] || fail "more than one session in $1: $s"
	echo "$s"
}

# --- the bundled editions: the model edition is the default --------------
tui --dir "$TMP/one" <<'SCRIPT' || fail "the bundled editions"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
expect_row 1 "Prüfbogen          ‹ wohnort-muster, Ausgabe 11.05.2023: "
expect_row 2 "Stammdaten"
keys "Aheim" <Enter>
keys <C-s>
wait "Prüfgespräch – Aheim"
keys <F10>
exit 0
SCRIPT
[ "$(form_of "$(session_in "$TMP/one")")" = wohnort-muster ] || fail "bundled: not the bundled form"
"$WA_BIN" dump "$(session_in "$TMP/one")" | grep -qx "form.edition	2023-05-11" ||
	fail "bundled: not the model edition"

# --- a second form and an invalid one: the choice, the default first -----
mkdir -p "$FORMS"
sed -e 's/^form: .*/form: ihk-test/' "$WA_SRCDIR/tests/data/forms/minimal.yaml" \
	>"$FORMS/ihk-test.yaml"
printf 'form: kaputt\ntitle: [\n' >"$FORMS/kaputt.yaml"
tui --dir "$TMP/two" <<'SCRIPT' || fail "choosing the second form"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
expect_row 1 "Prüfbogen          ‹ wohnort-muster, Ausgabe 11.05.2023: "
expect "1 ungültiger Prüfbogen übergangen"
expect_row 2 "Stammdaten"
# the Kommune is selected first; the form is the field above it
keys "Bheim" <Enter> <Up> <Up>
wait "Bheim"
keys <Space>
wait "‹ ihk-test, Ausgabe 31.01.2024: Kleiner Prüfbogen ›"
keys <Space>
wait "‹ wohnort-muster, Ausgabe 01.03.2026"
keys <Space>
wait "‹ wohnort-muster, Ausgabe 11.05.2023"
keys <Space>
wait "‹ ihk-test"
expect_not "kaputt"
keys <C-s>
wait "Prüfgespräch – Bheim"
expect "Erstes Feld"
keys <F10>
exit 0
SCRIPT
[ "$(form_of "$(session_in "$TMP/two")")" = ihk-test ] || fail "the chosen form was not taken"
rm "$FORMS/kaputt.yaml"

# --- the default of the configuration, and --form ID ----------------------
printf 'form = ihk-test\n' >"$CONFIG"
tui --dir "$TMP/config" <<'SCRIPT' || fail "the configured default"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
expect_row 1 "‹ ihk-test, Ausgabe 31.01.2024"
keys "Cheim" <Enter> <C-s>
wait "Prüfgespräch – Cheim"
keys <F10>
exit 0
SCRIPT
[ "$(form_of "$(session_in "$TMP/config")")" = ihk-test ] || fail "the configured default was not taken"
tui --dir "$TMP/option" --form wohnort-muster <<'SCRIPT' || fail "interview --form ID"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
# a form id names its newest edition
expect_row 1 "‹ wohnort-muster, Ausgabe 01.03.2026"
keys "Dheim" <Enter> <C-s>
wait "Prüfgespräch – Dheim"
keys <F10>
exit 0
SCRIPT
[ "$(form_of "$(session_in "$TMP/option")")" = wohnort-muster ] || fail "--form was not taken"
"$WA_BIN" dump "$(session_in "$TMP/option")" | grep -qx "form.edition	2026-03-01" ||
	fail "--form ID: not the newest edition"

# --- a broken configuration: named, and a form must be chosen -------------
printf '# Vorgabe\nform ihk-test\n' >"$CONFIG"
tui --dir "$TMP/broken" <<'SCRIPT' || fail "a broken configuration"
wait "Wohnort-Audit – Sitzungen"
keys n
wait "Neues Audit"
expect "config:2:"
expect_row 1 "‹ – (bitte wählen) ›"
keys "Eheim" <Enter> <C-s>
wait "Bitte den Prüfbogen wählen"
expect_not "Prüfgespräch"
keys <Up> <Up> <Space>
wait "‹ ihk-test"
keys <C-s>
wait "Prüfgespräch – Eheim"
keys <F10>
exit 0
SCRIPT
[ "$(form_of "$(session_in "$TMP/broken")")" = ihk-test ] || fail "broken config: the chosen form was not taken"
echo "PASS: tui_forms"

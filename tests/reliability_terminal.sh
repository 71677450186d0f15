#!/bin/sh
# tests/reliability_terminal.sh: covers control characters in text output.
# Master data, notes, own recommendations, goals and a form whose texts hold
# escape sequences (window title, clear screen, colours), a C1 CSI (U+009B),
# BEL, DEL and a carriage return must not reach the terminal raw through any
# command: score (text, tsv, json), questions, list, dump, check-form, error
# messages of set, new and load. Every byte written to stdout and stderr is
# checked: no C0 control other than newline and tab, no DEL, no C1 control.
# The dump stays exact: it loads back to the same dump.
. "$WA_SRCDIR/tests/reliability_lib.sh"

evil=$(printf 'Ost\033]0;gekapert\007\033[2J\033[31mrot\302\2332J\177\rWest')

# check WHAT: the last run wrote no raw control character.
check() {
	if "$PY" "$WA_SRCDIR/tests/reliability_terminal_check.py" "$work/out" "$work/err"; then
		ok
	else
		fail "$1: raw control characters in the output"
	fi
}

# A form whose texts carry escapes (YAML double quotes: \e \a \x9b \r).
form=$work/form.yaml
sed -e 's/^title: Kleiner Prüfbogen$/title: "Prüfbogen \\e]0;x\\a\\e[2J"/' \
	-e 's/text: Gibt es das?/text: "Gibt es \\e[31mdas\\x9b2J\\r?"/' \
	"$WA_SRCDIR/tests/data/forms/minimal.yaml" >"$form"
grep -q 'e\[31m' "$form" && ok || fail "the test form was not made"

run 60 "$WA_BIN" new --kommune "$evil" --ihk "$evil" --auditor "$evil" --datum 2026-11-23 \
	--form "$form" --dir "$work/s"
expect_refusal "new with escape sequences" 0 || finish
check "new"
s=$(tail -1 "$work/out")
for kv in "eins.frage=ja" "eins.frage:note=$evil" "eins.frage:recommendation=$evil" \
	"goal.1.ziel=$evil" "participant.1.name=$evil"; do
	run 60 "$WA_BIN" set "$s" "${kv%%=*}" "${kv#*=}"
	expect_refusal "set ${kv%%=*}" 0
	check "set ${kv%%=*}"
done
for fmt in text tsv json; do
	run 60 "$WA_BIN" score "$s" --format $fmt
	expect_refusal "score --format $fmt" 0
	check "score --format $fmt"
done
grep -q "gekapert" "$work/out" && ok || fail "score json lost the text around the escapes"
run 60 "$WA_BIN" questions --form "$form"
expect_refusal "questions" 0
check "questions"
run 60 "$WA_BIN" list --dir "$work/s"
expect_refusal "list" 0
check "list"
run 60 "$WA_BIN" check-form "$form"
expect_refusal "check-form" 0
check "check-form"
run 60 "$WA_BIN" export "$s" -o "$work/e.xlsx"
expect_refusal "export" 0
check "export"
run 60 "$WA_BIN" dump "$s"
expect_refusal "dump" 0
check "dump"
cp "$work/out" "$work/dump1"
run 60 "$WA_BIN" load "$work/dump1" --dir "$work/back"
expect_refusal "load of the escaped dump" 0
check "load"
run 60 "$WA_BIN" dump "$(tail -1 "$work/out")"
cmp -s "$work/out" "$work/dump1" && ok || fail "the dump did not survive load and dump exactly"

# messages that quote what the user or a file gave
run 60 "$WA_BIN" set "$s" "$(printf 'x\033[2J\302\233y')" wert
expect_refusal "set with an escape in the key" 2
check "set error message"
run 60 "$WA_BIN" set "$s" meta.zentralitaet "$evil"
expect_refusal "set with an escape in a refused value" 2
check "set refused value"
printf 'form: t\ntitle: "\\e]0;x\\a"\nunbekannt\033[2J: 1\n' >"$work/bad.yaml"
run 60 "$WA_BIN" check-form "$work/bad.yaml" "$(printf '%s/fehlt\033[2J.yaml' "$work")"
expect_refusal "check-form of broken forms" 2
check "check-form errors"
printf 'format\twohnort-audit-session 1\nmeta.kommune\t%s\n' "$evil" >"$work/bad.txt"
run 60 "$WA_BIN" load "$work/bad.txt" --dir "$work/nope"
expect_refusal "load of a broken dump" 2
check "load error"

finish

#!/bin/sh
# cli_options.sh: black-box test of the command line as the command table
# declares it. Every command takes `--opt=value` and `--opt value` alike
# (same result) and `--` before its operands (a value that starts with "-"
# after `--`; set also takes "-2" or "-Text" as VALUE without it);
# `wohnort-audit new --kommune=Bad\ Vilbel` works. For every
# command and every option listed by `help --complete`: an unknown option,
# a missing value and a value given to a flag give a message, the usage
# line (the first line of `help COMMAND`) and exit 1; `COMMAND --help`
# prints the same as `help COMMAND`. `help new` and `help set` name every
# option of the master-data and per-question tables, read from
# src/model/vocab.c, never listed here. Every option with fixed values
# refuses another value naming each allowed value (exit 2 for a record's
# value, 1 for a choice of the command such as --format) and creates
# nothing.
set -u
BIN=${WA_BIN:?}
SRC=${WA_SRCDIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-cli-options-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
unset WOHNORT_AUDIT_DIR
fails=0
checks=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run COMMAND...: run with stdout, stderr and status in $T/out, $T/err, $rc
run() { "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; checks=$((checks + 1)); }
# want CODE DESCRIPTION: compare $rc
want() { [ "$rc" = "$1" ] || { fail "$2: exit $rc, want $1"; sed 's/^/  | /' "$T/err"; }; }
# same FILE1 FILE2 DESCRIPTION
same() { cmp -s "$1" "$2" || { fail "$3"; diff "$1" "$2" | head -5; }; }
# usage_given COMMAND DESCRIPTION: exit 1, a message and the usage line of COMMAND
usage_given() {
	want 1 "$2"
	"$BIN" help "$1" | head -1 >"$T/usage"
	grep -qxF -f "$T/usage" "$T/err" || { fail "$2: usage line missing"; sed 's/^/  | /' "$T/err"; }
	grep -q "^wohnort-audit: $1: " "$T/err" || fail "$2: no message naming the command"
}

# --- the table, as the program derives it ----------------------------------
run "$BIN" help --complete
want 0 "help --complete"
cp "$T/out" "$T/table"
awk -F'\t' '$1 == "command" { print $2 }' "$T/table" >"$T/commands"
"$BIN" help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' >"$T/listed"
[ -s "$T/commands" ] || fail "help --complete lists no command"
same "$T/listed" "$T/commands" "help --complete lists other commands than help"
awk -F'\t' '$1 != "command" && $1 != "option" { bad = 1 } END { exit bad }' "$T/table" ||
	fail "help --complete has a record that is neither command nor option"
awk -F'\t' '($1 == "command" && NF != 4) || ($1 == "option" && NF != 7) { bad = 1 } END { exit bad }' \
	"$T/table" || fail "help --complete: a record with the wrong number of fields"

# --- every command: unknown options, --help, missing values, flags with a value
while read -r c; do
	run "$BIN" "$c" --gibtsnicht
	usage_given "$c" "$c --gibtsnicht"
	grep -q "gibtsnicht" "$T/err" || fail "$c --gibtsnicht: the option is not named"
	run "$BIN" "$c" --gibtsnicht=wert
	usage_given "$c" "$c --gibtsnicht=wert"
	run "$BIN" "$c" -Q
	usage_given "$c" "$c -Q"
	"$BIN" help "$c" >"$T/help" 2>&1 || fail "help $c: exit status"
	run "$BIN" "$c" --help
	want 0 "$c --help"
	same "$T/help" "$T/out" "$c --help differs from help $c"
	grep -q "^usage: wohnort-audit $c" "$T/help" || fail "help $c: no usage line"
	cp "$T/help" "$T/help-$c"
done <"$T/commands"

awk -F'\t' '$1 == "option" && $3 != "--help"' "$T/table" >"$T/options"
[ "$(wc -l <"$T/options")" -ge 10 ] || fail "help --complete lists too few options"
while IFS='	' read -r kind c opt short arg values help; do
	grep -q -- "^  \(-., \|    \)$opt" "$T/help-$c" || fail "help $c does not list $opt"
	if [ "$arg" = "-" ]; then
		run "$BIN" "$c" "$opt=wert"
		usage_given "$c" "$c $opt=wert (a flag)"
	else
		run "$BIN" "$c" "$opt"
		usage_given "$c" "$c $opt without a value"
		grep -q -- "$opt braucht einen Wert" "$T/err" || fail "$c $opt: message does not say what is missing"
		if [ "$short" != "-" ]; then
			run "$BIN" "$c" "$short"
			usage_given "$c" "$c $short without a value"
		fi
	fi
done <"$T/options"

# --- new and set take their options from the vocabulary tables ---------------
# The options of a table in src/model/vocab.c: the third string of each row
# {"key", "Label", "option", ... (rows whose option is NULL have none).
vocab_options() {
	sed -n "/^static const struct vocab_field $1\[\] = {/,/^};/p" "$SRC/src/model/vocab.c" |
		tr '\n\t' '  ' | grep -o '{"[^"]*", *"[^"]*", *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'
}
for pair in new:meta_fields set:item_fields; do
	c=${pair%%:*} table=${pair#*:}
	vocab_options "$table" >"$T/vocab-$c"
	[ "$(wc -l <"$T/vocab-$c")" -ge 3 ] || fail "could not read the options of $table from vocab.c"
	"$BIN" help "$c" >"$T/help-$c"
	while read -r o; do
		grep -q -- "--$o " "$T/help-$c" || fail "help $c does not list --$o (vocab.c $table)"
		awk -F'\t' -v c="$c" -v o="--$o" '$1 == "option" && $2 == c && $3 == o { found = 1 }
			END { exit !found }' "$T/table" || fail "help --complete lacks $c --$o"
	done <"$T/vocab-$c"
done

# --- --opt=value, --opt value and -- for every command -----------------------
D="$T/s"
run "$BIN" new --kommune=Bad\ Vilbel --datum=2026-11-23 --zentralitaet=Mittelzentrum --dir="$D"
want 0 "new --kommune=Bad\\ Vilbel"
S1=$(cat "$T/out")
run "$BIN" new --kommune "Bad Vilbel" --datum 2026-11-23 --zentralitaet Mittelzentrum --dir "$D" --
want 0 "new --kommune \"Bad Vilbel\" --"
S2=$(cat "$T/out")
[ "$S1" = "$D/bad-vilbel-2026-11-23.cdb" ] || fail "new --kommune=Bad\\ Vilbel printed '$S1'"
[ "$S2" = "$D/bad-vilbel-2026-11-23-2.cdb" ] || fail "second new printed '$S2'"
# the change history records when each change was made: not compared
"$BIN" dump "$S1" | sed 's/^\(session\.history\.[0-9]*	\)[^\\]*/\1ZEIT/' >"$T/d1"
"$BIN" dump "$S2" | sed 's/^\(session\.history\.[0-9]*	\)[^\\]*/\1ZEIT/' >"$T/d2"
grep -qx "meta.kommune	Bad Vilbel" "$T/d1" || fail "new --kommune=Bad\\ Vilbel: Kommune not stored"
same "$T/d1" "$T/d2" "new: --opt=value and --opt value give different sessions"
run "$BIN" new --kommune X --dir "$T/x" -- ueberzaehlig
usage_given new "new with an operand after --"

# set: both forms, options before and after the operands, a value after --
run "$BIN" set "$S1" strategie.leitbild erwaehnt --evidence=nachzureichen --due=2026-12-01 \
	--note=a=b
want 0 "set --opt=value"
run "$BIN" set --note a=b --due 2026-12-01 --evidence nachzureichen -- "$S2" strategie.leitbild erwaehnt
want 0 "set --opt value ... -- SESSION"
# the change history records when each change was made: not compared
"$BIN" dump "$S1" | sed 's/^\(session\.history\.[0-9]*	\)[^\\]*/\1ZEIT/' >"$T/d1"
"$BIN" dump "$S2" | sed 's/^\(session\.history\.[0-9]*	\)[^\\]*/\1ZEIT/' >"$T/d2"
same "$T/d1" "$T/d2" "set: --opt=value and --opt value give different sessions"
grep -qx "strategie.leitbild:note	a=b" "$T/d1" || fail "set --note=a=b: value not kept whole"
grep -qx "strategie.leitbild:evidence_due	2026-12-01" "$T/d1" ||
	fail "set: --due before --evidence not applied after it"
run "$BIN" set "$S1" lebensqualitaet.besonderheiten -- "--Fußgängerzone"
want 0 "set KEY -- VALUE that starts with --"
"$BIN" dump "$S1" | grep -qx "lebensqualitaet.besonderheiten	--Fußgängerzone" ||
	fail "set -- --VALUE: value not stored"
run "$BIN" set "$S1" strategie.unternehmensdialog -- -2
want 2 "set -- -2 reaches the model (a number below its minimum)"
run "$BIN" set "$S1" strategie.unternehmensdialog -2
want 2 "set KEY -2 (a single dash is a VALUE for set) reaches the model"
run "$BIN" set "$S1" lebensqualitaet.besonderheiten -Innenstadt --note -x
want 0 "set KEY -VALUE --note -x"
"$BIN" dump "$S1" | grep -qx "lebensqualitaet.besonderheiten	-Innenstadt" ||
	fail "set KEY -VALUE: value not stored"
"$BIN" dump "$S1" | grep -qx "lebensqualitaet.besonderheiten:note	-x" ||
	fail "set --note -x: note not stored"

# score
"$BIN" score "$S1" --format json >"$T/a" || fail "score --format json"
"$BIN" score --format=json -- "$S1" >"$T/b" || fail "score --format=json -- SESSION"
same "$T/a" "$T/b" "score: --format=json and --format json differ"
grep -q '"kommune": *"Bad Vilbel"' "$T/a" || fail "score json lacks the Kommune"

# export: -o, --output=, --output and -- SESSION
run "$BIN" export "$S1" -o "$T/e1.xlsx"
want 0 "export -o FILE"
run "$BIN" export --output="$T/e2.xlsx" -- "$S1"
want 0 "export --output=FILE -- SESSION"
run "$BIN" export --intern --output "$T/e3.xlsx" "$S1"
want 0 "export --intern --output FILE"
for f in e1 e2 e3; do [ -s "$T/$f.xlsx" ] || fail "export did not write $f.xlsx"; done

# dump, load, list
"$BIN" dump "$S1" >"$T/d1"
"$BIN" dump -- "$S1" >"$T/a" || fail "dump -- SESSION"
same "$T/d1" "$T/a" "dump -- SESSION differs from dump SESSION"
run "$BIN" load --dir="$T/l1" "$T/d1"
want 0 "load --dir=DIR"
run "$BIN" load --dir "$T/l2" -- "$T/d1"
want 0 "load --dir DIR -- FILE"
"$BIN" list --dir="$T/l1" >"$T/a" || fail "list --dir=DIR"
"$BIN" list --dir "$T/l2" -- >"$T/b" || fail "list --dir DIR --"
[ -s "$T/a" ] || fail "list --dir=DIR printed nothing"
same "$T/a" "$T/b" "list: --dir=DIR and --dir DIR differ"

# check-form, questions
F="$SRC/forms/wohnort-muster.yaml"
run "$BIN" check-form -- "$F"
want 0 "check-form -- FILE"
"$BIN" questions --form="$F" >"$T/a" || fail "questions --form=FILE"
"$BIN" questions --form "$F" -- >"$T/b" || fail "questions --form FILE --"
[ -s "$T/a" ] || fail "questions --form=FILE printed nothing"
same "$T/a" "$T/b" "questions: --form=FILE and --form FILE differ"

# help, version
"$BIN" help new >"$T/a"
"$BIN" help -- new >"$T/b" || fail "help -- COMMAND"
same "$T/a" "$T/b" "help -- new differs from help new"
run "$BIN" version --
want 0 "version --"

# interview (no terminal here: the options are read, then the terminal is refused)
for args in "--dir=$D" "--dir $D -- $S1" "--form=$F --dir=$D"; do
	# shellcheck disable=SC2086
	run "$BIN" interview $args
	want 1 "interview $args without a terminal"
	grep -q "Terminal" "$T/err" && ! grep -q "^usage:" "$T/err" ||
		{ fail "interview $args: options not accepted"; sed 's/^/  | /' "$T/err"; }
done

# --- fixed values: refused, naming every allowed one, nothing created -------
awk -F'\t' '$1 == "option" && $6 != "-"' "$T/table" >"$T/fixed"
[ "$(wc -l <"$T/fixed")" -ge 4 ] || fail "help --complete lists too few options with fixed values"
cp "$S1" "$T/before.cdb"
while IFS='	' read -r kind c opt short arg values help; do
	case $c in
	new) run "$BIN" new --kommune Ort --dir "$T/nichts" "$opt=gibtsnicht" ;;
	set) run "$BIN" set "$S1" strategie.ratsbeschluss "$opt=gibtsnicht" ;;
	score) run "$BIN" score "$S1" "$opt=gibtsnicht" ;;
	history) run "$BIN" history "$S1" "$opt=gibtsnicht" ;;
	register) run "$BIN" register "$T/nichts" "$opt=gibtsnicht" ;;
	compare) run "$BIN" compare "$S1" "$opt=gibtsnicht" ;;
	*) fail "no case in cli_options.sh for $c $opt (values $values)"; continue ;;
	esac
	case $rc in
	1) "$BIN" help "$c" | head -1 | grep -qxF -f - "$T/err" || fail "$c $opt: exit 1 without usage" ;;
	2) ;;
	*) fail "$c $opt=gibtsnicht: exit $rc, want 1 or 2" ;;
	esac
	grep -q "gibtsnicht" "$T/err" || fail "$c $opt=gibtsnicht: value not named"
	echo "$values" | tr '|' '\n' | while read -r v; do
		grep -qF -- "$v" "$T/err" || echo "$v"
	done >"$T/unnamed"
	[ -s "$T/unnamed" ] && fail "$c $opt=gibtsnicht: message lacks $(tr '\n' ' ' <"$T/unnamed")"
done <"$T/fixed"
[ ! -e "$T/nichts" ] || fail "a refused new created $(ls "$T/nichts")"
same "$T/before.cdb" "$S1" "a refused set changed the session"
run "$BIN" score "$S1" --format=xml
usage_given score "score --format=xml"

echo "cli_options: $checks commands run, $fails failures"
[ "$fails" -eq 0 ]

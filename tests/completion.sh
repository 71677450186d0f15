#!/bin/sh
# completion.sh: the bash completion (completion/wohnort-audit) driven by
# bash itself: COMP_WORDS and COMP_CWORD set, _wohnort_audit called,
# COMPREPLY read; and once with a real Tab in an interactive bash in a pty
# (tests/ptyrun), loaded on demand by bash-completion where it is installed.
# Covers, for every command: the command is offered (from `help --complete`
# and from the list `help` prints), every option of the command is offered
# (from the table and from `COMMAND --help`), every option with fixed
# values offers exactly those values (`--opt V`, `--opt=V`, `--opt = V`),
# and its operands: SESSION offers the sessions of the session directory
# (the directory `new` uses under WOHNORT_AUDIT_DIR, XDG_DATA_HOME, HOME and
# --dir on the line), set's KEY the question ids of the session's own form
# (`questions`; the session also as "$s"), --form the valid form ids (`forms`) and form files, DIR
# directories, FILE.xlsx workbooks, COMMAND the commands. A command or an
# option missing from what completion offers fails the test.
set -u
BIN=${WA_BIN:?}
SRC=${WA_SRCDIR:?}
BUILD=${WA_BUILDDIR:?}
COMPLETION="$SRC/completion/wohnort-audit"
command -v bash >/dev/null 2>&1 || { echo "SKIP: no bash"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-completion-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
unset WOHNORT_AUDIT_DATADIR XDG_DATA_HOME
export HOME="$T/home" XDG_CONFIG_HOME="$T/cfg" WOHNORT_AUDIT_DIR="$T/sessions"
# "wohnort-audit" on the command line is the binary under test
PATH="$(cd "$(dirname "$BIN")" && pwd):$PATH"
export PATH
mkdir -p "$HOME" "$T/cfg/wohnort-audit/forms" "$T/work/unter"
fails=0
checks=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# comp WORD...: complete the last WORD (the cursor at its end) of the
# command line WORD... in $T/work, as bash would; the offers, sorted, one a
# line, in $T/got.
comp() {
	checks=$((checks + 1))
	(cd "$T/work" && bash -c '
		source "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_wohnort_audit
		((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}"' \
		comp "$COMPLETION" "$@") | LC_ALL=C sort >"$T/got"
}
# offers WORD...: every WORD is in $T/got
offers() {
	for w; do
		grep -qxF -- "$w" "$T/got" || { fail "$what: „$w“ not offered"; sed 's/^/  | /' "$T/got"; }
	done
}
# offers_only FILE: $T/got is exactly the lines of FILE (sorted)
offers_only() {
	LC_ALL=C sort -u "$1" | cmp -s - "$T/got" ||
		{ fail "$what: other offers"; LC_ALL=C sort -u "$1" | diff - "$T/got" | head -20; }
}

# A form of the user's with other questions than the default form, one
# invalid, form files and others in the working directory.
sed 's/^form: .*/form: ihk-kurz/' "$SRC/tests/data/forms/minimal.yaml" \
	>"$T/cfg/wohnort-audit/forms/kurz.yaml"
printf 'form: kaputt\ntitle: [\n' >"$T/cfg/wohnort-audit/forms/kaputt.yaml"
: >"$T/work/meine.yaml"
: >"$T/work/alt.yml"
: >"$T/work/notiz.txt"
: >"$T/work/ergebnis.xlsx"
S1=$("$BIN" new --kommune Aheim --form ihk-kurz) || fail "new on ihk-kurz"
S2=$("$BIN" new --kommune Bheim 2>/dev/null) || fail "new on the default form"

"$BIN" help --complete >"$T/table" || fail "help --complete"
awk -F'\t' '$1 == "command" { print $2 }' "$T/table" >"$T/commands"
[ "$(wc -l <"$T/commands")" -ge 12 ] || fail "help --complete: too few commands"

# --- the commands ---------------------------------------------------------
what="commands"
comp wohnort-audit ""
offers_only "$T/commands"
"$BIN" help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p' >"$T/listed"
[ -s "$T/listed" ] || fail "help lists no command"
what="commands of help"
offers $(cat "$T/listed")
while read -r c; do
	what="command $c by a prefix"
	comp wohnort-audit "$(printf '%s' "$c" | cut -c1-2)"
	offers "$c"
done <"$T/commands"
what="the program's own options"
comp wohnort-audit --
offers --help --version

# --- every option of every command --------------------------------------
while read -r c; do
	awk -F'\t' -v c="$c" '$1 == "option" && $2 == c { print $3; if ($4 != "-") print $4 }' \
		"$T/table" >"$T/want"
	what="options of $c"
	comp wohnort-audit "$c" -
	offers_only "$T/want"
	# the options `COMMAND --help` names, read from the help, not the table
	"$BIN" "$c" --help | sed -n '/^Optionen:/,$ s/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' \
		>"$T/helped"
	[ -s "$T/helped" ] || fail "$c --help names no option"
	what="options of $c --help"
	offers $(cat "$T/helped")
	what="long options of $c"
	comp wohnort-audit "$c" --
	grep -- '^--' "$T/want" >"$T/want2"
	offers_only "$T/want2"
done <"$T/commands"

# --- every option with fixed values -------------------------------------
awk -F'\t' '$1 == "option" && $6 != "-" { print $2 "\t" $3 "\t" $6 }' "$T/table" >"$T/valued"
[ "$(wc -l <"$T/valued")" -ge 4 ] || fail "too few options with values"
while IFS='	' read -r c o v; do
	printf '%s\n' "$v" | tr '|' '\n' >"$T/want"
	what="$c $o VALUE"
	comp wohnort-audit "$c" "$o" ""
	offers_only "$T/want"
	what="$c $o = VALUE"
	comp wohnort-audit "$c" "$o" = ""
	offers_only "$T/want"
	# one word where COMP_WORDBREAKS has no "=": the offers carry the option
	sed "s/^/$o=/" "$T/want" >"$T/want2"
	what="$c $o=VALUE"
	comp wohnort-audit "$c" "$o="
	offers_only "$T/want2"
	first=$(head -1 "$T/want")
	what="$c $o=PREFIX"
	comp wohnort-audit "$c" "$o=$(printf '%s' "$first" | cut -c1-3)"
	offers "$o=$first"
done <"$T/valued"

# --- operands and values by their kind ------------------------------------
what="SESSION"
printf '%s\n' "$S1" "$S2" >"$T/want"
for c in score export dump set; do
	comp wohnort-audit "$c" ""
	offers_only "$T/want"
done
what="VORHER.cdb"
comp wohnort-audit new --vorher ""
offers_only "$T/want"
what="interview SESSION"
comp wohnort-audit interview ""
offers_only "$T/want"
what="set KEY: the questions of the session's form"
"$BIN" questions --form ihk-kurz | cut -f1 >"$T/want"
comp wohnort-audit set "$S1" ""
offers_only "$T/want"
# the session in a variable, as the README keeps it: "$s", $s, ${s}
export WA_SESSION="$S1"
for word in '"$WA_SESSION"' '$WA_SESSION' '${WA_SESSION}'; do
	what="set KEY after $word"
	comp wohnort-audit set "$word" ""
	offers_only "$T/want"
done
what="set KEY after options"
comp wohnort-audit set --evidence vorgelegt "$S1" ""
offers_only "$T/want"
what="set KEY: the questions of the default form"
"$BIN" questions | cut -f1 >"$T/want"
cmp -s "$T/want" "$T/got" && fail "the two forms have the same questions"
comp wohnort-audit set "$S2" ""
offers_only "$T/want"
what="set KEY by a prefix"
prefix=$(head -1 "$T/want" | cut -d. -f1).
grep -F "$prefix" "$T/want" >"$T/want2"
comp wohnort-audit set "$S2" "$prefix"
offers_only "$T/want2"
what="--form"
comp wohnort-audit new --form ""
offers ihk-kurz wohnort-muster meine.yaml alt.yml unter
grep -qx -e kaputt -e notiz.txt -e ergebnis.xlsx "$T/got" && fail "$what: an invalid form or another file"
comp wohnort-audit questions --form=ihk
offers --form=ihk-kurz
what="-o FILE.xlsx"
comp wohnort-audit export "$S1" -o ""
offers ergebnis.xlsx unter
grep -qx notiz.txt "$T/got" && fail "$what: notiz.txt"
what="--dir DIR"
comp wohnort-audit list --dir ""
printf 'unter\n' >"$T/want"
offers_only "$T/want"
what="help COMMAND"
comp wohnort-audit help ""
offers_only "$T/commands"
what="check-form FILE..."
comp wohnort-audit check-form meine.yaml ""
offers alt.yml meine.yaml notiz.txt

# --- the session directory, as `new` makes it -----------------------------
# check_dir DESCRIPTION ENV-ARGUMENT...: `new` in the environment env(1)
# makes of the arguments, then completing a session offers what it printed
check_dir() {
	what="session directory $1"
	shift
	s=$(env "$@" "$BIN" new --kommune Cheim) || { fail "$what: new"; return; }
	checks=$((checks + 1))
	(cd "$T/work" && env "$@" bash -c '
		source "$1" || exit 1
		COMP_WORDS=(wohnort-audit dump "")
		COMP_CWORD=2
		_wohnort_audit
		printf "%s\n" "${COMPREPLY[@]}"' comp "$COMPLETION") >"$T/got"
	grep -qxF "$s" "$T/got" || { fail "$what: $s not offered"; sed 's/^/  | /' "$T/got"; }
}
check_dir "WOHNORT_AUDIT_DIR" WOHNORT_AUDIT_DIR="$T/d1"
check_dir "XDG_DATA_HOME" -u WOHNORT_AUDIT_DIR XDG_DATA_HOME="$T/xdg"
check_dir "HOME" -u WOHNORT_AUDIT_DIR -u XDG_DATA_HOME HOME="$T/h"
check_dir "relative XDG_DATA_HOME" -u WOHNORT_AUDIT_DIR XDG_DATA_HOME=relativ HOME="$T/h2"
s=$("$BIN" new --kommune Dheim --dir "$T/d4")
what="session directory of --dir on the line"
comp wohnort-audit interview --dir "$T/d4" ""
printf '%s\n' "$s" >"$T/want"
offers_only "$T/want"
comp wohnort-audit --dir="$T/d4" ""
offers_only "$T/want"
comp wohnort-audit new --dir = "$T/d4" --vorher ""
offers_only "$T/want"

# --- a real Tab in an interactive bash -----------------------------------
PTYRUN="$BUILD/tests/ptyrun"
BC=/usr/share/bash-completion/bash_completion
if [ -x "$PTYRUN" ]; then
	# loaded on demand by bash-completion, as when installed; else sourced
	mkdir -p "$T/bc/completions"
	ln -s "$COMPLETION" "$T/bc/completions/wohnort-audit"
	if [ -r "$BC" ]; then
		load="source $BC"
	else
		load="source $COMPLETION"
	fi
	# a question id and a prefix of it that no other id has
	"$BIN" questions | cut -f1 >"$T/ids"
	full=$(awk '{ id[NR] = $1 } END {
		for (i = 1; i <= NR; i++) {
			p = substr(id[i], 1, length(id[i]) - 3); n = 0
			for (j = 1; j <= NR; j++) if (index(id[j], p) == 1) n++
			if (n == 1) { print id[i]; exit }
		}
	}' "$T/ids")
	prefix=$(printf '%s' "$full" | sed 's/...$//')
	[ -n "$full" ] || fail "no question id with a prefix of its own"
	cat >"$T/script" <<EOF
wait "bereit>"
keys "$load" <Enter>
wait "bereit>"
keys "wohnort-audit sco" <Tab>
wait "wohnort-audit score"
keys "--for" <Tab>
wait "score --format"
keys <C-u> "wohnort-audit set $S2 $prefix" <Tab>
wait "$full"
keys <C-u> "exit" <Enter>
exit 0
EOF
	checks=$((checks + 1))
	(cd "$T/work" && "$PTYRUN" -s 200x24 -t 60 -w 10000 -f "$T/script" \
		-e "PATH=$PATH" -e "PS1=bereit> " -e "HOME=$HOME" \
		-e "BASH_COMPLETION_USER_DIR=$T/bc" -e "INPUTRC=/dev/null" \
		-- bash --norc --noprofile -i) >"$T/pty.log" 2>&1 ||
		{ fail "a Tab in bash"; cat "$T/pty.log"; }
else
	fail "$PTYRUN is not built"
fi

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]

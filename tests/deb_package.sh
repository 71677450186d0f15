#!/bin/sh
# tests/deb_package.sh: the Debian package as an IHK's IT department gets it.
# Builds the .deb with `make deb` (nocheck: the suite has already run), runs
# lintian (no errors, no warnings), installs it with apt-get, runs the
# installed /usr/bin/wohnort-audit on the installed form (questions, new,
# set, score, export, man page) outside the source tree, checks that the
# bash completion is installed where bash-completion loads it and completes
# a command and a question id with the installed binary, drops a form into
# a temporary XDG config directory and sees it listed by `forms` and
# `--version` and used by `new`, and purges the package again. Needs root
# (apt-get install); skips (77) otherwise. Run by `./quickstart test`
# after the test suite, from the build directory.
set -u
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: installing the package needs root (apt-get install)"
	exit 77
fi
for tool in dpkg-buildpackage lintian apt-get; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: $tool is not installed"
		exit 77
	}
done
if dpkg-query -W -f='${Status}' wohnort-audit 2>/dev/null | grep -q "install ok installed"; then
	fail "a wohnort-audit package is already installed; purge it first"
fi

rm -f wohnort-audit_*.deb
DEB_BUILD_OPTIONS=nocheck make deb >deb-build.log 2>&1 || {
	tail -40 deb-build.log >&2
	fail "make deb"
}
deb=$(ls wohnort-audit_*_*.deb 2>/dev/null | grep -v dbgsym | head -n 1)
[ -n "$deb" ] || fail "make deb built no package"
echo "built $deb"

lintian --fail-on error,warning --allow-root "$deb" || fail "lintian reports errors or warnings for $deb"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/wa-deb.XXXXXX") || exit 99
cleanup() {
	DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq wohnort-audit >/dev/null 2>&1
	rm -rf "$TMP"
}
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" \
	>"$TMP/apt.log" 2>&1 || {
	cat "$TMP/apt.log" >&2
	fail "apt-get install ./$deb"
}

# Everything below runs the installed program, from a directory that is not
# the source tree, with no data directory override.
cd "$TMP" || exit 99
unset WOHNORT_AUDIT_DATADIR WOHNORT_AUDIT_DIR XDG_DATA_HOME XDG_CONFIG_HOME
export HOME="$TMP/home"
mkdir -p "$HOME"
WA=/usr/bin/wohnort-audit
[ -x "$WA" ] || fail "$WA is not installed"
"$WA" --version || fail "--version"
"$WA" questions >questions.tsv || fail "questions on the installed form"
[ "$(wc -l <questions.tsv)" -gt 10 ] || fail "questions lists too few questions"
qid=$(awk -F'\t' '$3 == "yesno" { print $1; exit }' questions.tsv)
[ -n "$qid" ] || fail "no yes/no question in the installed form"
s=$("$WA" new --kommune "Bad Vilbel" --datum 2026-03-14) || fail "new"
case "$s" in
"$HOME"/.local/share/wohnort-audit/*) ;;
*) fail "new created $s outside the default session directory" ;;
esac
"$WA" set "$s" "$qid" ja || fail "set $qid ja"
"$WA" score "$s" --format tsv >score.tsv || fail "score"
grep -q "^total" score.tsv || fail "score prints no total line"
"$WA" export "$s" -o "$TMP/ergebnis.xlsx" || fail "export"
[ -s "$TMP/ergebnis.xlsx" ] || fail "export wrote no workbook"
"$WA" load /usr/share/wohnort-audit/data/beispiel-sitzung.txt >/dev/null ||
	fail "load of the installed example session"

# Every file the package must carry.
COMPLETION=/usr/share/bash-completion/completions/wohnort-audit
for f in /usr/share/man/man1/wohnort-audit.1.gz /usr/share/man/man5/wohnort-audit-form.5.gz \
	/usr/share/wohnort-audit/forms/wohnort-muster.yaml /usr/share/wohnort-audit/data/ihk.txt \
	"$COMPLETION"; do
	dpkg -S "$f" >/dev/null 2>&1 || fail "$f is not in the package"
done

# The completion: bash-completion finds it on demand, and with the
# installed binary it completes a command and a question id.
# complete WORD...: what the completion offers for the last WORD.
complete_words() {
	bash -c 'source "$1" || exit 1; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _wohnort_audit
		printf "%s\n" "${COMPREPLY[@]}"' complete "$COMPLETION" "$@"
}
if [ -r /usr/share/bash-completion/bash_completion ]; then
	bash -c 'source /usr/share/bash-completion/bash_completion
		__load_completion wohnort-audit && complete -p wohnort-audit' 2>&1 |
		grep -q "_wohnort_audit" || fail "bash-completion does not load $COMPLETION"
fi
[ "$(complete_words wohnort-audit sco)" = score ] || fail "completion of a command: $(complete_words wohnort-audit sco)"
prefix=$(printf '%s' "$qid" | sed 's/.$//')
complete_words wohnort-audit set "$s" "$prefix" | grep -qxF "$qid" ||
	fail "completion of the question id $qid: $(complete_words wohnort-audit set "$s" "$prefix")"

# A form dropped into the user's config directory: listed, used by new.
export XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$XDG_CONFIG_HOME/wohnort-audit/forms"
sed -e 's/^form: .*/form: ihk-paket/' -e 's/^edition: .*/edition: 2026-06-01/' \
	/usr/share/wohnort-audit/forms/wohnort-muster.yaml \
	>"$XDG_CONFIG_HOME/wohnort-audit/forms/ihk-paket.yaml"
"$WA" forms >forms.tsv || fail "forms"
grep -q "^ihk-paket	2026-06-01	.*	$XDG_CONFIG_HOME/wohnort-audit/forms/ihk-paket.yaml	gültig\$" forms.tsv ||
	fail "forms does not list the dropped form: $(cat forms.tsv)"
"$WA" --version | grep -q "ihk-paket  2026-06-01" || fail "--version does not list the dropped form"
p=$("$WA" new --kommune Karben --form ihk-paket) || fail "new --form ihk-paket"
"$WA" dump "$p" | grep -qx "form.id	ihk-paket" || fail "new --form ihk-paket: another form"
complete_words wohnort-audit new --form ihk- | grep -qx ihk-paket || fail "completion of --form ihk-"
printf 'form = ihk-paket\n' >"$XDG_CONFIG_HOME/wohnort-audit/config"
p=$("$WA" new --kommune Karben) || fail "new with the configured default"
"$WA" dump "$p" | grep -qx "form.id	ihk-paket" || fail "new: the configured default not taken"
if command -v man >/dev/null 2>&1 && [ -e /usr/share/man/man1/wohnort-audit.1.gz ]; then
	MANPAGER=cat MANWIDTH=80 man wohnort-audit >man.txt 2>&1 || fail "man wohnort-audit"
	grep -q "wohnort-audit" man.txt || fail "man wohnort-audit shows nothing"
fi
echo "PASS: package built, lintian clean, installed, used and purged"

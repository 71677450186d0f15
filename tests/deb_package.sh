#!/bin/sh
# tests/deb_package.sh: the Debian package as an IHK's IT department gets it.
# Builds the .deb with `make deb` (nocheck: the suite has already run), runs
# lintian (no errors, no warnings), installs it with apt-get, runs the
# installed /usr/bin/wohnort-audit on the installed form (questions, new,
# set, score, export, man page) outside the source tree, and purges it
# again. Needs root (apt-get install); skips (77) otherwise. Run by
# `./quickstart test` after the test suite, from the build directory.
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
for f in /usr/share/man/man1/wohnort-audit.1.gz /usr/share/man/man5/wohnort-audit-form.5.gz \
	/usr/share/wohnort-audit/forms/wohnort-muster.yaml /usr/share/wohnort-audit/data/ihk.txt; do
	dpkg -S "$f" >/dev/null 2>&1 || fail "$f is not in the package"
done
if command -v man >/dev/null 2>&1 && [ -e /usr/share/man/man1/wohnort-audit.1.gz ]; then
	MANPAGER=cat MANWIDTH=80 man wohnort-audit >man.txt 2>&1 || fail "man wohnort-audit"
	grep -q "wohnort-audit" man.txt || fail "man wohnort-audit shows nothing"
fi
echo "PASS: package built, lintian clean, installed, used and purged"

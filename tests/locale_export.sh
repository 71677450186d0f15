#!/bin/sh
# tests/locale_export.sh: covers the German locale, where the auditor works.
# (1) The export read-back (tests/export_readback.py: six random sessions and
# the example, every number on Ergebnis equal to `score --format tsv`, read
# with openpyxl) runs with LANG and LC_ALL de_DE.UTF-8. (2) A library caller
# that takes every locale category from the environment (tests/locale_probe,
# decimal comma checked) exports the example session: every part of its
# workbook equals the one written in the C locale, no numeric attribute or
# value holds a decimal comma, and openpyxl reads it. (3) dump, score tsv
# and json, and questions give the same bytes in both locales.
# Skips (77) when de_DE.UTF-8 is not generated on this machine (./quickstart
# test generates it) or openpyxl is missing.
. "$WA_SRCDIR/tests/reliability_lib.sh"

if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	echo "SKIP: locale de_DE.UTF-8 not generated (localedef -i de_DE -f UTF-8 de_DE.UTF-8)"
	exit 77
fi
if [ "$PY" = no ] || ! "$PY" -c 'import openpyxl, yaml' 2>/dev/null; then
	echo "SKIP: $PY lacks openpyxl or yaml (apt-get install python3-openpyxl python3-yaml)"
	exit 77
fi
de() { env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 "$@"; }
c() { env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"; }

# (1) the read-back under the German locale
mkdir "$work/readback"
if de env WA_SOFFICE= "$PY" "$WA_SRCDIR/tests/export_readback.py" "$WA_BIN" "$WA_SRCDIR" \
	"$work/readback" >"$work/out" 2>&1; then
	ok
else
	fail "export read-back under de_DE.UTF-8:"
	sed 's/^/    /' "$work/out" | tail -20 >&2
fi

# (2) a library caller in the German locale
example=$WA_SRCDIR/data/beispiel-sitzung.txt
probe=$WA_BUILDDIR/tests/locale_probe
rc=0
de "$probe" "$example" "$work/de.xlsx" >"$work/out" 2>"$work/err" || rc=$?
[ $rc -eq 0 ] && ok || { fail "locale_probe under de_DE: exit $rc: $(cat "$work/err")"; finish; }
c "$probe" "$example" "$work/c.xlsx" >/dev/null 2>"$work/err" && fail "locale_probe ran without a decimal comma" || ok
rc=0
de "$WA_BIN" load "$example" --dir "$work/s" >"$work/out" 2>"$work/err" || rc=$?
s=$(tail -1 "$work/out")
c "$WA_BIN" export "$s" -o "$work/c.xlsx" >/dev/null 2>"$work/err" || fail "export in the C locale failed"
if "$PY" "$WA_SRCDIR/tests/locale_export_compare.py" "$work/de.xlsx" "$work/c.xlsx" "$s" "$WA_BIN"; then
	ok
else
	fail "the workbook of a library caller in de_DE differs from the C locale's"
fi

# (3) data formats do not depend on the locale
for cmd in "dump $s" "score $s --format tsv" "score $s --format json" "score $s" "questions"; do
	# shellcheck disable=SC2086
	de "$WA_BIN" $cmd >"$work/de.out" 2>&1
	# shellcheck disable=SC2086
	c "$WA_BIN" $cmd >"$work/c.out" 2>&1
	cmp -s "$work/de.out" "$work/c.out" && ok || fail "'$cmd' differs between de_DE and C"
done

finish

#!/bin/sh
# read_locale.sh: covers the readers in the auditor's locale. Runs
# tests/test_xlsxread and tests/test_csvread with LANG and LC_ALL de_DE.UTF-8
# and WA_EXPECT_DECIMAL_COMMA=1, so the XLSX test also asserts that the
# decimal comma is really in effect (strtod would read "2.5" as 2) while
# every number of the corpus and of the libxlsxwriter workbooks is read
# right. Skips (77) when de_DE.UTF-8 is not generated on this machine
# (./quickstart test generates it).
: "${WA_BUILDDIR:?}"
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	echo "SKIP: locale de_DE.UTF-8 not generated (localedef -i de_DE -f UTF-8 de_DE.UTF-8)"
	exit 77
fi
rc=0
for t in test_xlsxread test_csvread; do
	if ! env LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 WA_EXPECT_DECIMAL_COMMA=1 \
		"$WA_BUILDDIR/tests/$t" >"${TMPDIR:-/tmp}/read_locale.$$" 2>&1; then
		echo "FAIL: $t under de_DE.UTF-8:"
		grep -E 'FAILED|^ +[0-9]+\. ' "${TMPDIR:-/tmp}/read_locale.$$" | head -20
		rc=1
	else
		echo "ok: $t under de_DE.UTF-8"
	fi
	rm -f "${TMPDIR:-/tmp}/read_locale.$$"
done
exit $rc

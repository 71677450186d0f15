#!/bin/sh
# tests/locale_slug.sh: covers file names in a Turkish locale, where "I"
# does not lower to "i": a Kommune ISTANBUL gives istanbul-DATE.cdb under
# tr_TR.UTF-8 as under C. Skips (77) when tr_TR.UTF-8 is not generated on
# this machine (./quickstart test generates it).
. "$WA_SRCDIR/tests/reliability_lib.sh"

if ! locale -a 2>/dev/null | grep -qi '^tr_TR\.utf-\?8$'; then
	echo "SKIP: locale tr_TR.UTF-8 not generated (localedef -i tr_TR -f UTF-8 tr_TR.UTF-8)"
	exit 77
fi
for loc in tr_TR.UTF-8 C.UTF-8 de_DE.UTF-8; do
	locale -a 2>/dev/null | grep -qi "^$(echo "$loc" | sed 's/UTF-8/utf-\\?8/')$" || continue
	run 60 env LANG=$loc LC_ALL=$loc "$WA_BIN" new --kommune "ISTANBUL Iğdır" --datum 2026-11-23 --dir "$work/$loc"
	expect_refusal "new under $loc" 0 || continue
	[ "$(basename "$(tail -1 "$work/out")")" = "istanbul-i-d-r-2026-11-23.cdb" ] && ok ||
		fail "under $loc the session is $(basename "$(tail -1 "$work/out")")"
done
finish

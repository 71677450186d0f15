#!/bin/sh
# tests/reliability_list.sh: covers `list` (and so the start screen, which
# uses the same session_list) on damaged and edited sessions whose cdb
# structure is intact: a flipped byte in the Kommune, an edited summary with
# the old checksum, and an edited summary behind a recomputed checksum that
# no longer matches the master data or is impossible (more answered than
# shown). Each must be listed as FEHLER, never with the false Kommune or
# progress, while the good session beside them is listed as before. A
# damaged file whose .prev is intact says that opening it loads the .prev.
. "$WA_SRCDIR/tests/reliability_lib.sh"

cdbtool=$WA_SRCDIR/tests/corpus/wa_cdb.py
d=$work/list
run 60 "$WA_BIN" new --kommune "Echtstadt" --datum 2026-11-23 --dir "$d"
expect_refusal "new" 0 || finish
good=$(tail -1 "$work/out")
run 60 "$WA_BIN" set "$good" meta.auditor "Erika Muster"
expect_refusal "set" 0

# flipped: one byte of the Kommune changed in place
cp "$good" "$d/flipped.cdb"
"$PY" "$WA_SRCDIR/tests/reliability_list_flip.py" "$d/flipped.cdb" || fail "could not flip a byte"
# edited summary, old checksum kept
"$PY" "$cdbtool" rewrite "$good" "$d/stale.cdb" set:summary.kommune=Falschstadt keep-checksum ||
	fail "wa_cdb.py rewrite (stale) failed"
# edited summary behind a recomputed checksum
"$PY" "$cdbtool" rewrite "$good" "$d/crafted.cdb" set:summary.kommune=Falschstadt ||
	fail "wa_cdb.py rewrite (crafted) failed"
"$PY" "$cdbtool" rewrite "$good" "$d/progress.cdb" set:summary.answered=999 ||
	fail "wa_cdb.py rewrite (progress) failed"
"$PY" "$cdbtool" rewrite "$good" "$d/datum.cdb" set:summary.datum=2099-01-01 ||
	fail "wa_cdb.py rewrite (datum) failed"
# damaged, with an intact previous generation
cp "$d/flipped.cdb" "$d/mitprev.cdb"
cp "$good" "$d/mitprev.cdb.prev"

run 60 "$WA_BIN" list --dir "$d"
expect_refusal "list over damaged and edited sessions" 2
cp "$work/out" "$work/listing"
for name in flipped stale crafted progress datum mitprev; do
	line=$(grep "^$name.cdb	" "$work/listing")
	case $line in
	*"	FEHLER: "*) ok ;;
	*) fail "$name.cdb is listed as good: $line" ;;
	esac
done
grep -q "Falschstadt" "$work/listing" && fail "list shows the forged Kommune" || ok
grep -q "Fchtstadt" "$work/listing" && fail "list shows the damaged Kommune" || ok
grep -q "2099-01-01" "$work/listing" && fail "list shows the forged date" || ok
grep "^$(basename "$good")	Echtstadt	2026-11-23	erst	" "$work/listing" >/dev/null && ok ||
	fail "the good session is not listed as before: $(cat "$work/listing")"
grep "^mitprev.cdb	" "$work/listing" | grep -q "vorherige Generation" && ok ||
	fail "a damaged session with an intact .prev does not say so"
grep "^flipped.cdb	" "$work/listing" | grep -q "Prüfsumme" && ok ||
	fail "the flipped byte is not named as a checksum error"
# a checksum error is one for opening too (an edited summary behind a
# recomputed checksum opens: the loader ignores the summary)
for name in flipped stale; do
	run 60 "$WA_BIN" dump "$d/$name.cdb"
	[ "$rc" -ne 0 ] && ok || fail "$name.cdb: list calls it damaged but dump opens it"
done

finish

#!/bin/sh
# tests/reliability_sessions.sh: covers the broken and foreign session-file
# corpus. From a valid session made at test time (so the fixtures follow the
# format), it derives truncated, zero-filled, bit-flipped, foreign (another
# program's cdb, a text file, a zip, a PNG), wrong-format-version,
# checksum-mismatch and impossible-value files (behind a valid checksum,
# rewritten by tests/corpus/wa_cdb.py), plus a directory, a symlink loop, a
# FIFO and a missing file. Each goes through `dump`, `score`, `export` and
# `set`: exit 2 with a message naming the file, no crash, hang or sanitizer
# report; `set` must leave the file byte-for-byte unchanged and no temp file,
# `export` must write no workbook. `list` over a directory of all of them must
# not crash and must name every file. Committed inputs from
# tests/corpus/session/ and crash inputs from tests/corpus/regress/session-*
# run through the same commands.
. "$WA_SRCDIR/tests/reliability_lib.sh"

cdbtool=$WA_SRCDIR/tests/corpus/wa_cdb.py

# A valid session with answers of every type.
base=$work/base
run 60 "$WA_BIN" new --kommune "Korpusstadt" --datum 2026-11-23 --dir "$base"
expect_refusal "new (the valid base session)" 0 || finish
valid=$(tail -1 "$work/out")
[ -f "$valid" ] || { fail "new printed '$valid', not a file"; finish; }
"$WA_BIN" questions >"$work/questions" || { fail "questions failed"; finish; }
first_of() { awk -F'\t' -v t="$1" '$3 == t { print $1; exit }' "$work/questions"; }
q_yesno=$(first_of yesno)
q_choice=$(first_of choice)
q_multi=$(first_of multi)
q_number=$(first_of number)
q_scale=$(first_of scale)
q_text=$(first_of text)
q_date=$(first_of date)
for kv in "$q_yesno=ja" "$q_number=12" "$q_scale=1" "$q_text=Willkommenspaket für alle" \
	"$q_date=2026-01-15" "meta.auditor=Erika Muster" "goal.1.ziel=Welcome Center eröffnen"; do
	run 60 "$WA_BIN" set "$valid" "${kv%%=*}" "${kv#*=}"
	expect_refusal "set ${kv%%=*} on the base session" 0
done
run 60 "$WA_BIN" dump "$valid"
expect_refusal "dump of the valid base session" 0
"$PY" "$cdbtool" verify "$valid" >/dev/null && ok || fail "wa_cdb.py cannot verify a valid session's checksum"
choice_option=$(grep -F "$q_choice	" "$work/out" | head -1)

# Fixtures: one directory per case, so no PATH.prev fallback applies.
fix=$work/fixtures
mkdir -p "$fix"
"$PY" "$WA_SRCDIR/tests/reliability_sessions_fixtures.py" "$valid" "$fix" "$cdbtool" "$q_yesno" "$q_choice" "$q_multi" "$q_number" "$q_scale" \
	"$q_text" "$q_date" || fail "making the fixtures failed"

mkdir "$fix/directory" "$fix/directory/sitzung.cdb"
mkdir "$fix/symlink-loop"
ln -s loop2.cdb "$fix/symlink-loop/sitzung.cdb"
ln -s sitzung.cdb "$fix/symlink-loop/loop2.cdb"
mkdir "$fix/missing"
mkdir "$fix/fifo"
mkfifo "$fix/fifo/sitzung.cdb"
for f in "$WA_SRCDIR"/tests/corpus/session/* "$WA_SRCDIR"/tests/corpus/regress/session-*; do
	[ -f "$f" ] || continue
	mkdir "$fix/committed-$(basename "$f")"
	cp "$f" "$fix/committed-$(basename "$f")/sitzung.cdb"
done

# leftovers DIR: files in DIR other than the fixture, its lock and a parked copy.
leftovers() {
	ls -A "$1" | grep -v -x -e sitzung.cdb -e sitzung.cdb.lock -e loop2.cdb -e sitzung.cdb.damaged || true
}

count=0
for d in "$fix"/*/; do
	d=${d%/}
	name=$(basename "$d")
	f=$d/sitzung.cdb
	limit=60
	[ "$name" = fifo ] && limit=10
	count=$((count + 1))
	for cmd in dump score; do
		run $limit "$WA_BIN" $cmd "$f"
		expect_refusal "$cmd $name" 2 && expect_err_names "$cmd $name" sitzung.cdb
	done

	run $limit "$WA_BIN" export "$f" -o "$work/export.xlsx"
	expect_refusal "export $name" 2 && expect_err_names "export $name" sitzung.cdb
	if [ -e "$work/export.xlsx" ]; then
		fail "export $name: wrote a workbook from a broken session"
		rm -f "$work/export.xlsx"
	else
		ok
	fi

	before=$work/before
	rm -f "$before"
	[ -f "$f" ] && [ ! -L "$f" ] && cp "$f" "$before"
	run $limit "$WA_BIN" set "$f" meta.auditor "Erika Muster"
	expect_refusal "set $name" 2 && expect_err_names "set $name" sitzung.cdb
	if [ -f "$before" ] && ! cmp -s "$before" "$f"; then
		fail "set $name: changed the broken file"
	else
		ok
	fi
	extra=$(leftovers "$d")
	if [ -n "$extra" ]; then
		fail "set $name: left files behind: $extra"
	else
		ok
	fi
done

# list over one directory holding every regular fixture: no crash, each named.
all=$work/all
mkdir "$all"
for d in "$fix"/*/; do
	d=${d%/}
	[ -f "$d/sitzung.cdb" ] && [ ! -L "$d/sitzung.cdb" ] &&
		cp "$d/sitzung.cdb" "$all/$(basename "$d").cdb"
done
cp "$valid" "$all/gueltig.cdb"
run 60 "$WA_BIN" list --dir "$all"
if expect_no_crash "list over the broken sessions"; then
	case $rc in 0 | 2) ok ;; *) fail "list over the broken sessions: exit $rc" ;; esac
	for f in "$all"/*.cdb; do
		b=$(basename "$f")
		if grep -q -F -- "$b" "$work/out" "$work/err"; then ok; else fail "list does not mention $b"; fi
	done
	grep -F gueltig.cdb "$work/out" | grep -q Korpusstadt && ok ||
		fail "list does not show the valid session's Kommune among broken ones"
	# A file whose cdb structure is cut or extended must not be listed like
	# a good session (list may skip the checksum, but not the structure).
	for b in cut-half cut-last-byte cut-1k header-only appended-garbage table-past-eof; do
		if grep -F "$b.cdb" "$work/out" | grep -q Korpusstadt; then
			fail "list shows the damaged $b.cdb as a good session: $(grep -F "$b.cdb" "$work/out")"
		else
			ok
		fi
	done
fi

# Broken dumps through `load`.
"$WA_BIN" dump "$valid" >"$work/valid.txt" || fail "dump of the valid session"
dumps=$work/dumps
mkdir "$dumps"
v=$work/valid.txt
: >"$dumps/empty.txt"
tail -n +2 "$v" >"$dumps/no-format-line.txt"
{ cat "$v"; echo "keine-tabulatoren"; } >"$dumps/line-without-tab.txt"
sed 's/^meta\.kommune\t.*/meta.kommune\tA\\qB/' "$v" >"$dumps/bad-escape.txt"
{ cat "$v"; printf 'meta.auditor\tab\377cd\n'; } >"$dumps/invalid-utf8.txt"
{ cat "$v"; printf 'meta.auditor\tab\000cd\n'; } >"$dumps/nul-byte.txt"
sed "s/^$q_yesno\tja\$/$q_yesno\tvielleicht/" "$v" >"$dumps/impossible-value.txt"
{ cat "$v"; printf 'ganz.unbekannt\t1\n'; } >"$dumps/unknown-key.txt"
{ cat "$v"; printf '%s\tnein\n' "$q_yesno"; } >"$dumps/doubled-key.txt"
sed 's/^form\.id\t.*/form.id\tanderes/' "$v" >"$dumps/foreign-form-id.txt"
head -c $(($(wc -c <"$v") / 2)) "$v" >"$dumps/cut-in-half.txt"
cmp -s "$v" "$dumps/impossible-value.txt" && fail "the impossible-value dump did not change"
mkfifo "$dumps/fifo.txt"
mkdir "$dumps/directory.txt"
for f in "$dumps"/*.txt; do
	name=$(basename "$f")
	rm -rf "$work/loaded"
	limit=60
	[ -p "$f" ] && limit=10 # a FIFO without writer: expect a refusal, not a wait
	run $limit "$WA_BIN" load "$f" --dir "$work/loaded"
	expect_refusal "load $name" 2 && expect_err_names "load $name" "$name"
	if [ -n "$(ls -A "$work/loaded" 2>/dev/null)" ]; then
		fail "load $name: created $(ls -A "$work/loaded" | tr '\n' ' ')"
	else
		ok
	fi
	count=$((count + 1))
done

echo "reliability_sessions: $count broken or foreign session inputs"
finish

#!/bin/sh
# tests/reliability_huge.sh: covers huge inputs. A generated form with 2,000
# questions of every type (with show_if chains) passes check-form, lists
# 2,000 questions, starts a session that takes answers, scores, exports, and
# round-trips through dump and load. A 1 MB note (through load, since one
# command-line argument is limited to 128 KiB by the kernel) and a 120 KB note
# through `set --note` are stored, dumped back exactly, scored and exported
# (the workbook cell holds the note's start and marks a cut with "…").
# `list` over 10,000 sessions (hard links of one file) shows every one. No
# timing is asserted here: `make bench` (bench/list.sh) measures list.
. "$WA_SRCDIR/tests/reliability_lib.sh"

# --- 2,000 questions ---
form=$work/gross.yaml
"$PY" "$WA_SRCDIR/tests/reliability_huge_form.py" "$form"
run 120 "$WA_BIN" check-form "$form"
expect_refusal "check-form on 2,000 questions" 0
run 120 "$WA_BIN" questions --form "$form"
if expect_refusal "questions on 2,000 questions" 0; then
	lines=$(wc -l <"$work/out")
	[ "$lines" -eq 2000 ] && ok || fail "questions listed $lines lines, not 2000"
fi
run 120 "$WA_BIN" new --kommune Großstadt --datum 2026-11-23 --form "$form" --dir "$work/gross"
expect_refusal "new on 2,000 questions" 0 || finish
s=$(tail -1 "$work/out")
# question n has type n mod 7: yesno choice multi number scale text date
for kv in "feld0.f0000=ja" "feld0.f0001=o3" "feld0.f0002=o1,o2,o3" "feld4.f1998=3" "feld4.f1999=2" \
	"feld4.f1994=2026-02-28" "feld2.f0801=60" "feld2.f0803=Freitext" "feld2.f0805=entfaellt"; do
	run 120 "$WA_BIN" set "$s" "${kv%%=*}" "${kv#*=}"
	expect_refusal "set ${kv%%=*} in the 2,000-question session" 0
done
for fmt in text tsv json; do
	run 120 "$WA_BIN" score "$s" --format $fmt
	expect_refusal "score --format $fmt on 2,000 questions" 0
done
run 300 "$WA_BIN" export "$s" -o "$work/gross.xlsx"
expect_refusal "export of 2,000 questions" 0
run 120 "$WA_BIN" dump "$s"
expect_refusal "dump of 2,000 questions" 0 && cp "$work/out" "$work/gross.dump"
run 120 "$WA_BIN" load "$work/gross.dump" --dir "$work/gross2"
if expect_refusal "load of the 2,000-question dump" 0; then
	run 120 "$WA_BIN" dump "$(tail -1 "$work/out")"
	grep -v -e '^session\.' -e '^summary\.' -e '^checksum' "$work/out" >"$work/a"
	grep -v -e '^session\.' -e '^summary\.' -e '^checksum' "$work/gross.dump" >"$work/b"
	cmp -s "$work/a" "$work/b" && ok || fail "dump/load of 2,000 questions is not exact"
fi

# --- a 1 MB note and a 120 KB note ---
run 60 "$WA_BIN" new --kommune Notizstadt --datum 2026-11-23 --dir "$work/note"
expect_refusal "new for the note test" 0 || finish
s=$(tail -1 "$work/out")
"$WA_BIN" questions >"$work/questions"
q=$(awk -F'\t' '$5 == "-" && $3 == "yesno" { print $1; exit }' "$work/questions")
"$WA_BIN" dump "$s" >"$work/note.dump"
"$PY" "$WA_SRCDIR/tests/reliability_huge_note.py" "$q" >>"$work/note.dump"
run 120 "$WA_BIN" load "$work/note.dump" --dir "$work/note1m"
if expect_refusal "load with a 1 MB note" 0; then
	big=$(tail -1 "$work/out")
	run 120 "$WA_BIN" set "$big" "$q" ja
	expect_refusal "set on the session with a 1 MB note" 0
	run 120 "$WA_BIN" dump "$big"
	if expect_refusal "dump with a 1 MB note" 0; then
		grep "^$q:note	" "$work/out" >"$work/a"
		grep "^$q:note	" "$work/note.dump" >"$work/b"
		size=$(wc -c <"$work/a")
		[ "$size" -gt 1048576 ] && cmp -s "$work/a" "$work/b" && ok ||
			fail "the 1 MB note did not come back exactly ($size bytes)"
	fi
	run 120 "$WA_BIN" score "$big"
	expect_refusal "score with a 1 MB note" 0
	# notes are the auditor's: only the IHK's internal workbook has them
	run 300 "$WA_BIN" export "$big" --intern -o "$work/note.xlsx"
	if expect_refusal "export with a 1 MB note" 0; then
		"$PY" "$WA_SRCDIR/tests/reliability_huge_cell.py" "$work/note.xlsx" >"$work/check" 2>&1 && ok || { fail "1 MB note in the workbook:"; cat "$work/check" >&2; }
	fi
fi
note=$("$PY" -c 'print(("Notiz über Maßnahmen " * 6200).encode()[:120000].decode(errors="ignore"))')
run 60 "$WA_BIN" set "$s" "$q" ja --note "$note"
if expect_refusal "set --note with 120 KB" 0; then
	run 60 "$WA_BIN" dump "$s"
	got=$(grep "^$q:note	" "$work/out" | cut -f2-)
	[ "$got" = "$note" ] && ok || fail "the 120 KB note did not come back exactly"
fi

# --- 10,000 sessions for list ---
many=$work/many
mkdir "$many"
"$PY" "$WA_SRCDIR/tests/reliability_huge_links.py" "$s" "$many"
run 300 "$WA_BIN" list --dir "$many"
if expect_refusal "list over 10,000 sessions" 0; then
	n=$(grep -c '^sitzung-[0-9]*\.cdb' "$work/out")
	[ "$n" -eq 10000 ] && ok || fail "list showed $n of 10,000 sessions"
	grep '^sitzung-09999\.cdb' "$work/out" | grep -q Notizstadt && ok || fail "list lost the last session's Kommune"
fi
finish

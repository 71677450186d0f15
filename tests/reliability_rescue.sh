#!/bin/sh
# tests/reliability_rescue.sh: covers the rescue copy of the interview (when
# the session cannot be saved, "a" saves it as text into another
# directory). Two sessions of the same town and date, the first one rescued
# twice, all into one directory that already holds older rescue files: no
# rescue file may replace another, every new one loads back into a session
# with the answer that could not be saved. Runs the interview in a pseudo
# terminal (tests/ptyrun).
. "$WA_SRCDIR/tests/reliability_lib.sh"

PTYRUN=$WA_BUILDDIR/tests/ptyrun
[ -x "$PTYRUN" ] || { fail "$PTYRUN is not built"; finish; }
export NO_COLOR=
unset WOHNORT_AUDIT_DIR XDG_DATA_HOME 2>/dev/null || true
HOME=$work/home
export HOME
mkdir -p "$HOME" "$work/d" "$work/rescue"

run 60 "$WA_BIN" new --dir "$work/d" --kommune "Erlenbach" --datum 2024-03-12
expect_refusal "new (first session)" 0 || finish
s1=$(tail -1 "$work/out")
run 60 "$WA_BIN" new --dir "$work/d" --kommune "Erlenbach" --datum 2024-03-12
expect_refusal "new (second session of the same town and date)" 0 || finish
s2=$(tail -1 "$work/out")
[ "$s1" != "$s2" ] && ok || fail "two sessions got one file"
# rescue files of earlier days, under the names an older version and this
# one would choose first
for old in erlenbach-sicherung.txt "$(basename "$s1" .cdb)-sicherung.txt"; do
	printf 'ältere Sicherung\n' >"$work/rescue/$old"
done

# rescue SESSION: answer the first question while the session directory is
# gone, then save the session as text into $work/rescue and quit.
rescue() {
	"$PTYRUN" -s 80x24 -t 90 -w 15000 -f - -- "$WA_BIN" "$1" >"$work/pty.out" 2>&1 <<SCRIPT
wait "Frage 1/"
shell "mv $work/d $work/d.away"
keys j
wait "Nicht gespeichert:"
keys <C-q>
wait "NICHT gespeichert!"
keys a
wait "Verzeichnis (Enter sichert):"
keys <C-u> "$work/rescue" <Enter>
exit any
sane
wait "wohnort-audit load"
SCRIPT
	rc=$?
	mv "$work/d.away" "$work/d" 2>/dev/null
	[ $rc -eq 0 ] && ok || {
		fail "rescue of $(basename "$1") in the interview failed"
		sed 's/^/    /' "$work/pty.out" | tail -30 >&2
	}
}

rescue "$s1"
rescue "$s1"
rescue "$s2"

for old in erlenbach-sicherung.txt "$(basename "$s1" .cdb)-sicherung.txt"; do
	[ "$(cat "$work/rescue/$old")" = "ältere Sicherung" ] && ok || fail "a rescue replaced $old"
done
n=$(ls "$work/rescue" | wc -l)
[ "$n" -eq 5 ] && ok || fail "$n files in the rescue directory, expected 2 older + 3 new: $(ls "$work/rescue")"
i=0
for r in "$work"/rescue/*; do
	grep -q "ältere Sicherung" "$r" && continue
	i=$((i + 1))
	run 60 "$WA_BIN" load "$r" --dir "$work/restored-$i"
	expect_refusal "load $(basename "$r")" 0 || continue
	"$WA_BIN" dump "$(tail -1 "$work/out")" | grep -q "^strategie.ratsbeschluss	ja$" && ok ||
		fail "$(basename "$r") lacks the answer that could not be saved"
done
[ $i -eq 3 ] && ok || fail "$i rescue files loaded, expected 3"

finish

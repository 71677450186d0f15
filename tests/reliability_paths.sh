#!/bin/sh
# tests/reliability_paths.sh: covers hostile and awkward paths. (1) export
# never replaces a session, its .prev, .lock or .damaged, a directory or a
# symbolic link; a file that is no workbook of this program only with
# --force; its own workbook and an empty file it replaces. (2) No file is
# opened through a symbolic link: a link at X.cdb.lock or X.cdb.prev is
# refused with a message and its target left as it was; a lock file with a
# second name (hard link) likewise. (3) Temp files of a killed export are
# removed by the next export; one a live export holds (flock) is not. (4)
# --dir: missing directories are made 0700, an existing directory (0777,
# sticky 1777, reached through a link) keeps its mode and the user is
# warned; a path too long is refused before anything is created. (5) set
# on a file that is no session leaves no lock file; neither does a session
# that cannot be opened. (6) A session given as a link is worked on at its
# target: the link stays a link, the lock is the target's. (7) No
# permission on the session directory is reported at once with the real
# reason. (8) .prev is 0600 even when the session had a looser mode. (9) A
# Kommune of 120 '&' still exports, with the page header within Excel's 255
# characters. (10) Rescue copies (session_rescue_save through the
# interview's "save as text elsewhere") never replace a file: see
# tests/reliability_rescue.sh.
. "$WA_SRCDIR/tests/reliability_lib.sh"

mode_of() { stat -c %a "$1"; }
sum_of() { cksum <"$1"; }

dir=$work/s
run 60 "$WA_BIN" new --kommune "Pfadstadt" --datum 2026-11-23 --dir "$dir"
expect_refusal "new" 0 || finish
s=$(tail -1 "$work/out")
run 60 "$WA_BIN" set "$s" meta.auditor "Erika Muster"
expect_refusal "set (makes .prev)" 0
[ -f "$s.prev" ] && [ -f "$s.lock" ] && ok || fail "no .prev or .lock beside $s"
before=$(sum_of "$s")

# (1) export targets
for target in "$s" "$s.prev" "$s.lock"; do
	keep=$(sum_of "$target")
	for force in "" --force; do
		run 60 "$WA_BIN" export "$s" -o "$target" $force
		expect_refusal "export -o $(basename "$target") $force" 2
		expect_err_names "export -o $(basename "$target") $force" "Sitzungsdatei"
		[ "$(sum_of "$target")" = "$keep" ] && ok || fail "export $force changed $(basename "$target")"
	done
done
# a session under another name is recognised by its content
cp "$s" "$work/kopie.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/kopie.xlsx" --force
expect_refusal "export over a session copy named .xlsx" 2
cmp -s "$s" "$work/kopie.xlsx" && ok || fail "export replaced a session copy named kopie.xlsx"
# a foreign file: refused, then replaced with --force
printf 'Bericht der Stadt\n' >"$work/bericht.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/bericht.xlsx"
expect_refusal "export over a foreign file" 2
expect_err_names "export over a foreign file" "--force"
grep -q "Bericht der Stadt" "$work/bericht.xlsx" && ok || fail "export replaced a foreign file without --force"
run 60 "$WA_BIN" export "$s" -o "$work/bericht.xlsx" --force
expect_refusal "export --force over a foreign file" 0
"$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("xl/workbook.xml")' "$work/bericht.xlsx" 2>/dev/null &&
	ok || fail "export --force wrote no workbook"
# its own workbook and an empty file are replaced without --force
run 60 "$WA_BIN" export "$s" -o "$work/bericht.xlsx"
expect_refusal "export over its own workbook" 0
: >"$work/leer.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/leer.xlsx"
expect_refusal "export over an empty file" 0
# a directory and a link are never replaced
mkdir "$work/ordner.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/ordner.xlsx" --force
expect_refusal "export -o a directory" 2
printf 'Ziel\n' >"$work/ziel.txt"
ln -s "$work/ziel.txt" "$work/link.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/link.xlsx" --force
expect_refusal "export -o a symbolic link" 2
expect_err_names "export -o a symbolic link" "symbolischer Link"
[ -L "$work/link.xlsx" ] && grep -q '^Ziel$' "$work/ziel.txt" && ok ||
	fail "export replaced a link or wrote through it"
[ "$(sum_of "$s")" = "$before" ] && ok || fail "the session changed during the export checks"

# (2) links and second names in place of the lock and .prev
victim=$work/victim
printf 'nicht anfassen\n' >"$victim"
chmod 644 "$victim"
for kind in lock prev; do
	d=$work/link-$kind
	run 60 "$WA_BIN" new --kommune "Linkstadt" --datum 2026-11-23 --dir "$d"
	expect_refusal "new for the $kind link case" 0 || continue
	t=$(tail -1 "$work/out")
	rm -f "$t.$kind"
	ln -s "$victim" "$t.$kind"
	keep=$(sum_of "$t")
	run 60 "$WA_BIN" set "$t" meta.auditor "Mallory"
	expect_refusal "set with a link at .$kind" 2
	expect_err_names "set with a link at .$kind" "symbolische"
	[ "$(cat "$victim")" = "nicht anfassen" ] && [ "$(mode_of "$victim")" = 644 ] && ok ||
		fail "set wrote through the link at .$kind (victim: $(cat "$victim"), mode $(mode_of "$victim"))"
	[ "$(sum_of "$t")" = "$keep" ] && ok || fail "set changed the session despite the link at .$kind"
	[ -L "$t.$kind" ] && ok || fail "the link at .$kind was replaced"
done
d=$work/hardlock
run 60 "$WA_BIN" new --kommune "Hartstadt" --datum 2026-11-23 --dir "$d"
expect_refusal "new for the hard-linked lock case" 0
t=$(tail -1 "$work/out")
rm -f "$t.lock"
ln "$victim" "$t.lock"
run 60 "$WA_BIN" set "$t" meta.auditor "Mallory"
expect_refusal "set with a hard-linked lock file" 2
[ "$(cat "$victim")" = "nicht anfassen" ] && ok || fail "set truncated a hard-linked lock file"

# (3) temp files of killed exports
exdir=$work/exports
mkdir "$exdir"
printf 'alt' >"$exdir/.wohnort-export-abc123"
printf 'lebt' >"$exdir/.wohnort-export-live42"
"$PY" "$WA_SRCDIR/tests/reliability_paths_live.py" "$exdir/.wohnort-export-live42" "$WA_BIN" "$s" "$exdir/e.xlsx" >"$work/out" 2>"$work/err"
rc=$?
[ $rc -eq 0 ] && ok || fail "export with temp files around: exit $rc"
[ ! -e "$exdir/.wohnort-export-abc123" ] && ok || fail "a stale export temp file was not removed"
[ -e "$exdir/.wohnort-export-live42" ] && ok || fail "the temp file of a live export was removed"
n=$(find "$exdir" -name '.wohnort-export-*' | wc -l)
[ "$n" -eq 1 ] && ok || fail "$n export temp files left (expected only the live one)"
# a real kill: SIGKILL at random moments of exports, then one more export
"$PY" "$WA_SRCDIR/tests/reliability_paths_kill.py" "$WA_BIN" "$s" "$exdir/k.xlsx" || fail "killing exports failed"
run 60 "$WA_BIN" export "$s" -o "$exdir/k.xlsx"
expect_refusal "export after killed exports" 0
n=$(find "$exdir" -name '.wohnort-export-*' ! -name '.wohnort-export-live42' | wc -l)
[ "$n" -eq 0 ] && ok || fail "$n temp files of killed exports survived the next export"

# (4) the session directory's mode
run 60 sh -c 'umask 000; exec "$0" new --kommune Neu --datum 2026-11-23 --dir "$1"' "$WA_BIN" "$work/neu/a/b"
expect_refusal "new in missing nested directories" 0
for p in "$work/neu" "$work/neu/a" "$work/neu/a/b"; do
	[ "$(mode_of "$p")" = 700 ] && ok || fail "created directory $p is $(mode_of "$p"), not 700"
done
for m in 777 1777 755; do
	d=$work/shared-$m
	mkdir "$d"
	chmod "$m" "$d"
	run 60 "$WA_BIN" new --kommune "Teilstadt" --datum 2026-11-23 --dir "$d"
	expect_refusal "new in an existing $m directory" 0
	[ "$(mode_of "$d")" = "$m" ] && ok || fail "new changed an existing $m directory to $(mode_of "$d")"
	expect_err_names "new in an existing $m directory" "Achtung"
done
mkdir "$work/real-target"
chmod 755 "$work/real-target"
ln -s "$work/real-target" "$work/dirlink"
run 60 env WOHNORT_AUDIT_DIR="$work/dirlink" "$WA_BIN" new --kommune "Linkdir" --datum 2026-11-23
expect_refusal "new through a directory link" 0
[ "$(mode_of "$work/real-target")" = 755 ] && ok || fail "new changed the mode of a link's target directory"
run 60 "$WA_BIN" new --kommune "Privat" --datum 2026-11-23 --dir "$work/neu/a/b"
expect_refusal "new in a 0700 directory" 0
grep -q "Achtung" "$work/err" && fail "a warning for a 0700 directory: $(cat "$work/err")" || ok
long=$work/lang/$("$PY" -c 'print("/".join(["v" * 200] * 25))')
run 60 "$WA_BIN" new --kommune "Lang" --datum 2026-11-23 --dir "$long"
expect_refusal "new with a --dir longer than PATH_MAX" 2
[ ! -e "$work/lang" ] && ok || fail "a refused --dir left directories behind: $(find "$work/lang" | head -3)"
long=$work/lang2/a/$("$PY" -c 'print("w" * 300)')/b
run 60 "$WA_BIN" new --kommune "Lang" --datum 2026-11-23 --dir "$long"
expect_refusal "new with a 300-byte directory name" 2
[ ! -e "$work/lang2" ] && ok || fail "a refused --dir left directories behind"

# (5) set on files that are no session leaves no lock file
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$work/passwd"
run 60 "$WA_BIN" set "$work/passwd" meta.kommune X
expect_refusal "set on a text file" 2
expect_err_names "set on a text file" "$work/passwd"
[ ! -e "$work/passwd.lock" ] && ok || fail "set on a text file left $work/passwd.lock"
head -c 3000 /dev/zero >"$work/zeros.cdb"
run 60 "$WA_BIN" set "$work/zeros.cdb" meta.kommune X
expect_refusal "set on a zero-filled file" 2
[ ! -e "$work/zeros.cdb.lock" ] && ok || fail "set on a zero-filled file left a lock file"
# a session whose checksum is wrong: locked, refused, and the lock file goes again
d=$work/damaged
mkdir "$d"
cp "$s" "$d/x.cdb"
"$PY" "$WA_SRCDIR/tests/corpus/wa_cdb.py" rewrite "$s" "$d/x.cdb" set:meta.auditor=Mallory keep-checksum ||
	fail "wa_cdb.py rewrite failed"
run 60 "$WA_BIN" set "$d/x.cdb" meta.kommune X
expect_refusal "set on a session with a wrong checksum" 2
[ ! -e "$d/x.cdb.lock" ] && ok || fail "set on a damaged session left its new lock file"

# (6) a session given as a link
d=$work/linked
mkdir "$d"
cp "$s" "$d/echt.cdb"
ln -s echt.cdb "$d/verweis.cdb"
run 60 "$WA_BIN" set "$d/verweis.cdb" meta.ihk "IHK Limburg"
expect_refusal "set through a link" 0
[ -L "$d/verweis.cdb" ] && ok || fail "set replaced the link with a file"
"$WA_BIN" dump "$d/echt.cdb" | grep -qx 'meta.ihk	IHK Limburg' && ok || fail "the link's target lacks the value"
[ -e "$d/echt.cdb.lock" ] && [ ! -e "$d/verweis.cdb.lock" ] && ok ||
	fail "the lock is not the target's: $(ls "$d")"
[ -e "$d/echt.cdb.prev" ] && [ ! -e "$d/verweis.cdb.prev" ] && ok || fail ".prev not beside the target"
ln -s nichts.cdb "$d/leer.cdb"
run 60 "$WA_BIN" set "$d/leer.cdb" meta.ihk "IHK Limburg"
expect_refusal "set through a dangling link" 2
[ ! -e "$d/nichts.cdb" ] && [ ! -e "$d/leer.cdb.lock" ] && ok || fail "a dangling link made files"

# (7) no permission on the session directory
# As root the kernel grants every permission: run that case as nobody, when
# nobody can run the built program from here.
perm_case=1
if [ "$(id -u)" -eq 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	command -v setpriv >/dev/null 2>&1 && as_user "$WA_BIN" questions >/dev/null 2>&1 </dev/null ||
		perm_case=0
else
	as_user() { "$@"; }
fi
if [ $perm_case = 1 ]; then
	open=$(mktemp -d "${TMPDIR:-/tmp}/wa-perm.XXXXXX")
	chmod 755 "$open"
	# not writable; writable but not searchable; neither (every lookup fails)
	if [ "$(id -u)" -eq 0 ]; then modes="555 776 600"; else modes="500 600"; fi
	for m in $modes; do
		mkdir "$open/zu-$m"
		chmod "$m" "$open/zu-$m"
		start=$(date +%s)
		rc=0
		as_user "$WA_BIN" new --kommune "Zustadt" --datum 2026-11-23 --dir "$open/zu-$m" \
			>"$work/out" 2>"$work/err" </dev/null || rc=$?
		took=$(($(date +%s) - start))
		[ $rc -eq 2 ] && ok || fail "new in a $m directory: exit $rc"
		grep -q "kein freier Dateiname" "$work/err" && fail "no permission ($m) reported as: $(cat "$work/err")" || ok
		grep -q -e "Permission denied" -e "Keine Berechtigung" "$work/err" && ok ||
			fail "no permission ($m) not named: $(cat "$work/err")"
		[ "$took" -lt 5 ] && ok || fail "new without permission ($m) took $took s"
	done
	chmod -R u+rwx "$open"
	rm -rf "$open"
else
	echo "root, and nobody cannot run $WA_BIN: the no-permission case is left out" >&2
fi

# (8) .prev is 0600 whatever mode the session had
d=$work/loose
mkdir -m 700 "$d"
cp "$s" "$d/offen.cdb"
chmod 644 "$d/offen.cdb"
run 60 "$WA_BIN" set "$d/offen.cdb" meta.ihk "IHK Wiesbaden"
expect_refusal "set on a 0644 session" 0
[ "$(mode_of "$d/offen.cdb")" = 600 ] && [ "$(mode_of "$d/offen.cdb.prev")" = 600 ] && ok ||
	fail "session $(mode_of "$d/offen.cdb"), .prev $(mode_of "$d/offen.cdb.prev") after set (want 600)"

# (9) a Kommune that overflows the page header
amp=$("$PY" -c 'print("&" * 120)')
run 60 "$WA_BIN" new --kommune "$amp" --datum 2026-11-23 --dir "$work/amp"
expect_refusal "new with 120 '&'" 0
a=$(tail -1 "$work/out")
run 60 "$WA_BIN" export "$a" -o "$work/amp.xlsx"
expect_refusal "export of a Kommune of 120 '&'" 0
"$PY" "$WA_SRCDIR/tests/reliability_paths_header.py" "$work/amp.xlsx" && ok || fail "page header of the '&' Kommune is wrong"

finish

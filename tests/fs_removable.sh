#!/bin/sh
# tests/fs_removable.sh: covers sessions on the media an auditor carries:
# exFAT (USB sticks, SD cards; through FUSE, exfat-fuse) and NTFS (drives
# shared with Windows; ntfs-3g), each a real mount of a loop image. Neither
# has RENAME_EXCHANGE, exFAT has no hard links, and both show every file as
# 0777. On each: new (with one clear warning that the files are readable by
# every local user), set several times (.prev kept, both loadable), many
# saves in one process (tests/save_repeat, as the interview saves), a
# damaged current file falling back to .prev and the next save parking it
# as .damaged, list, export and a second export over its own workbook (with
# the warning), load, no temp file left, and the kill test
# (tests/reliability_kill.sh, FS_KILL_TRIALS trials, default 20) on the
# mount. Mounts and loop devices are removed even when the test fails.
# Skips (77) unless run as root with /dev/fuse and the tools (exfatprogs,
# exfat-fuse, ntfs-3g, util-linux losetup).
. "$WA_SRCDIR/tests/reliability_lib.sh"

[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (loop devices and FUSE mounts)"; exit 77; }
[ -c /dev/fuse ] || { echo "SKIP: no /dev/fuse (FUSE is not available here)"; exit 77; }
for tool in losetup mkfs.exfat mount.exfat-fuse mkntfs ntfs-3g; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "SKIP: $tool missing (apt-get install exfatprogs exfat-fuse ntfs-3g)"
		exit 77
	}
done

mounts=""
loops=""
# cleanup: unmount and detach whatever this test set up, then remove $work.
cleanup() {
	for m in $mounts; do
		umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
	done
	for l in $loops; do
		losetup -d "$l" 2>/dev/null
	done
	chmod -R u+rwx "$work" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# mount_fs KIND: make a 64 MiB image of KIND (exfat|ntfs), attach and mount
# it at $work/mnt-KIND; prints nothing, returns 1 when that is impossible.
mount_fs() {
	img=$work/$1.img
	mnt=$work/mnt-$1
	truncate -s 64M "$img" && mkdir -p "$mnt" || return 1
	case $1 in
	exfat) mkfs.exfat "$img" >/dev/null 2>&1 ;;
	ntfs) mkntfs -q -F -f "$img" >/dev/null 2>&1 ;;
	esac || return 1
	loop=$(losetup -f --show "$img") || return 1
	loops="$loops $loop"
	case $1 in
	exfat) mount.exfat-fuse "$loop" "$mnt" >/dev/null 2>&1 ;;
	ntfs) ntfs-3g "$loop" "$mnt" >/dev/null 2>&1 ;;
	esac || return 1
	mounts="$mnt $mounts"
	[ "$(stat -f -c %T "$mnt")" = fuseblk ]
}

for kind in exfat ntfs; do
	if ! mount_fs $kind; then
		fail "$kind: could not make and mount a loop image"
		continue
	fi
	mnt=$work/mnt-$kind
	d=$mnt/Sitzungen
	run 60 "$WA_BIN" new --kommune "Stickstadt" --datum 2026-11-23 --dir "$d"
	expect_refusal "$kind: new" 0 || continue
	s=$(tail -1 "$work/out")
	[ "$(grep -c "Achtung" "$work/err")" -eq 1 ] && grep -q "jeder Benutzer" "$work/err" && ok ||
		fail "$kind: new does not warn once that others can read the files: $(cat "$work/err")"
	for v in ja nein ja; do
		run 60 "$WA_BIN" set "$s" strategie.ratsbeschluss $v
		expect_refusal "$kind: set $v" 0
		[ -s "$work/err" ] && fail "$kind: set printed: $(cat "$work/err")" || ok
	done
	run 60 "$WA_BIN" set "$s" meta.auditor "Erika Muster"
	expect_refusal "$kind: set meta.auditor" 0
	"$WA_BIN" dump "$s" >"$work/dump" 2>"$work/err" && grep -qx 'meta.auditor	Erika Muster' "$work/dump" &&
		grep -qx 'strategie.ratsbeschluss	ja' "$work/dump" && ok || fail "$kind: dump lacks the values"
	"$WA_BIN" dump "$s.prev" >"$work/dump" 2>"$work/err" && grep -qx 'strategie.ratsbeschluss	ja' "$work/dump" &&
		! grep -q '^meta.auditor' "$work/dump" && ok || fail "$kind: .prev is not the generation before"
	# many saves in one process
	rc=0
	"$WA_BUILDDIR/tests/save_repeat" "$s" 25 >"$work/out" 2>"$work/err" || rc=$?
	[ $rc -eq 0 ] && ok || fail "$kind: 25 saves in one process: $(cat "$work/err")"
	"$WA_BIN" dump "$s" | grep -qx 'meta.auditor	Prüferin 25' && ok || fail "$kind: the 25th save is missing"
	# a damaged current file: fall back to .prev, then park it as .damaged
	head -c 1000 "$s" >"$work/cut" && cat "$work/cut" >"$s"
	run 60 "$WA_BIN" dump "$s"
	expect_refusal "$kind: dump of a cut session (falls back to .prev)" 0
	grep -qx 'meta.auditor	Prüferin 24' "$work/out" && ok || fail "$kind: the fallback is not the generation before"
	run 60 "$WA_BIN" set "$s" meta.ihk "IHK Darmstadt"
	expect_refusal "$kind: set after the fallback" 0
	cmp -s "$work/cut" "$s.damaged" && ok || fail "$kind: the damaged file was not kept as .damaged"
	run 60 "$WA_BIN" dump "$s"
	expect_refusal "$kind: dump after the repair" 0
	[ -s "$work/err" ] && fail "$kind: still a notice after the repair: $(cat "$work/err")" || ok
	run 60 "$WA_BIN" list --dir "$d"
	expect_refusal "$kind: list" 0
	grep -q "Stickstadt" "$work/out" && ok || fail "$kind: list does not show the session"
	for n in 1 2; do
		run 60 "$WA_BIN" export "$s"
		expect_refusal "$kind: export $n" 0
		grep -q "Achtung" "$work/err" && ok || fail "$kind: export $n does not warn about the open workbook"
	done
	"$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).testzip() is None or sys.exit(1)' \
		"$(tail -1 "$work/out")" && ok || fail "$kind: the exported workbook is not a valid zip"
	"$WA_BIN" dump "$s" >"$work/dump.txt"
	run 60 "$WA_BIN" load "$work/dump.txt" --dir "$d"
	expect_refusal "$kind: load" 0
	left=$(ls -A "$d" | grep -e '\.tmp' -e '^\.wohnort-export-')
	[ -z "$left" ] && ok || fail "$kind: temp files left: $left"
	# the kill test on the mount
	if KILL_DIR=$d/kill sh "$WA_SRCDIR/tests/reliability_kill.sh" "${FS_KILL_TRIALS:-20}" >"$work/kill.out" 2>&1; then
		ok
	else
		fail "$kind: the kill test failed:"
		sed 's/^/    /' "$work/kill.out" | tail -10 >&2
	fi
	echo "$kind: $(grep '^kill:' "$work/kill.out")"
done

finish

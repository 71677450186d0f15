#!/bin/sh
# tests/fsync_order.sh: covers power-loss ordering. Runs `new`, two `set`s
# and `export` under strace and checks, from the system calls alone, that
# every file renamed or linked into place was written through a file
# descriptor that was fsynced (or fdatasynced) after its last write and
# before the rename/link, and that the directory holding the new name was
# fsynced after it, before the process exited. Each traced command must put
# at least one file into place, so the test cannot pass vacuously. Temp files
# must be created with O_EXCL in the target's directory. Skips (77)
# when strace is missing or ptrace is not allowed.
. "$WA_SRCDIR/tests/reliability_lib.sh"

command -v strace >/dev/null 2>&1 || { echo "strace not installed: skipped"; exit 77; }
strace -f -o /dev/null true 2>/dev/null || { echo "ptrace not permitted: skipped"; exit 77; }

# LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
export ASAN_OPTIONS

dir=$work/sessions
calls=fsync,fdatasync,sync,syncfs,rename,renameat,renameat2,link,linkat,openat,open,creat,write,pwrite64,writev,close

# traced NAME CMD...: run CMD under strace into $work/NAME.trace.
traced() {
	name=$1
	shift
	rc=0
	(cd "$work" && strace -f -qq -y -s 4096 -e trace=$calls -o "$work/$name.trace" "$@") \
		>"$work/out" 2>"$work/err" </dev/null || rc=$?
}

# trace_ok NAME TARGET-SUBSTRING: whether $work/NAME.trace keeps the ordering
# rules (findings in $work/check); TARGET-SUBSTRING must occur in the name of
# at least one file put into place.
trace_ok() {
	"$PY" - "$work/$1.trace" "$2" "$work" >"$work/check" 2>&1 <<'PYEOF'

import os, re, sys
trace, want, cwd = sys.argv[1], sys.argv[2], sys.argv[3]
lines, pending = [], {}
for raw in open(trace, encoding="utf-8", errors="replace"):
    m = re.match(r"(\d+)\s+(.*)", raw.rstrip("\n"))
    if not m:
        continue
    pid, rest = m.groups()
    if rest.endswith("<unfinished ...>"):
        pending[pid] = rest[: -len("<unfinished ...>")]
        continue
    r = re.match(r"<\.\.\. \w+ resumed>(.*)", rest)
    if r:
        rest = pending.pop(pid, "") + r.group(1)
    lines.append((pid, rest))

def norm(p):
    return os.path.normpath(os.path.join(cwd, p))

fdpath = r"(\d+)<([^>]*)>"
dirty = {}      # path -> still unsynced writes (by path the fd had then)
synced = {}     # path -> fsynced after the last write
created = {}    # path -> open flags
events = []     # (index, kind, from, to)
dir_syncs = []  # (index, dir path)
problems = []
notes = []
for i, (pid, call) in enumerate(lines):
    name = call.split("(", 1)[0]
    if name in ("openat", "open", "creat"):
        m = re.search(r'"([^"]*)"', call)
        if m and ("O_CREAT" in call or name == "creat") and not call.rstrip().endswith("= -1"):
            p = norm(m.group(1))
            if p in created:
                notes.append("note: %s is opened again by name after its O_EXCL creation" % p)
            else:
                created[p] = call
            synced[p] = False
    elif name in ("write", "pwrite64", "writev"):
        m = re.match(r"\w+\(" + fdpath, call)
        if m:
            synced[m.group(2)] = False
    elif name in ("fsync", "fdatasync"):
        m = re.match(r"\w+\(" + fdpath, call)
        if m and re.search(r"= 0\s*$", call):
            p = m.group(2)
            if os.path.isdir(p) or p.endswith("/") or p not in synced:
                dir_syncs.append((i, p.rstrip("/") or "/"))
            synced[p] = True
    elif name in ("sync", "syncfs"):
        for p in synced:
            synced[p] = True
        dir_syncs.append((i, "*"))
    elif name in ("rename", "renameat", "renameat2", "link", "linkat"):
        if not re.search(r"= 0\s*$", call):
            continue
        paths = re.findall(r'"([^"]*)"', call)
        if len(paths) < 2:
            continue
        src, dst = norm(paths[0]), norm(paths[1])
        if src in created and not synced.get(src, False):
            problems.append("%s(%s -> %s) before the data of %s was fsynced" % (name, src, dst, src))
        if src in created and "O_EXCL" not in created[src] and "O_TMPFILE" not in created[src]:
            problems.append("temp file %s was not created with O_EXCL" % src)
        if src in created and os.path.dirname(src) != os.path.dirname(dst):
            problems.append("temp file %s is not in the directory of %s" % (src, dst))
        if src in synced:
            synced[dst] = synced[src]
        events.append((i, name, src, dst))
final = [e for e in events if ".tmp" not in os.path.basename(e[3])]
if not any(want in os.path.basename(e[3]) for e in final):
    problems.append("no file whose name contains '%s' was renamed or linked into place "
                    "(calls seen: %s)" % (want, ", ".join("%s %s" % (e[1], e[3]) for e in events) or "none"))
for i, name, src, dst in final:
    d = os.path.dirname(dst)
    if not any(j > i and (p == d or p == "*") for j, p in dir_syncs):
        problems.append("%s(%s -> %s) not followed by an fsync of the directory %s" % (name, src, dst, d))
for p in problems + sorted(set(notes)):
    print(p)
print("%d files put into place, %d directory fsyncs" % (len(final), len(dir_syncs)))
sys.exit(1 if problems else 0)
PYEOF
}

# check_trace NAME TARGET-SUBSTRING: assert trace_ok.
check_trace() {
	if trace_ok "$1" "$2"; then
		ok
	else
		fail "$1: fsync ordering violated:"
		sed 's/^/    /' "$work/check" >&2
	fi
	cat "$work/check"
}

# The checker itself must catch a rename before the fsync, and a missing
# directory fsync (a synthetic trace).
cat >"$work/selftest.trace" <<TRACE
100 openat(AT_FDCWD, "$work/x.cdb.tmp-1", O_RDWR|O_CREAT|O_EXCL, 0600) = 4<$work/x.cdb.tmp-1>
100 write(4<$work/x.cdb.tmp-1>, "data", 4) = 4
100 rename("$work/x.cdb.tmp-1", "$work/x.cdb") = 0
100 fsync(4<$work/x.cdb>) = 0
TRACE
if trace_ok selftest x.cdb; then
	fail "the checker accepted a rename before fsync and no directory fsync"
elif grep -q "before the data" "$work/check" && grep -q "not followed by an fsync of the directory" "$work/check"; then
	ok
else
	fail "the checker missed one of the two planted faults:"
	sed 's/^/    /' "$work/check" >&2
fi

traced new "$WA_BIN" new --kommune Fsyncstadt --datum 2026-11-23 --dir "$dir"
expect_refusal "new under strace" 0 || { cat "$work/err" >&2; finish; }
session=$(tail -1 "$work/out")
case $session in /*) ;; *) session=$work/$session ;; esac
[ -f "$session" ] || { fail "new printed '$session', which is not a file"; finish; }
check_trace new .cdb

traced set1 "$WA_BIN" set "$session" meta.auditor "Erika Muster"
expect_refusal "first set under strace" 0
check_trace set1 "$(basename "$session")"

traced set2 "$WA_BIN" set "$session" meta.landkreis "Hochtaunuskreis"
expect_refusal "second set under strace (keeps .prev)" 0
check_trace set2 "$(basename "$session")"

traced export "$WA_BIN" export "$session" -o "$work/ergebnis.xlsx"
expect_refusal "export under strace" 0
[ -s "$work/ergebnis.xlsx" ] && ok || fail "export wrote no $work/ergebnis.xlsx"
check_trace export ergebnis.xlsx

finish

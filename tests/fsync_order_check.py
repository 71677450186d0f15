#!/usr/bin/python3
# tests/fsync_order_check.py: reads an strace of one save and checks the order of writes, fsync,
# rename and directory fsync, for fsync_order.sh.
#   fsync_order_check.py TRACE EXPECTED CWD
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

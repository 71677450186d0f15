#!/usr/bin/python3
# tests/reliability_security_trace.py: reads an strace and lists files written outside the allowed directory,
# for reliability_security.sh.
#   reliability_security_trace.py TRACE ALLOWED-DIR CWD
import os, re, sys
trace, allowed, cwd = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
bad = []
for line in open(trace, errors="replace"):
    m = re.match(r"\d+\s+(\w+)\((.*)\)\s+=\s+(-?\d+)", line.strip())
    if not m or m.group(3).startswith("-"):
        continue
    call, args = m.group(1), m.group(2)
    paths = re.findall(r'"((?:[^"\\]|\\.)*)"', args)
    if call in ("openat", "open"):
        if not re.search(r"O_CREAT|O_WRONLY|O_RDWR|O_TRUNC", args) or "O_TMPFILE" in args:
            continue
        paths = paths[:1]
    elif call in ("rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat"):
        paths = paths[1:2] if call not in ("symlink", "symlinkat") else paths[-1:]
    else:
        paths = paths[:1]
    for p in paths:
        full = os.path.normpath(os.path.join(cwd, p))
        parent = os.path.realpath(os.path.dirname(full))
        if parent == allowed or parent.startswith(allowed + "/") or full == allowed:
            continue
        if full.startswith("/dev/") or full in ("/dev/null", "/dev/tty"):
            continue
        bad.append("%s %s" % (call, full))
print("\n".join(bad))
sys.exit(1 if bad else 0)

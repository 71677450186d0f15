#!/usr/bin/python3
# tests/reliability_terminal_check.py: looks for control characters in what the program printed, for
# reliability_terminal.sh.
#   reliability_terminal_check.py STDOUT STDERR
import re, sys
bad = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
found = []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    for m in bad.finditer(data):
        found.append("%s byte %d: %r" % (path.rsplit("/", 1)[-1], m.start(), data[max(0, m.start() - 10):m.end() + 10]))
if found:
    print("\n".join(found[:5]))
    sys.exit(1)

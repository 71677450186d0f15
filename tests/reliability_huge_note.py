#!/usr/bin/python3
# tests/reliability_huge_note.py: prints a dump line with a 1 MiB note, for reliability_huge.sh.
#   reliability_huge_note.py QUESTION-ID
import sys
# 1 MiB of UTF-8 with escaped line breaks, as a dump line
unit = "Äußerung über Öffnungszeiten; " * 20 + "\\n"
text = (unit * (1 + (1 << 20) // len(unit.encode())))
print("%s:note\t%s" % (sys.argv[1], text))

#!/usr/bin/python3
# tests/reliability_huge_cell.py: checks that the 1 MiB note reached the workbook shortened to Excel's
# cell limit, for reliability_huge.sh.
#   reliability_huge_cell.py NOTE.xlsx
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
start = "Äußerung über Öffnungszeiten; " * 3
cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
         if isinstance(c.value, str) and c.value.startswith(start)]
if not cells:
    sys.exit("no cell holds the note")
for v in cells:
    if len(v) > 32767:
        sys.exit("a cell holds %d characters (Excel's limit is 32,767)" % len(v))
    if len(v) < 1000000 and not v.rstrip().endswith("…"):
        sys.exit("the note is cut to %d characters without a mark" % len(v))

#!/usr/bin/python3
# tests/reliability_security_formulas.py: checks that text that looks like a formula stayed text in the workbook,
# for reliability_security.sh.
#   reliability_security_formulas.py INJ.xlsx
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
found, bad = set(), []
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if not isinstance(v, str) or "INJ" not in v:
                continue
            if c.data_type == "f":
                bad.append("%s!%s is a formula: %r" % (ws.title, c.coordinate, v))
            else:
                for i in range(1, 12):
                    if "INJ%02d" % i in v:
                        found.add(i)
missing = [i for i in (1, 2, 3, 5, 7, 10) if i not in found]
for b in bad:
    print(b)
if missing:
    print("not exported as text at all: " + ", ".join("INJ%02d" % i for i in missing))
print("marked texts found as strings: %d" % len(found))
sys.exit(1 if bad or missing else 0)

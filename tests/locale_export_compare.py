#!/usr/bin/python3
# tests/locale_export_compare.py: compares the workbooks written in the German and the C locale (numbers
# must not depend on LC_NUMERIC), for locale_export.sh.
#   locale_export_compare.py DE.xlsx C.xlsx SESSION BINARY
import re, subprocess, sys, zipfile
import openpyxl
de, c, session, binary = sys.argv[1:5]
zde, zc = zipfile.ZipFile(de), zipfile.ZipFile(c)
bad = []
if sorted(zde.namelist()) != sorted(zc.namelist()):
    bad.append("parts differ: %s / %s" % (sorted(zde.namelist()), sorted(zc.namelist())))
comma = re.compile(rb'(<v>-?\d+,\d+</v>|="-?\d+,\d+"|<c:val>|>-?\d+,\d+</(?:c:v|c:majorUnit|c:max|c:min)>)')
for name in zde.namelist():
    a = zde.read(name)
    if name != "docProps/core.xml" and a != zc.read(name):
        bad.append("%s differs from the C locale's" % name)
    for m in re.finditer(rb'(<v>-?\d+,\d+</v>|="-?\d+,\d+"|>-?\d+,\d+</)', a):
        bad.append("%s: decimal comma: %r" % (name, m.group(0)))
        break
wb = openpyxl.load_workbook(de, data_only=True)
tsv = subprocess.run([binary, "score", session, "--format", "tsv"], capture_output=True,
                     text=True, check=True).stdout
total = next(l.split("\t") for l in tsv.splitlines() if l.startswith("total\t"))
cells = [c.value for row in wb["Ergebnis"].iter_rows() for c in row]
if int(total[1]) not in cells:
    bad.append("Endpunktzahl %s not on Ergebnis" % total[1])
for b in bad:
    print(b)
sys.exit(1 if bad else 0)

#!/usr/bin/python3
# export_cunit_check.py: called by tests/test_export.c on the workbook it
# exported from a hand-built session. Checks that every XML part is valid
# UTF-8 (the session held invalid bytes), that the injection notes stay
# strings, that the sheet names are right, and that the document properties
# carry no machine path. Exit 0 when all holds.
import sys
import zipfile

import openpyxl

path = sys.argv[1]
fail = []
with zipfile.ZipFile(path) as z:
    for name in z.namelist():
        data = z.read(name)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            fail.append("%s: not UTF-8: %s" % (name, e))
        if b"/tmp/" in data or b"/home/" in data:
            fail.append("%s: holds a machine path" % name)

wb = openpyxl.load_workbook(path)
want = ["Ergebnis", "Bewertung", "Empfehlungen", "Entwicklungsziele", "Nachweise"]
if wb.sheetnames != want:
    fail.append("sheets %r" % wb.sheetnames)
ws = wb["Bewertung"]
notes = ["=1+1", "+49 6172 12345", "-x", "@SUM(A1:A9)"]
for i, note in enumerate(notes):
    cell = ws.cell(row=2 + i, column=8)
    if cell.value != note or cell.data_type != "s":
        fail.append("note %d: %r (%s)" % (i, cell.value, cell.data_type))
answer = ws.cell(row=5, column=4).value
if answer is None or "\ufffd" not in answer:
    fail.append("broken UTF-8 answer not replaced: %r" % answer)
res = wb["Ergebnis"]
texts = [c.value for row in res.iter_rows() for c in row if isinstance(c.value, str)]
if not any("Dr. Bürgermeister\ufffd" in t for t in texts):
    fail.append("participant with replaced byte missing")
props = wb.properties
if "Steinbach (Taunus) & Co" not in (props.title or ""):
    fail.append("title %r" % props.title)
if props.creator != "Erika Mustermann":
    fail.append("author %r" % props.creator)
for f in fail:
    print("export_cunit_check:", f)
sys.exit(1 if fail else 0)

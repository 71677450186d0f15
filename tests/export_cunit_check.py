#!/usr/bin/python3
# export_cunit_check.py: called by tests/test_export.c on the workbook it
# exported from a hand-built session:
#   export_cunit_check.py FILE.xlsx intern|kommune
# Checks that every XML part is valid UTF-8 (the session held invalid bytes),
# that the injection notes stay strings and appear only in the internal
# variant (with the auditor's description of the evidence), that the sheet
# names are right, that a logo's drawing exists when the internal export
# was given one, and that the document properties carry no machine path.
# Exit 0 when all holds.
import sys
import zipfile

import openpyxl

path, variant = sys.argv[1], sys.argv[2]
internal = variant == "intern"
fail = []
notes = ["=1+1", "+49 6172 12345", "-x", "@SUM(A1:A9)"]
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    everything = b""
    for name in names:
        data = z.read(name)
        everything += data
        if not name.endswith((".xml", ".rels")):
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            fail.append("%s: not UTF-8: %s" % (name, e))
        if b"/tmp/" in data or b"/home/" in data:
            fail.append("%s: holds a machine path" % name)
    if internal and not any(n.startswith("xl/media/image") for n in names):
        fail.append("no logo image in the internal workbook")
    if not internal:
        for secret in [b"Beschluss\xef\xbf\xbd vom Mai"] + [n.encode() for n in notes[:2]]:
            if secret in everything:
                fail.append("the town's workbook holds %r" % secret)

wb = openpyxl.load_workbook(path)
want = ["Ergebnis", "Nachweise", "Entwicklungsziele", "Empfehlungen", "Bewertung"]
if wb.sheetnames != want:
    fail.append("sheets %r" % wb.sheetnames)
ws = wb["Bewertung"]
head = next((r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Nr"), None)
if head is None:
    fail.append("Bewertung: no heading row")
else:
    heads = [ws.cell(row=head, column=c).value for c in range(1, 8)]
    rows = {ws.cell(row=r, column=1).value: r for r in range(head + 1, ws.max_row + 1)}
    if internal:
        if "Notiz" not in heads:
            fail.append("internal Bewertung without Notiz: %r" % heads)
        else:
            col = heads.index("Notiz") + 1
            for i, note in enumerate(notes):
                r = rows.get("%d.%d" % (i // 2 + 1, i % 2 + 1))
                cell = ws.cell(row=r, column=col) if r else None
                if cell is None or cell.value != note or cell.data_type != "s":
                    fail.append("note %d: %r" % (i, cell.value if cell else None))
    elif "Notiz" in heads:
        fail.append("the town's Bewertung has a Notiz column")
    answer = ws.cell(row=rows.get("2.2", 1), column=3).value
    if answer is None or "\ufffd" not in answer:
        fail.append("broken UTF-8 answer not replaced: %r" % answer)
res = wb["Ergebnis"]
texts = [c.value for row in res.iter_rows() for c in row if isinstance(c.value, str)]
if not any("Dr. Bürgermeister\ufffd" in t for t in texts):
    fail.append("participant with replaced byte missing")
if internal != any("INTERNE FASSUNG" in t for t in texts):
    fail.append("internal mark %s on a %s workbook" % (not internal, variant))
props = wb.properties
if "Steinbach (Taunus) & Co" not in (props.title or ""):
    fail.append("title %r" % props.title)
if props.creator != "Erika Mustermann":
    fail.append("author %r" % props.creator)
for f in fail:
    print("export_cunit_check:", f)
sys.exit(1 if fail else 0)

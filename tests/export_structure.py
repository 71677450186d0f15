#!/usr/bin/python3
# export_structure.py: checks the XML inside exported workbooks against the
# structural rules Excel enforces (and LibreOffice forgives), so an IHK never
# sees Excel offer to "repair" an Ergebnisformular. Run by
# export_structure.sh:
#   export_structure.py BIN SRCDIR TMPDIR          export and check sessions
#   export_structure.py --check FILE.xlsx...       check given workbooks only
# Sessions: the example data/beispiel-sitzung.txt and random answer sets,
# each exported for the town (default) and with --intern (the example also
# with a logo). Per workbook:
# - the zip is intact; every .xml/.rels/.vml part is well-formed XML;
# - every part has a content type, every override and relationship target
#   exists;
# - workbook: sheet names unique, at most 31 characters, no []:*?/\ ;
#   defined names unique per scope, localSheetId valid, every reference
#   resolves to an existing sheet and a valid range;
# - each worksheet: its elements in the order of the schema; <col> ranges
#   valid, sorted and non-overlapping; rows ascending, cells ascending within
#   their row and on that row; style and shared-string indexes in range;
#   merged ranges valid, more than one cell, counted, not overlapping;
#   conditional formats and data validations on valid ranges with valid dxf
#   ids and unique priorities; autofilter valid with its _FilterDatabase
#   name; page breaks counted, ascending, in range; header and footer at
#   most 255 characters; row heights at most 409 points; widths, heights,
#   margins and cell numbers are numbers Excel reads (a German locale's
#   decimal comma is not); formulas refer to existing sheets; the drawing
#   relationship resolves.
# Exit 0 all good, 1 a failure.
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
M = "{%s}" % NS["m"]
R_ID = "{%s}id" % NS["r"]
MAX_ROW, MAX_COL = 1048576, 16384

# CT_Worksheet's sequence (ECMA-376 part 1, 18.3.1.99)
WORKSHEET_ORDER = [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
    "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
    "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
    "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
    "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
    "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
    "webPublishItems", "tableParts", "extLst",
]

CELL_RE = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]+)$")
COLS_RE = re.compile(r"^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$")
ROWS_RE = re.compile(r"^\$?([0-9]+):\$?([0-9]+)$")


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def parse_cell(ref):
    """(row, col) 1-based of "B7" / "$B$7", or None."""
    m = CELL_RE.match(ref)
    if not m:
        return None
    row, col = int(m.group(2)), col_number(m.group(1))
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        return None
    return row, col


def parse_range(ref):
    """(r1, c1, r2, c2) of "A1", "A1:C3", "$1:$1" or "A:C", or None."""
    m = ROWS_RE.match(ref)
    if m:
        r1, r2 = int(m.group(1)), int(m.group(2))
        return (r1, 1, r2, MAX_COL) if 1 <= r1 <= r2 <= MAX_ROW else None
    m = COLS_RE.match(ref)
    if m:
        c1, c2 = col_number(m.group(1)), col_number(m.group(2))
        return (1, c1, MAX_ROW, c2) if 1 <= c1 <= c2 <= MAX_COL else None
    parts = ref.split(":")
    if len(parts) == 1:
        a = parse_cell(parts[0])
        return (a[0], a[1], a[0], a[1]) if a else None
    if len(parts) != 2:
        return None
    a, b = parse_cell(parts[0]), parse_cell(parts[1])
    if not a or not b or a[0] > b[0] or a[1] > b[1]:
        return None
    return a[0], a[1], b[0], b[1]


def number(text):
    """The xsd:double in text, or None ("38,71" from a German locale is not one)."""
    try:
        return float(text) if text is not None and "," not in text else None
    except ValueError:
        return None


def overlap(a, b):
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


def split_sheet_ref(text):
    """Split "Name!A1:B2" / "'Na''me'!$1:$1" into (sheet, range) or None."""
    m = re.match(r"^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$", text)
    if not m:
        return None
    sheet = m.group(1).replace("''", "'") if m.group(1) else m.group(2)
    return sheet, m.group(3)


class Checker:
    def __init__(self, path, where):
        self.path, self.where = path, where
        self.failures = []

    def fail(self, msg):
        self.failures.append("%s: %s" % (self.where, msg))

    def run(self):
        try:
            z = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile as e:
            self.fail("not a zip file: %s" % e)
            return self.failures
        with z:
            bad = z.testzip()
            if bad is not None:
                self.fail("damaged zip member %s" % bad)
                return self.failures
            self.names = set(z.namelist())
            self.xml = {}
            for name in sorted(self.names):
                if name.endswith((".xml", ".rels", ".vml")):
                    try:
                        self.xml[name] = ET.fromstring(z.read(name))
                    except ET.ParseError as e:
                        self.fail("%s is not well-formed: %s" % (name, e))
            if self.failures:
                return self.failures
            self.check_package()
            self.check_workbook()
        return self.failures

    def rels(self, part):
        """{rId: target part} of a part's relationships (internal only)."""
        d, base = os.path.split(part)
        relpath = os.path.join(d, "_rels", base + ".rels")
        out = {}
        root = self.xml.get(relpath)
        if root is None:
            return out
        for rel in root.findall("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            full = os.path.normpath(os.path.join(d, target)) if not target.startswith("/") \
                else target.lstrip("/")
            out[rel.get("Id")] = full
        return out

    def check_package(self):
        ct = self.xml.get("[Content_Types].xml")
        if ct is None:
            self.fail("no [Content_Types].xml")
            return
        defaults = {e.get("Extension").lower() for e in ct.findall("ct:Default", NS)}
        overrides = {e.get("PartName").lstrip("/") for e in ct.findall("ct:Override", NS)}
        for o in overrides:
            if o not in self.names:
                self.fail("content type override for missing part %s" % o)
        for name in self.names:
            if name.endswith("/") or name == "[Content_Types].xml":
                continue
            ext = name.rsplit(".", 1)[-1].lower()
            if name not in overrides and ext not in defaults:
                self.fail("part %s has no content type" % name)
        for relpath in [n for n in self.xml if n.endswith(".rels")]:
            d = os.path.dirname(os.path.dirname(relpath))
            for rel in self.xml[relpath].findall("rel:Relationship", NS):
                if rel.get("TargetMode") == "External":
                    continue
                t = rel.get("Target")
                full = t.lstrip("/") if t.startswith("/") else os.path.normpath(os.path.join(d, t))
                if full not in self.names:
                    self.fail("%s: relationship %s to missing part %s" % (relpath, rel.get("Id"), full))

    def check_workbook(self):
        wb = self.xml.get("xl/workbook.xml")
        if wb is None:
            self.fail("no xl/workbook.xml")
            return
        wbrels = self.rels("xl/workbook.xml")
        sheets = []
        seen = set()
        for s in wb.findall("m:sheets/m:sheet", NS):
            name = s.get("name")
            if name.lower() in seen:
                self.fail("sheet name %r twice" % name)
            seen.add(name.lower())
            if not 1 <= len(name) <= 31 or re.search(r"[\[\]:*?/\\]", name):
                self.fail("sheet name %r not allowed by Excel" % name)
            target = wbrels.get(s.get(R_ID))
            if target is None:
                self.fail("sheet %r has no part" % name)
                continue
            sheets.append((name, target))
        self.sheet_names = [n for n, _ in sheets]
        self.load_styles(wbrels)
        # defined names
        names_seen = set()
        filter_db = {}
        for dn in wb.findall("m:definedNames/m:definedName", NS):
            name, local = dn.get("name"), dn.get("localSheetId")
            key = (name.lower(), local)
            if key in names_seen:
                self.fail("defined name %s twice in scope %s" % (name, local))
            names_seen.add(key)
            if local is not None and not 0 <= int(local) < len(sheets):
                self.fail("defined name %s: localSheetId %s out of range" % (name, local))
            for part in (dn.text or "").split(","):
                sr = split_sheet_ref(part.strip())
                if sr is None or sr[0] not in self.sheet_names or parse_range(sr[1].replace("$", "")) is None:
                    self.fail("defined name %s does not resolve: %r" % (name, dn.text))
                    continue
                if local is not None and sr[0] != self.sheet_names[int(local)]:
                    self.fail("defined name %s of sheet %s refers to %s" % (name, local, sr[0]))
            if name == "_xlnm._FilterDatabase" and local is not None:
                filter_db[int(local)] = dn.text
        for i, (name, part) in enumerate(sheets):
            root = self.xml.get(part)
            if root is None:
                self.fail("sheet %s: part %s missing or not XML" % (name, part))
                continue
            self.check_sheet(name, part, root, filter_db.get(i))

    def load_styles(self, wbrels):
        self.xfs = self.dxfs = self.sst = 0
        for target in wbrels.values():
            root = self.xml.get(target)
            if root is None:
                continue
            if root.tag == M + "styleSheet":
                xfs = root.find("m:cellXfs", NS)
                dxfs = root.find("m:dxfs", NS)
                self.xfs = len(xfs) if xfs is not None else 0
                self.dxfs = len(dxfs) if dxfs is not None else 0
            elif root.tag == M + "sst":
                items = root.findall("m:si", NS)
                self.sst = len(items)
                for si in items:
                    text = "".join(t.text or "" for t in si.iter(M + "t"))
                    if len(text) > 32767:
                        self.fail("a shared string is longer than 32767 characters")

    def check_sheet(self, name, part, root, filter_db):
        where = "sheet %s" % name
        # element order
        order = [WORKSHEET_ORDER.index(c.tag[len(M):]) if c.tag.startswith(M) and
                 c.tag[len(M):] in WORKSHEET_ORDER else -1 for c in root]
        if -1 in order:
            self.fail("%s: unknown element %s" % (where, root[order.index(-1)].tag))
        elif order != sorted(order):
            self.fail("%s: elements out of schema order" % where)
        # columns
        last_max = 0
        for col in root.findall("m:cols/m:col", NS):
            lo, hi = int(col.get("min")), int(col.get("max"))
            if not 1 <= lo <= hi <= MAX_COL:
                self.fail("%s: <col min=%d max=%d> invalid" % (where, lo, hi))
            if lo <= last_max:
                self.fail("%s: <col min=%d max=%d> overlaps or is out of order after max=%d"
                          % (where, lo, hi, last_max))
            last_max = max(last_max, hi)
            width = number(col.get("width", "0"))
            if width is None or width > 255:
                self.fail("%s: column %d width %r" % (where, lo, col.get("width")))
        # rows and cells
        last_row = 0
        for row in root.findall("m:sheetData/m:row", NS):
            r = int(row.get("r"))
            if r <= last_row or r > MAX_ROW:
                self.fail("%s: row %d out of order" % (where, r))
            last_row = r
            ht = row.get("ht")
            if ht is not None and (number(ht) is None or number(ht) > 409):
                self.fail("%s: row %d height %r" % (where, r, ht))
            last_col = 0
            for c in row.findall("m:c", NS):
                rc = parse_cell(c.get("r"))
                if rc is None or rc[0] != r or rc[1] <= last_col:
                    self.fail("%s: cell %s out of place in row %d" % (where, c.get("r"), r))
                    continue
                last_col = rc[1]
                s = int(c.get("s", "0"))
                if s >= max(self.xfs, 1):
                    self.fail("%s: cell %s style %d of %d" % (where, c.get("r"), s, self.xfs))
                v = c.find("m:v", NS)
                if c.get("t") == "s" and (v is None or not 0 <= int(v.text) < self.sst):
                    self.fail("%s: cell %s shared string out of range" % (where, c.get("r")))
                if c.get("t", "n") == "n" and v is not None and number(v.text) is None:
                    self.fail("%s: cell %s number %r" % (where, c.get("r"), v.text))
                f = c.find("m:f", NS)
                if f is not None and f.text:
                    for ref in re.findall(r"(?:'((?:[^']|'')+)'|([A-Za-zÄÖÜäöüß_][\w.]*))!", f.text):
                        sheet = ref[0].replace("''", "'") if ref[0] else ref[1]
                        if sheet not in self.sheet_names:
                            self.fail("%s: cell %s formula refers to unknown sheet %s"
                                      % (where, c.get("r"), sheet))
        # merged cells
        merges = []
        mc = root.find("m:mergeCells", NS)
        if mc is not None:
            items = mc.findall("m:mergeCell", NS)
            if int(mc.get("count", "-1")) != len(items):
                self.fail("%s: mergeCells count %s, %d listed" % (where, mc.get("count"), len(items)))
            for m in items:
                rg = parse_range(m.get("ref"))
                if rg is None or (rg[0] == rg[2] and rg[1] == rg[3]):
                    self.fail("%s: merged range %s invalid" % (where, m.get("ref")))
                    continue
                for other in merges:
                    if overlap(rg, other[1]):
                        self.fail("%s: merged ranges %s and %s overlap" % (where, m.get("ref"), other[0]))
                merges.append((m.get("ref"), rg))
        # conditional formats and data validations
        priorities = set()
        for cf in root.findall("m:conditionalFormatting", NS):
            for ref in cf.get("sqref", "").split():
                if parse_range(ref) is None:
                    self.fail("%s: conditional format on invalid range %s" % (where, ref))
            for rule in cf.findall("m:cfRule", NS):
                p = rule.get("priority")
                if p in priorities:
                    self.fail("%s: conditional format priority %s twice" % (where, p))
                priorities.add(p)
                d = rule.get("dxfId")
                if d is not None and not 0 <= int(d) < self.dxfs:
                    self.fail("%s: conditional format dxfId %s of %d" % (where, d, self.dxfs))
        dv = root.find("m:dataValidations", NS)
        if dv is not None:
            items = dv.findall("m:dataValidation", NS)
            if int(dv.get("count", "-1")) != len(items):
                self.fail("%s: dataValidations count mismatch" % where)
            for v in items:
                for ref in v.get("sqref", "").split():
                    if parse_range(ref) is None:
                        self.fail("%s: data validation on invalid range %s" % (where, ref))
        # autofilter
        af = root.find("m:autoFilter", NS)
        if af is not None:
            if parse_range(af.get("ref")) is None:
                self.fail("%s: autofilter on invalid range %s" % (where, af.get("ref")))
            sr = split_sheet_ref(filter_db or "")
            if sr is None or sr[0] != name or sr[1].replace("$", "") != af.get("ref"):
                self.fail("%s: autofilter %s without matching _FilterDatabase (%r)"
                          % (where, af.get("ref"), filter_db))
        elif filter_db is not None:
            self.fail("%s: _FilterDatabase without an autofilter" % where)
        # page breaks
        for tag, limit in (("rowBreaks", MAX_ROW), ("colBreaks", MAX_COL)):
            b = root.find("m:" + tag, NS)
            if b is None:
                continue
            ids = [int(x.get("id")) for x in b.findall("m:brk", NS)]
            if int(b.get("count", "-1")) != len(ids):
                self.fail("%s: %s count mismatch" % (where, tag))
            if ids != sorted(set(ids)) or any(not 0 < i < limit for i in ids):
                self.fail("%s: %s %r not ascending or out of range" % (where, tag, ids))
        # numbers Excel reads as xsd:double
        for tag in ("pageMargins", "pageSetup", "sheetFormatPr"):
            el = root.find("m:" + tag, NS)
            for k, v in (el.attrib.items() if el is not None else []):
                if k in ("left", "right", "top", "bottom", "header", "footer",
                         "defaultRowHeight", "baseColWidth") and number(v) is None:
                    self.fail("%s: %s %s=%r is not a number" % (where, tag, k, v))
        # header and footer
        hf = root.find("m:headerFooter", NS)
        if hf is not None:
            for el in hf:
                if len(el.text or "") > 255:
                    self.fail("%s: %s longer than 255 characters" % (where, el.tag[len(M):]))
        # panes
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None and pane.get("topLeftCell") and parse_cell(pane.get("topLeftCell")) is None:
            self.fail("%s: pane at invalid cell %s" % (where, pane.get("topLeftCell")))
        # drawing relationship
        rels = self.rels(part)
        for tag in ("drawing", "legacyDrawing"):
            el = root.find("m:" + tag, NS)
            if el is not None and el.get(R_ID) not in rels:
                self.fail("%s: %s relationship %s missing" % (where, tag, el.get(R_ID)))


def check_files(paths):
    failures = []
    for p in paths:
        failures += Checker(p, os.path.basename(p)).run()
    return failures


# Planted defects: each rewrites one part of a good workbook; the checker
# must report every one, or it proves nothing.
PLANTED = [
    ("overlapping <col>", "xl/worksheets/sheet1.xml",
     lambda x: x.replace("<cols>", '<cols><col min="1" max="3" width="9"/>'
                         '<col min="3" max="3" width="9"/>', 1)),
    ("overlapping merged ranges", "xl/worksheets/sheet1.xml",
     lambda x: re.sub(r'<mergeCells count="(\d+)">',
                      lambda m: '<mergeCells count="%d"><mergeCell ref="A1:B2"/>'
                      '<mergeCell ref="B2:C3"/>' % (int(m.group(1)) + 2), x, 1)),
    ("conditional format on an invalid range", "xl/worksheets/sheet1.xml",
     lambda x: re.sub(r'sqref="[^"]*"', 'sqref="A0:B3"', x, 1)),
    ("defined name to a missing sheet", "xl/workbook.xml",
     lambda x: x.replace("<definedNames>", '<definedNames><definedName name="Kaputt">'
                         "Fehlt!$A$1</definedName>", 1)),
    ("rows out of order", "xl/worksheets/sheet1.xml",
     lambda x: x.replace('<row r="1"', '<row r="99999"', 1)),
]


def check_planted(good, tmp):
    """Every planted defect must be found. Returns failures."""
    failures = []
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for i, (what, part, change) in enumerate(PLANTED):
        bad = os.path.join(tmp, "planted%d.xlsx" % i)
        text = parts[part].decode("utf-8")
        changed = change(text)
        if changed == text:
            failures.append("planted %s: the rewrite did not apply" % what)
            continue
        with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in parts.items():
                z.writestr(n, changed.encode("utf-8") if n == part else data)
        if not Checker(bad, what).run():
            failures.append("planted %s: not detected" % what)
    return failures


# What the program under test supports; a build before the goal links and
# the town/intern variants can still be checked with WA_BASE_BUILD=1.
BASE_BUILD = os.environ.get("WA_BASE_BUILD") == "1"


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        failures = check_files(sys.argv[2:])
        for f in failures:
            print("FAIL", f)
        return 1 if failures else 0
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import export_images
    import export_lib
    binary, srcdir, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
    run = export_lib.Runner(binary)
    sessions = []
    example = os.path.join(srcdir, "data", "beispiel-sitzung.txt")
    d = os.path.join(tmp, "example")
    os.mkdir(d)
    sessions.append(("beispiel", run("load", example, "--dir", d).strip()))
    form = export_lib.load_form(srcdir)
    seed = int(os.environ.get("WA_SEED", "20261202"))
    rng = random.Random(seed)
    for n in range(int(os.environ.get("WA_RANDOM_SESSIONS", "6"))):
        path, _ = export_lib.random_session(run, rng, form, n, tmp, links=not BASE_BUILD,
                                            phases=not BASE_BUILD)
        sessions.append(("random%d(seed %d)" % (n, seed), path))
    failures = []
    count = 0
    variants = [("kommune", [])]
    if not BASE_BUILD:
        variants.append(("intern", ["--intern"]))
    first = None
    for where, path in sessions:
        for variant, args in variants:
            out = os.path.join(tmp, "%s-%s.xlsx" % (where.split("(")[0], variant))
            run("export", path, "-o", out, *args)
            failures += Checker(out, "%s %s" % (where, variant)).run()
            first = first or out
            count += 1
    if not BASE_BUILD:  # the example with a logo: drawing, media, relationships
        logo = os.path.join(tmp, "logo.png")
        with open(logo, "wb") as fp:
            fp.write(export_images.make_png())
        out = os.path.join(tmp, "beispiel-logo.xlsx")
        run("export", sessions[0][1], "-o", out, "--intern", "--logo", logo)
        failures += Checker(out, "beispiel with logo").run()
        with zipfile.ZipFile(out) as z:
            if "xl/media/image1.png" not in z.namelist():
                failures.append("beispiel with logo: no image part")
        count += 1
    failures += check_planted(first, tmp)
    for f in failures:
        print("FAIL", f)
    if failures:
        return 1
    print("export structure: %d workbooks checked, %d planted defects found"
          % (count, len(PLANTED)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

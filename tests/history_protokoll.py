#!/usr/bin/python3
"""tests/history_protokoll.py: check the sheet Änderungsprotokoll of an
exported workbook against `history --format tsv` of the same session, with
the standard library only (zipfile and ElementTree, no openpyxl).

usage: history_protokoll.py FILE.xlsx HISTORY.tsv town|intern|none

none: the workbook must have no such sheet. Otherwise it must be the last
sheet, and hold one row per history entry (town: without the entries of the
IHK's working notes, :note and :evidence_text) in order: Nr a number cell
equal to the change number, the time in local time (TZ of the caller) of
the entry's UTC time, the phase's German name, who, the record's value
before and after ("–" for unset, "(leer)" for empty), and the reason (an
undo says which change it reverts). Exit 0 when all holds, 1 with the
differences on stderr."""
import calendar
import re
import sys
import time
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
PHASES = {"gespraech": "Gespräch", "auswertung": "Auswertung",
          "abgeschlossen": "Abgeschlossen"}
UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
SHEET = "Änderungsprotokoll"


def unescape(v):
    return re.sub(r"\\(.)", lambda m: UNESCAPE[m.group(1)], v)


def column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def sheets(z):
    """[(name, path in the zip)] in tab order."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for s in wb.find("m:sheets", NS):
        rid = s.get("{%s}id" % NS["r"])
        out.append((s.get("name"), "xl/" + target[rid].lstrip("/").replace("xl/", "", 1)))
    return out


def rows(z, path):
    """[{column: (value, is_number)}] of the sheet, by row."""
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    out = []
    for row in ET.fromstring(z.read(path)).iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            kind = c.get("t")
            if kind == "s" and v is not None:
                cells[column(c.get("r"))] = (strings[int(v.text)], False)
            elif kind == "inlineStr":
                t = "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
                cells[column(c.get("r"))] = (t, False)
            elif v is not None:
                cells[column(c.get("r"))] = (v.text, kind in (None, "n"))
        out.append(cells)
    return out


def local(utc):
    epoch = calendar.timegm(time.strptime(utc, "%Y-%m-%dT%H:%M:%SZ"))
    return time.strftime("%d.%m.%Y %H:%M:%S", time.localtime(epoch))


def shown(v, unset):
    if unset:
        return "–"
    return "(leer)" if v == "" else v


def main():
    xlsx, tsv, mode = sys.argv[1:4]
    problems = []
    with zipfile.ZipFile(xlsx) as z:
        names = sheets(z)
        found = [p for n, p in names if n == SHEET]
        if mode == "none":
            if found:
                problems.append("the workbook has the sheet %s without --protokoll" % SHEET)
            return report(problems)
        if not found:
            return report(["no sheet %s in %s" % (SHEET, [n for n, _ in names])])
        if names[-1][0] != SHEET:
            problems.append("%s is not the last sheet" % SHEET)
        table = rows(z, found[0])
    head = next((i for i, r in enumerate(table) if r.get(1, ("",))[0] == "Nr"), None)
    if head is None:
        return report(["no heading row Nr"])
    got = [r for r in table[head + 1:] if r]
    want = []
    with open(tsv, encoding="utf-8") as fp:
        for line in fp.read().splitlines():
            f = line.split("\t")
            if len(f) != 9:
                problems.append("TSV line with %d fields: %r" % (len(f), line))
                continue
            key = unescape(f[5])
            if mode == "town" and re.search(r":(note|evidence_text)$", key):
                continue
            want.append(f)
    if len(got) != len(want):
        problems.append("%d rows, %d entries" % (len(got), len(want)))
    for i, (r, f) in enumerate(zip(got, want)):
        nr = r.get(1, ("", False))
        if not nr[1] or nr[0] != f[3]:
            problems.append("row %d: Nr %r (number cell: %s), change %s" % (i, nr[0], nr[1], f[3]))
        checks = [
            (2, local(f[0]), "time"),
            (3, PHASES[f[1]], "phase"),
            (4, unescape(f[2]), "who"),
            (7, shown(unescape(f[6]), f[6] == ""), "before"),
            (8, shown(unescape(f[7]), f[7] == ""), "after"),
        ]
        reason = unescape(f[8])
        if f[4] != "0":
            reason = "macht Nr %s rückgängig%s" % (f[4], "; " + reason if reason else "")
        checks.append((9, reason, "reason"))
        for col, value, what in checks:
            cell = r.get(col, ("", False))[0]
            if cell != value and not (value == "" and cell is None):
                problems.append("row %d %s: %r, want %r" % (i, what, cell, value))
    return report(problems)


def report(problems):
    for p in problems[:20]:
        print("history_protokoll: " + p, file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())

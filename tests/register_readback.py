#!/usr/bin/python3
# register_readback.py: reads the register's workbook and calendar back with
# Debian's Python libraries and compares them with the expectations that the
# independent oracle of tests/test_register.c wrote as TSV
# (`test_register --fixtures DIR`). Run by register_readback.sh and
# register_ics.sh:
#   register_readback.py xlsx DIR   openpyxl: every cell of Register (with
#       and without points), Verlauf, Termine, Statistik and Nicht gelesen
#       equals the expectation; dates are real dates shown DD.MM.YYYY;
#       quotes are fractions shown 0.0%; headings, autofilter, frozen and
#       repeated heading row, A4 landscape fit to one page wide, the
#       conditional colours by status, page header, document properties
#       and the program's mark.
#   register_readback.py ics DIR    icalendar: one all-day VEVENT per
#       expected item in order, with its UID, dates, German summary,
#       DTSTAMP from the Stichtag and a display alarm N days before; the
#       file written twice is the same, UIDs are unique; lines are folded
#       at 75 octets without splitting a UTF-8 character.
# Exit 0 all good, 1 a failure (each printed), 77 when the library is
# missing.
import csv
import datetime
import sys
import zipfile

MODE, DIR = sys.argv[1], sys.argv[2]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def read_tsv(name):
    with open("%s/%s" % (DIR, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def read_meta():
    with open(DIR + "/expect-meta.tsv", encoding="utf-8") as f:
        return dict(line.rstrip("\n").split("\t", 1) for line in f if line.strip())


def tenths(text):
    return int(text.replace(".", ""))


def check_cell(where, head, cell, want):
    """One cell against its TSV expectation; the heading says its kind."""
    value = cell.value
    if head in ("Datum", "gültig bis", "nächste Zielfrist"):
        if want == "":
            if value is not None:
                fail("%s: %s should be empty, is %r" % (where, head, value))
            return
        if not isinstance(value, datetime.datetime):
            fail("%s: %s is no date: %r" % (where, head, value))
            return
        if value.strftime("%Y-%m-%d") != want:
            fail("%s: %s %s != %s" % (where, head, value.date(), want))
        if cell.number_format != "DD.MM.YYYY":
            fail("%s: %s shown as %r" % (where, head, cell.number_format))
    elif head in ("Tage", "überfällige Nachweise", "Endpunktzahl", "Maximum",
                  "Kommunen"):
        if want == "":
            if value is not None:
                fail("%s: %s should be empty, is %r" % (where, head, value))
        elif not isinstance(value, (int, float)) or value != int(want):
            fail("%s: %s %r != %s" % (where, head, value, want))
    elif head == "Quote" or head.startswith("Quote "):
        if want == "":
            if value is not None:
                fail("%s: %s should be empty, is %r" % (where, head, value))
        elif not isinstance(value, (int, float)) or abs(value * 1000 - tenths(want)) > 0.5 + 1e-9:
            fail("%s: %s %r != %s %%" % (where, head, value, want))
        elif cell.number_format != "0.0%":
            fail("%s: %s shown as %r" % (where, head, cell.number_format))
    elif head in ("unteres Quartil", "Median", "oberes Quartil"):
        if want == "":
            if value is not None:
                fail("%s: %s should be suppressed, is %r" % (where, head, value))
        elif not isinstance(value, (int, float)) or abs(value * 1000 - tenths(want)) > 0.5 + 1e-9:
            fail("%s: %s %r != %s %%" % (where, head, value, want))
    elif head == "Nr":
        if want == "":
            if value is not None:
                fail("%s: Nr should be empty, is %r" % (where, head, value))
        elif want.isdigit():
            if value != int(want):
                fail("%s: Nr %r != %s" % (where, value, want))
        elif value != want:
            fail("%s: Nr %r != %s" % (where, value, want))
    else:
        got = "" if value is None else value
        if not isinstance(got, str) or got != want:
            fail("%s: %s %r != %r" % (where, head, got, want))


def check_table(wb, sheet, expect, first_row=4, extra=()):
    """Sheet rows from first_row on against the TSV expect; columns matched
    by heading; headings in extra exist only in the workbook."""
    if sheet not in wb.sheetnames:
        fail("sheet %s missing" % sheet)
        return None
    ws = wb[sheet]
    head, rows = read_tsv(expect)
    heads = [c.value for c in ws[first_row - 1]]
    shown = [h for h in heads if h not in extra]
    if shown != head:
        fail("%s: headings %r != %r" % (sheet, heads, head))
        return ws
    if ws.max_row != first_row - 1 + len(rows):
        fail("%s: %d rows, expected %d" % (sheet, ws.max_row - first_row + 1, len(rows)))
    for i, want in enumerate(rows):
        cells = ws[first_row + i]
        for h, w in zip(head, want):
            check_cell("%s!%d" % (sheet, first_row + i), h, cells[heads.index(h)], w)
    return ws


def check_print(ws, last_col, rows):
    name = ws.title
    if ws.page_setup.orientation != "landscape":
        fail("%s: not landscape" % name)
    if str(ws.page_setup.paperSize) != "9":
        fail("%s: paper %r, not A4" % (name, ws.page_setup.paperSize))
    # fitToWidth absent means 1 (the schema's default)
    if not ws.sheet_properties.pageSetUpPr.fitToPage \
            or ws.page_setup.fitToWidth not in (None, 1, "1") \
            or ws.page_setup.fitToHeight not in (0, "0"):
        fail("%s: not fit to one page wide" % name)
    if ws.print_title_rows not in ("3:3", "$3:$3"):
        fail("%s: repeated rows %r" % (name, ws.print_title_rows))
    if ws.freeze_panes != "B4":
        fail("%s: frozen at %r" % (name, ws.freeze_panes))
    want = "A3:%s%d" % (last_col, 3 + rows) if rows else None
    if want and ws.auto_filter.ref != want:
        fail("%s: autofilter %r != %r" % (name, ws.auto_filter.ref, want))


def xlsx():
    try:
        import openpyxl
    except ImportError:
        print("SKIP: openpyxl missing (apt-get install python3-openpyxl)")
        sys.exit(77)
    stichtag = read_meta()["stichtag"]
    day = "%s.%s.%s" % (stichtag[8:10], stichtag[5:7], stichtag[0:4])
    path = DIR + "/register.xlsx"
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != ["Register", "Verlauf", "Termine", "Statistik", "Nicht gelesen"]:
        fail("sheets %r" % wb.sheetnames)
    towns = check_table(wb, "Register", "expect-towns.tsv")
    _, town_rows = read_tsv("expect-towns.tsv")
    if towns is not None:
        if "Stichtag " + day not in towns["A1"].value:
            fail("Register!A1: %r" % towns["A1"].value)
        check_print(towns, openpyxl.utils.get_column_letter(towns.max_column), len(town_rows))
        rules = [r for cf in towns.conditional_formatting for r in cf.rules]
        formulas = " ".join(f for r in rules for f in r.formula)
        for status in ("abgelaufen", "läuft innerhalb von 6 Monaten ab", "offen",
                       "nicht bestanden", "gültig"):
            if '="%s"' % status not in formulas:
                fail("Register: no colour for %s (%s)" % (status, formulas))
        ranges = {str(cf.sqref) for cf in towns.conditional_formatting}
        want_range = "A4:%s%d" % (openpyxl.utils.get_column_letter(towns.max_column),
                                  3 + len(town_rows))
        if ranges != {want_range}:
            fail("Register: colours over %r, expected %s" % (ranges, want_range))
    hist = check_table(wb, "Verlauf", "expect-history.tsv")
    if hist is not None:
        check_print(hist, "H", 0)
    items = check_table(wb, "Termine", "expect-items.tsv", extra=("IHK",))
    _, item_rows = read_tsv("expect-items.tsv")
    if items is not None:
        check_print(items, "G", len(item_rows))
        if sum(len(cf.rules) for cf in items.conditional_formatting) != 2:
            fail("Termine: expected two colour rules")
    stats = check_table(wb, "Statistik", "expect-stats.tsv", extra=("Hinweis",))
    if stats is not None:
        check_print(stats, "F", 0)
        _, rows = read_tsv("expect-stats.tsv")
        for i, row in enumerate(rows):
            note = stats.cell(row=4 + i, column=6).value or ""
            if (row[2] == "") != ("nicht ausgewiesen" in note):
                fail("Statistik!F%d: note %r for %r" % (4 + i, note, row))
    probs = check_table(wb, "Nicht gelesen", "expect-problems.tsv")
    if probs is not None:
        check_print(probs, "B", len(read_tsv("expect-problems.tsv")[1]))

    # the variant without points and history
    plain = openpyxl.load_workbook(DIR + "/register-ohne-punkte.xlsx")
    if plain.sheetnames != ["Register", "Termine", "Statistik", "Nicht gelesen"]:
        fail("without points: sheets %r" % plain.sheetnames)
    reg = plain["Register"]
    heads = [c.value for c in reg[3]]
    head, _ = read_tsv("expect-towns.tsv")
    if heads != head[:11]:
        fail("without points: headings %r" % heads)
    for row in reg.iter_rows(min_row=4):
        for c in row[11:]:
            if c.value is not None:
                fail("without points: %s holds %r" % (c.coordinate, c.value))

    # properties, the mark, the page header
    props = wb.properties
    if props.title is None or "Stichtag " + day not in props.title:
        fail("title %r" % props.title)
    if props.created is None or props.created.strftime("%Y-%m-%d") != stichtag:
        fail("created %r" % props.created)
    with zipfile.ZipFile(path) as z:
        custom = z.read("docProps/custom.xml").decode()
        if 'name="Erstellt mit"' not in custom or ">wohnort-audit" not in custom:
            fail("no program mark in docProps/custom.xml")
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
        if "Stichtag " + day not in sheet1 or "&amp;A" not in sheet1:
            fail("page header without Stichtag or sheet name")
        if "Punktzahlen einzelner Kommunen" not in sheet1:
            fail("the workbook with points does not say it is confidential")


def ics():
    try:
        import icalendar
    except ImportError:
        print("SKIP: icalendar missing (apt-get install python3-icalendar)")
        sys.exit(77)
    stichtag = datetime.date.fromisoformat(read_meta()["stichtag"])
    with open(DIR + "/expect-events.tsv", encoding="utf-8") as f:
        want = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    raw = open(DIR + "/termine.ics", "rb").read()
    if raw != open(DIR + "/termine-2.ics", "rb").read():
        fail("the calendar written twice differs")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            fail("line %d longer than 75 octets" % n)
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail("line %d splits a UTF-8 character" % n)
    if b"\n" in raw.replace(b"\r\n", b""):
        fail("a line ends without CR")
    cal = icalendar.Calendar.from_ical(raw)
    if not str(cal.get("PRODID", "")).startswith("-//wohnort-audit//"):
        fail("PRODID %r" % cal.get("PRODID"))
    if str(cal.get("VERSION")) != "2.0" or str(cal.get("METHOD")) != "PUBLISH":
        fail("VERSION or METHOD wrong")
    events = [c for c in cal.walk("VEVENT")]
    if len(events) != len(want):
        fail("%d events, expected %d" % (len(events), len(want)))
    uids = set()
    stamp = datetime.datetime(stichtag.year, stichtag.month, stichtag.day,
                              tzinfo=datetime.timezone.utc)
    for i, (ev, (uid, date, alarm_days, summary)) in enumerate(zip(events, want)):
        where = "event %d (%s)" % (i + 1, summary)
        if str(ev["UID"]) != uid:
            fail("%s: UID %s != %s" % (where, ev["UID"], uid))
        uids.add(str(ev["UID"]))
        start, end = ev["DTSTART"].dt, ev["DTEND"].dt
        if isinstance(start, datetime.datetime) or start.isoformat() != date:
            fail("%s: DTSTART %r != %s (all-day)" % (where, start, date))
        if isinstance(end, datetime.datetime) or end != start + datetime.timedelta(days=1):
            fail("%s: DTEND %r" % (where, end))
        if ev["DTSTAMP"].dt != stamp:
            fail("%s: DTSTAMP %r" % (where, ev["DTSTAMP"].dt))
        if str(ev["SUMMARY"]) != summary:
            fail("%s: SUMMARY %r" % (where, str(ev["SUMMARY"])))
        alarms = [c for c in ev.walk("VALARM")]
        if len(alarms) != 1:
            fail("%s: %d alarms" % (where, len(alarms)))
            continue
        if str(alarms[0]["ACTION"]) != "DISPLAY" or "DESCRIPTION" not in alarms[0]:
            fail("%s: alarm is no display alarm with a text" % where)
        if alarms[0]["TRIGGER"].dt != -datetime.timedelta(days=int(alarm_days)):
            fail("%s: TRIGGER %r, expected -%s days" % (where, alarms[0]["TRIGGER"].dt,
                                                         alarm_days))
    if len(uids) != len(events):
        fail("UIDs are not unique")


if MODE == "xlsx":
    xlsx()
elif MODE == "ics":
    ics()
else:
    print("usage: register_readback.py xlsx|ics DIR")
    sys.exit(2)
print("register_readback %s: %d failures" % (MODE, len(failures)))
sys.exit(1 if failures else 0)

#!/usr/bin/python3
# compare_readback.py: reads the sheet Entwicklung of an exported
# Ergebnisformular back with openpyxl (the values a viewer shows: the cached
# results of the formulas) and checks every number against the output of
# `wohnort-audit compare --format tsv` for the same session: per
# Handlungsfeld points, maximum and Quote then and now and the change,
# Sonderpunkte, Endpunktzahl, the verdicts, and for every changed question
# its points then and now and the kind of change, in the same order. Also
# that today's figures are formulas (over Bewertung and Entwicklungsziele).
# Run by tests/compare_cli.sh:  compare_readback.py FILE.xlsx COMPARE.tsv
# Exit 0 when all agree, 1 with the differences listed.
import decimal
import sys

import openpyxl

VERDICT = {"passed": "bestanden", "failed": "nicht bestanden", "provisional": "vorläufig"}
CHANGE = {"better": "besser", "worse": "schlechter", "changed": "geändert",
          "new": "neu", "retired": "entfallen"}
failures = []


def fail(message):
    failures.append(message)


def tenths(value):
    """A ratio (0.667) as tenths of a percent, rounded half up (667)."""
    d = decimal.Decimal(repr(value)) * 1000
    return int(d.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def tsv_tenths(text):
    return None if text == "-" else int(decimal.Decimal(text) * 10)


def same_number(where, cell, want):
    """cell shows the integer want ('-': a dash)."""
    if want == "-":
        if cell not in ("–", None):
            fail("%s: %r, want a dash" % (where, cell))
    elif not isinstance(cell, (int, float)) or cell != int(want):
        fail("%s: %r, want %s" % (where, cell, want))


def same_quote(where, cell, want):
    """cell is a ratio whose percent, rounded to tenths, is want ('-')."""
    if want == "-":
        if cell not in ("–", None):
            fail("%s: %r, want a dash" % (where, cell))
    elif not isinstance(cell, (int, float)) or tenths(cell) != tsv_tenths(want):
        fail("%s: %r, want %s %%" % (where, cell, want))


def same_delta(where, cell, diff, unit):
    if diff == "-":
        if cell not in ("–", None):
            fail("%s: %r, want a dash" % (where, cell))
        return
    if not isinstance(cell, (int, float)):
        fail("%s: %r is no number" % (where, cell))
    elif unit == "points" and cell != int(diff):
        fail("%s: %r, want %s points" % (where, cell, diff))
    elif unit == "percent" and round(cell * 10) != tsv_tenths(diff):
        fail("%s: %r, want %s percentage points" % (where, cell, diff))


def main():
    xlsx, tsv = sys.argv[1], sys.argv[2]
    lines = [l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8")]
    sections = [l for l in lines if l[0] == "section"]
    bonus = next(l for l in lines if l[0] == "bonus")
    total = next(l for l in lines if l[0] == "total")
    verdict = next(l for l in lines if l[0] == "verdict")
    questions = [l for l in lines if l[0] == "question"]

    values = openpyxl.load_workbook(xlsx, data_only=True)
    formulas = openpyxl.load_workbook(xlsx)
    if "Entwicklung" not in values.sheetnames:
        print("FAIL: no sheet Entwicklung in %s (%s)" % (xlsx, values.sheetnames))
        return 1
    ws, wf = values["Entwicklung"], formulas["Entwicklung"]
    rows = list(ws.iter_rows(values_only=True))
    frows = list(wf.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "Nr" and r[1] == "Handlungsfeld")

    # per Handlungsfeld, in the order of the tsv
    for k, s in enumerate(sections):
        r, f = rows[head + 1 + k], frows[head + 1 + k]
        where = "Handlungsfeld %s (row %d)" % (s[1], head + 2 + k)
        same_number(where + " points then", r[2], s[2])
        same_number(where + " max then", r[3], s[3])
        same_quote(where + " quote then", r[4], s[4])
        same_number(where + " points now", r[5], s[5])
        same_number(where + " max now", r[6], s[6])
        same_quote(where + " quote now", r[7], s[7])
        same_delta(where + " change", r[8], s[8], s[9])
        if s[5] != "-" and not str(f[5]).startswith("=SUMIF(Bewertung!"):
            fail("%s: points now %r is no formula over Bewertung" % (where, f[5]))
        if (s[10] == "changed") != ("Methode geändert" in str(r[9] or "")):
            fail("%s: note %r, method %s" % (where, r[9], s[10]))
    r = rows[head + 1 + len(sections)]
    if r[1] != "Sonderpunkte (Entwicklungsziele)":
        fail("row after the Handlungsfelder is %r" % (r[1],))
    same_number("Sonderpunkte then", r[2], bonus[1])
    same_number("Sonderpunkte now", r[5], bonus[2])
    same_delta("Sonderpunkte change", r[8], bonus[3], "points")
    r, f = rows[head + 2 + len(sections)], frows[head + 2 + len(sections)]
    if r[1] != "Endpunktzahl":
        fail("Endpunktzahl row is %r" % (r[1],))
    for col, i, what in ((2, 1, "points then"), (3, 2, "max then"), (5, 4, "points now"),
                         (6, 5, "max now")):
        same_number("Endpunktzahl " + what, r[col], total[i])
    same_quote("Endpunktzahl quote then", r[4], total[3])
    same_quote("Endpunktzahl quote now", r[7], total[6])
    same_delta("Endpunktzahl change", r[8], total[7], total[8])
    if not str(f[5]).startswith("=SUM("):
        fail("Endpunktzahl now %r is no formula" % (f[5],))
    r = rows[head + 3 + len(sections)]
    if r[1] != "Ergebnis" or r[2] != VERDICT[verdict[1]] or r[5] != VERDICT[verdict[2]]:
        fail("Ergebnis row %r, want %s → %s" % (r[:6], verdict[1], verdict[2]))

    # the changed questions, in the order of the tsv
    qhead = next(i for i, r in enumerate(rows) if r[0] == "Nr" and r[1] == "Frage")
    for k, q in enumerate(questions):
        r = rows[qhead + 1 + k]
        where = "question %s/%s (row %d)" % (q[2], q[3], qhead + 2 + k)
        if r[8] != CHANGE[q[1]]:
            fail("%s: change %r, want %s" % (where, r[8], q[1]))
        then_answered = q[11] != "–" and q[6] not in ("-", "0")
        now_answered = q[12] != "–" and q[9] not in ("-", "0")
        same_number(where + " points then", r[4], q[5] if then_answered else "-")
        same_number(where + " points now", r[7], q[8] if now_answered else "-")
        if r[2] != q[11] or r[5] != q[12]:
            fail("%s: answers %r → %r, want %r → %r" % (where, r[2], r[5], q[11], q[12]))
    after = rows[qhead + 1 + len(questions)] if qhead + 1 + len(questions) < len(rows) else None
    if after is not None and after[8] in CHANGE.values():
        fail("the sheet lists more changed questions than compare: %r" % (after,))

    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    print("compare_readback: %d Handlungsfelder, %d questions agree with compare"
          % (len(sections), len(questions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# export_readback.py: reads exported workbooks back with openpyxl and checks
# them against `wohnort-audit score`. Run by export_readback.sh:
#   export_readback.py BIN SRCDIR TMPDIR
# For the example session data/beispiel-sitzung.txt and for
# several random answer sets (tests/export_lib.py), it checks: sheet names
# and headings; every number on Ergebnis (points, maxima, percents,
# Sonderpunkte, Endpunktzahl, open questions, result, gültig bis, points
# missing) equals `score --format tsv`; every formula cell has a cached value;
# the sums are formulas over Bewertung; injection strings stay strings; the
# VORLÄUFIG mark appears exactly when the result is provisional or the audit
# is not Abgeschlossen (and then says so); page one
# lists the agreed goals with their deadlines; Bewertung lists every
# question in form order under its Handlungsfeld with its label;
# Empfehlungen holds exactly the score's recommendations that have a text,
# grouped by Handlungsfeld, ranked in the score's order, with the goals that
# address them; Nachweise lists what is marked fehlt or nachzureichen and the
# evidence of every answer with points, in the documented order, with
# overdue and conditional marks; Entwicklungsziele leaves out empty goals;
# the internal variant has the notes and the town's has none; document
# properties; print setup (A4, Ergebnis portrait on one page with
# conditional formatting and a chart, list sheets with frozen, repeated
# heading rows, autofilter, wrapped rows with heights). With LibreOffice
# ($WA_SOFFICE) every workbook is recalculated and Ergebnis compared with
# the score again. Exit 0 all good, 1 a failure (a missing example session
# is one).
import csv
import datetime
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape as xml_escape

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export_lib  # noqa: E402

BIN, SRCDIR, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
SHEETS = ["Ergebnis", "Nachweise", "Entwicklungsziele", "Empfehlungen", "Bewertung"]
HEADINGS = {  # the town's variant; the internal one adds a last column
    "Bewertung": ["Nr", "Frage", "Antwort", "Punkte", "Maximum", "Nachweis"],
    "Empfehlungen": ["Rang", "Frage", "Empfehlung", "Anmerkung der Prüferin/des Prüfers",
                     "mögliche Punkte", "Ziel Nr."],
    "Entwicklungsziele": ["Nr", "Ziel", "Maßnahmen", "Messgröße", "Frist", "Verantwortlich",
                          "betrifft Fragen"],
    "Nachweise": ["Nr", "Nachweis", "Status", "Frist", "Hinweis"],
}
INTERNAL_HEADINGS = dict(HEADINGS, Bewertung=["Nr", "Frage", "Antwort", "Notiz", "Punkte",
                                               "Maximum", "Nachweis"],
                         Nachweise=HEADINGS["Nachweise"] + ["Beschreibung"])
ORIENTATION = {"Ergebnis": "portrait", "Nachweise": "portrait",
               "Entwicklungsziele": "landscape", "Empfehlungen": "portrait",
               "Bewertung": "portrait"}
RESULT_HEAD = ["Handlungsfeld", "Punkte", "Maximum", "Quote", "Mindestquote", "erfüllt"]
INJECTIONS = export_lib.INJECTIONS

failures = []
RENDERED = []  # (xlsx, tsv, where) for the recalculation check
UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
OPTION_LABELS = {}  # full id -> {option id: label}
FORM = {}  # full id -> question (from the YAML)
NUMBERS = {}  # full id -> "2.3"
TODAY = datetime.date.today().isoformat()


def fail(where, msg):
    failures.append("%s: %s" % (where, msg))


run = export_lib.Runner(BIN)


def random_session(rng, form, n):
    return export_lib.random_session(run, rng, form, n, TMP)


def parse_tsv(text):
    out = {"sections": [], "recs": []}
    for line in text.splitlines():
        f = line.split("\t")
        if f[0] == "section":
            out["sections"].append((f[1], int(f[2]), int(f[3]), f[4]))
        elif f[0] == "total":
            out["total"] = (int(f[1]), int(f[2]), f[3])
        elif f[0] == "rec":
            out["recs"].append((int(f[1]), f[2], int(f[3])))
        elif f[0] in ("bonus", "open", "missing"):
            out[f[0]] = int(f[1])
        else:
            out[f[0]] = f[1]
    return out


def german(date):
    return "%s.%s.%s" % (date[8:10], date[5:7], date[0:4]) if date != "-" else "–"


def percent_ok(value, tsv_pct):
    if tsv_pct == "-":
        return value == "–"
    return isinstance(value, (int, float)) and abs(value * 100 - float(tsv_pct)) <= 0.05 + 1e-9


def head_row(ws, first):
    """The 1-based row whose column A is first (a list's headings), or None."""
    for r in range(1, min(ws.max_row, 12) + 1):
        if ws.cell(row=r, column=1).value == first:
            return r
    return None


def load_dump(path):
    """{key: value} of every record of a session."""
    out = {}
    for line in run("dump", path).splitlines():
        k, _, v = line.partition("\t")
        out[k] = re.sub(r"\\(.)", lambda m: UNESCAPE[m.group(1)], v)
    return out


def question_rows(ws, head):
    """{Nr: row} of the question rows of a list (column A like "2.3")."""
    return {ws.cell(row=r, column=1).value: r for r in range(head + 1, ws.max_row + 1)
            if re.match(r"^\d+\.\d+$", str(ws.cell(row=r, column=1).value or ""))}


def check_layout(wf, where, internal):
    """Sheet names, headings, page setup of one workbook."""
    if wf.sheetnames != SHEETS:
        fail(where, "sheet names %r" % wf.sheetnames)
        return False
    for name, want in (INTERNAL_HEADINGS if internal else HEADINGS).items():
        ws = wf[name]
        r = head_row(ws, want[0])
        got = [ws.cell(row=r, column=i + 1).value for i in range(len(want) + 1)] if r else None
        if got is None or got[:len(want)] != want:
            fail(where, "%s headings %r, want %r" % (name, got, want))
            continue
        if got[len(want)] not in (None, "Feld-Nr"):  # the hidden helper is no column
            fail(where, "%s: a column more than %r: %r" % (name, want, got[len(want)]))
        if ws.freeze_panes != "A%d" % (r + 1) or ws.print_title_rows != "$%d:$%d" % (r, r):
            fail(where, "%s: headings not frozen/repeated (%s, %s)"
                 % (name, ws.freeze_panes, ws.print_title_rows))
    for name in SHEETS:
        ws = wf[name]
        want = ORIENTATION[name]
        if internal and name in ("Bewertung", "Nachweise"):
            want = "landscape"
        if ws.page_setup.orientation != want or str(ws.page_setup.paperSize) != "9":
            fail(where, "%s: %s paper %s" % (name, ws.page_setup.orientation,
                                              ws.page_setup.paperSize))
        if "Vertraulich – die Punktzahl wird nicht veröffentlicht" not in \
                (ws.oddFooter.left.text or "") or "&P von &N" not in (ws.oddFooter.right.text or ""):
            fail(where, "%s: footer %r %r" % (name, ws.oddFooter.left.text,
                                              ws.oddFooter.right.text))
        # every page names the sheet it belongs to, and the internal one says so
        centre = ws.oddHeader.center.text or ""
        if "Ergebnisformular – " + name not in centre.replace("&B", ""):
            fail(where, "%s: page header %r does not name the sheet" % (name, centre))
        if internal != ("interne Fassung" in centre):
            fail(where, "%s: page header %r (internal=%s)" % (name, centre, internal))
    ws = wf["Ergebnis"]
    if not ws.sheet_properties.pageSetUpPr.fitToPage or \
            (ws.page_setup.fitToHeight or 1) != 1 or (ws.page_setup.fitToWidth or 1) != 1:
        fail(where, "Ergebnis is not fitted to one page")
    if len(ws.conditional_formatting) < 1:
        fail(where, "Ergebnis has no conditional formatting")
    bw = wf["Bewertung"]
    r = head_row(bw, "Nr")
    last = "G" if internal else "F"
    if bw.auto_filter.ref != "A%d:%s%d" % (r, last, bw.max_row):
        fail(where, "Bewertung autofilter %r" % bw.auto_filter.ref)
    for q, row in question_rows(bw, r).items():
        if not bw.cell(row=row, column=2).alignment.wrap_text or \
                not bw.row_dimensions[row].height:
            fail(where, "Bewertung %s: not wrapped or no height" % q)
            break
    return True


def check_result(wf, wv, where, tsv, dump):
    """Every number on Ergebnis against the score; page one's goals."""
    ef, ev = wf["Ergebnis"], wv["Ergebnis"]
    labels = {}
    head = None
    for r in range(1, ev.max_row + 1):
        a = ev.cell(row=r, column=1).value
        if isinstance(a, str):
            labels.setdefault(a, r)
        if [ev.cell(row=r, column=c).value for c in range(1, 7)] == RESULT_HEAD:
            head = r
    if head is None:
        fail(where, "Ergebnis: table heading not found")
        return
    for i, (sid, pts, mx, pct) in enumerate(tsv["sections"]):
        r = head + 1 + i
        v = [ev.cell(row=r, column=c).value for c in range(1, 7)]
        if v[1] != pts or v[2] != mx:
            fail(where, "Ergebnis %s: %r/%r, score says %d/%d" % (sid, v[1], v[2], pts, mx))
        if not percent_ok(v[3], pct):
            fail(where, "Ergebnis %s: Quote %r, score says %s" % (sid, v[3], pct))
        formula = ef.cell(row=r, column=2).value
        if not (isinstance(formula, str) and formula.startswith("=SUMIF(Bewertung!")):
            fail(where, "Ergebnis %s: points are not a SUMIF over Bewertung: %r" % (sid, formula))
        if mx > 0:
            ok = pts * 100 >= round(v[4] * 100) * mx
            if v[5] != ("ja" if ok else "nein"):
                fail(where, "Ergebnis %s: erfüllt %r" % (sid, v[5]))

    def value(label, col=2):
        if label not in labels:
            fail(where, "Ergebnis: no row %r" % label)
            return None
        return ev.cell(row=labels[label], column=col).value

    total, tmax, tpct = tsv["total"]
    if value("Sonderpunkte (Entwicklungsziele)") != tsv["bonus"]:
        fail(where, "Sonderpunkte %r != %d" % (value("Sonderpunkte (Entwicklungsziele)"),
                                              tsv["bonus"]))
    if value("Endpunktzahl") != total or value("Endpunktzahl", 3) != tmax:
        fail(where, "Endpunktzahl %r/%r != %d/%d" % (value("Endpunktzahl"),
                                                    value("Endpunktzahl", 3), total, tmax))
    if not percent_ok(value("Ergebnisquote", 4), tpct):
        fail(where, "Ergebnisquote %r != %s" % (value("Ergebnisquote", 4), tpct))
    if value("Offene Fragen") != tsv["open"]:
        fail(where, "Offene Fragen %r != %d" % (value("Offene Fragen"), tsv["open"]))
    want = "vorläufig" if tsv["provisional"] == "yes" else (
        "bestanden" if tsv["passed"] == "yes" else "nicht bestanden")
    if value("Ergebnis") != want:
        fail(where, "Ergebnis %r != %r" % (value("Ergebnis"), want))
    valid = german(tsv["valid_until"]) if tsv["provisional"] == "no" else "–"
    if value("gültig bis") != valid:
        fail(where, "gültig bis %r != %r" % (value("gültig bis"), valid))
    if value("Punkte bis zum Siegel") != tsv["missing"]:
        fail(where, "Punkte bis zum Siegel %r != %d" % (value("Punkte bis zum Siegel"),
                                                      tsv["missing"]))
    texts = [c.value for row in ev.iter_rows() for c in row if isinstance(c.value, str)]
    marked = any(t.startswith("VORLÄUFIG") for t in texts)
    phase = dump.get("session.phase", "gespraech")
    if marked != (tsv["provisional"] == "yes" or phase != "abgeschlossen"):
        fail(where, "VORLÄUFIG mark %s but provisional=%s, phase %s" %
             (marked, tsv["provisional"], phase))
    if tsv["provisional"] == "no" and phase != "abgeschlossen" and \
            not any(t.startswith("VORLÄUFIG – das Audit ist noch nicht abgeschlossen")
                    for t in texts):
        fail(where, "VORLÄUFIG in phase %s does not say the audit is not closed" % phase)
    if ef.cell(row=labels.get("Endpunktzahl", 1), column=2).data_type != "f":
        fail(where, "Endpunktzahl is not a formula")
    if any("Formeln" in t for t in texts):
        fail(where, "Ergebnis carries the note on the formulas as text")
    # page one: each agreed goal with its deadline
    for n in range(1, 4):
        goal = dump.get("goal.%d.ziel" % n)
        if goal is None:
            continue
        r = labels.get("%d. %s" % (n, goal))
        if r is None:
            fail(where, "Ergebnis lists no goal %d %r" % (n, goal))
            continue
        deadline = dump.get("goal.%d.frist" % n)
        if ev.cell(row=r, column=5).value != (german(deadline) if deadline else "–"):
            fail(where, "Ergebnis goal %d: Frist %r" % (n, ev.cell(row=r, column=5).value))
    if "Ausstehende Nachweise" not in labels:
        fail(where, "Ergebnis: no line on the outstanding evidence")


def check_rating(wf, where, dump, set_, internal):
    """Bewertung: every question in form order under its Handlungsfeld."""
    bf = wf["Bewertung"]
    head = head_row(bf, "Nr")
    rows = question_rows(bf, head)
    if list(rows) != list(NUMBERS.values()):
        fail(where, "Bewertung numbers %r" % list(rows)[:5])
        return {}
    points = {}
    section = None
    for fid, nr in NUMBERS.items():
        r = rows[nr]
        q = FORM[fid]
        if bf.cell(row=r, column=2).value != q["text"]:
            fail(where, "Bewertung %s: %r" % (nr, bf.cell(row=r, column=2).value))
        if section != nr.split(".")[0]:
            section = nr.split(".")[0]
            heading = bf.cell(row=r - 1, column=1).value or ""
            if not heading.startswith(section + "  "):
                fail(where, "Bewertung %s: no Handlungsfeld heading above (%r)" % (nr, heading))
        for c in (2, 3, 4, 7) if internal else (2, 3, 6):
            cell = bf.cell(row=r, column=c)
            if cell.value is not None and cell.data_type != "s":
                fail(where, "Bewertung!%s is %s, not a string" % (cell.coordinate,
                                                                   cell.data_type))
        answer = bf.cell(row=r, column=3).value
        pts = bf.cell(row=r, column=5 if internal else 4).value
        points[fid] = (pts if isinstance(pts, (int, float)) else 0, answer)
        # evidence with its marks: overdue (red), points under reserve (orange)
        ev, due = dump.get(fid + ":evidence"), dump.get(fid + ":evidence_due")
        evcell = bf.cell(row=r, column=7 if internal else 6)
        overdue = ev == "nachzureichen" and due is not None and due < TODAY
        conditional = ev == "fehlt" and answer != "nicht gefragt" and points[fid][0] > 0
        want_ev = {None: "–", "vorgelegt": "vorgelegt",
                   "fehlt": "fehlt – Punkte unter Vorbehalt" if conditional else "fehlt",
                   "nachzureichen": "nachzureichen bis %s%s" % (
                       german(due) if due else "", " – überfällig" if overdue else "")}[ev]
        if evcell.value != want_ev:
            fail(where, "Bewertung %s: Nachweis %r, want %r" % (nr, evcell.value, want_ev))
        fills = {"Antwort": bf.cell(row=r, column=3).fill.fgColor.rgb,
                 "Nachweis": evcell.fill.fgColor.rgb}
        if conditional != (str(fills["Antwort"]).endswith("FFE8C0")):
            fail(where, "Bewertung %s: Antwort fill %s, conditional %s"
                 % (nr, fills["Antwort"], conditional))
        if overdue != (str(fills["Nachweis"]).endswith("FFC7CE")):
            fail(where, "Bewertung %s: Nachweis fill %s, overdue %s"
                 % (nr, fills["Nachweis"], overdue))
        if set_ is not None:
            s = set_.get(fid)
            allowed = {"nicht gefragt"} if q.get("show_if") else set()
            if s is None:
                allowed.add("offen")
            elif s == "entfaellt":
                allowed.add("entfällt")
            elif q["type"] == "yesno":
                allowed.add("Ja" if s == "ja" else "Nein")
            elif q["type"] == "choice":
                allowed.add(OPTION_LABELS[fid][s])
            else:
                allowed = None  # labels of other types are answer_label's business
            if allowed is not None and answer not in allowed:
                fail(where, "Bewertung %s: Antwort %r, expected one of %r"
                     % (fid, answer, sorted(allowed)))
        note = dump.get(fid + ":note")
        if internal:
            cell = bf.cell(row=r, column=4)
            if (cell.value or None) != (note or None) or (note and cell.data_type != "s"):
                fail(where, "Bewertung %s: Notiz %r, note %r" % (nr, cell.value, note))
    return points


def check_evidence(wf, where, dump, points, internal):
    """Nachweise: what is marked fehlt or nachzureichen, and the evidence of
    every answer with points, in the documented order, with the marks."""
    ws = wf["Nachweise"]
    head = head_row(ws, "Nr")
    got = [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=3).value,
            ws.cell(row=r, column=4).value, ws.cell(row=r, column=5).value)
           for r in range(head + 1, ws.max_row + 1)
           if re.match(r"^\d+\.\d+$", str(ws.cell(row=r, column=1).value or ""))]
    want = []
    for fid, nr in NUMBERS.items():
        ev = dump.get(fid + ":evidence")
        pts, answer = points[fid]
        due = dump.get(fid + ":evidence_due")
        shown = answer != "nicht gefragt"
        if ev == "fehlt":
            rank = 0
        elif ev == "nachzureichen":
            rank = 1
        elif not shown or pts <= 0:
            continue
        elif ev == "vorgelegt":
            rank = 2
        elif FORM[fid].get("evidence") or dump.get(fid + ":evidence_text"):
            rank = 3
        else:
            continue
        status = ["fehlt", "nachzureichen", "vorgelegt", "nicht erfasst"][rank]
        hint = ""
        if rank == 1 and due and due < TODAY:
            hint = "Frist überschritten"
        elif rank == 0 and shown and pts > 0:
            hint = "Punkte unter Vorbehalt"
        want.append(((rank, due or "9999" if rank == 1 else "", list(NUMBERS).index(fid)),
                     (nr, status, german(due) if rank == 1 and due else "", hint)))
    want = [w for _, w in sorted(want)]
    got = [(a, b, c or "", d or "") for a, b, c, d in got]
    if got != want:
        fail(where, "Nachweise %r, want %r" % (got[:4], want[:4]))


def check_recommendations(wf, wv, where, path, dump):
    """Exactly the score's recommendations that have a text, grouped by
    Handlungsfeld, ranked in the score's order, with the linked goals."""
    recs = json.loads(run("score", path, "--format", "json"))["recommendations"]
    printed = [r for r in recs if r["text"] or r["own"]]
    rv = wv["Empfehlungen"]
    head = head_row(rv, "Rang")
    rows = [[rv.cell(row=r, column=c).value for c in range(1, 7)]
            for r in range(head + 1, rv.max_row + 1)
            if isinstance(rv.cell(row=r, column=1).value, (int, float))]
    ranks = [int(r[0]) for r in rows]
    if sorted(ranks) != list(range(1, len(printed) + 1)):
        fail(where, "Empfehlungen ranks %r for %d recommendations" % (ranks, len(printed)))
        return
    sections = [NUMBERS[printed[k - 1]["question"]].split(".")[0] for k in ranks]
    if sections != sorted(sections, key=int):
        fail(where, "Empfehlungen not grouped by Handlungsfeld: %r" % sections)
    for row in rows:
        rec = printed[int(row[0]) - 1]
        nr = NUMBERS[rec["question"]]
        if not str(row[1]).startswith(nr + " ") or row[4] != rec["gain"] or \
                row[2] != (rec["text"] or "–") or (row[3] or None) != rec["own"]:
            fail(where, "Empfehlungen rank %s: %r, score %r" % (row[0], row, rec))
        goals = [str(g) for g in range(1, 4)
                 if rec["question"] in (dump.get("goal.%d.fragen" % g) or "").split(",")]
        if (row[5] or "") != ", ".join(goals):
            fail(where, "Empfehlungen %s: Ziel Nr. %r, goals %r" % (nr, row[5], goals))
    # within a Handlungsfeld, the score's order
    for sec in set(sections):
        group = [k for k, s_ in zip(ranks, sections) if s_ == sec]
        if group != sorted(group):
            fail(where, "Empfehlungen in Handlungsfeld %s out of rank order %r" % (sec, group))


def check_goals(wf, where, dump):
    """Entwicklungsziele: the goals with any text, none of dashes only."""
    ws = wf["Entwicklungsziele"]
    head = head_row(ws, "Nr")
    for r in range(head + 1, ws.max_row + 1):
        vals = [ws.cell(row=r, column=c).value for c in range(2, 7)]
        if isinstance(ws.cell(row=r, column=1).value, (int, float)) and \
                all(v in (None, "–") for v in vals):
            fail(where, "Entwicklungsziele row %d is only dashes" % r)
    for n in range(1, 4):
        qs = dump.get("goal.%d.fragen" % n)
        if not qs:
            continue
        want = ", ".join(NUMBERS[q] for q in NUMBERS if q in qs.split(","))
        found = [r for r in range(head + 1, ws.max_row + 1)
                 if ws.cell(row=r, column=1).value == n]
        if not found or ws.cell(row=found[0], column=7).value != want:
            fail(where, "Entwicklungsziele %d: Fragen %r, want %r"
                 % (n, ws.cell(row=found[0], column=7).value if found else None, want))


def check(path, where, set_=None):
    tsv = parse_tsv(run("score", path, "--format", "tsv"))
    dump = load_dump(path)
    for variant in ("kommune", "intern"):
        internal = variant == "intern"
        out = os.path.join(os.path.dirname(path), "ergebnis-%s-%s.xlsx" % (where, variant))
        printed = run("export", path, "-o", out, *(["--intern"] if internal else [])).strip()
        if printed != out:
            fail(where, "export printed %r, not %r" % (printed, out))
        wf = openpyxl.load_workbook(out)                  # formulas
        wv = openpyxl.load_workbook(out, data_only=True)  # cached values
        w = "%s %s" % (where, variant)
        if not check_layout(wf, w, internal):
            continue
        # every formula cell carries a cached value
        nformulas = 0
        for name in SHEETS:
            for row_f, row_v in zip(wf[name].iter_rows(), wv[name].iter_rows()):
                for cf, cv in zip(row_f, row_v):
                    if cf.data_type == "f":
                        nformulas += 1
                        if cv.value is None:
                            fail(w, "%s!%s formula %s without cached value"
                                 % (name, cf.coordinate, cf.value))
        if nformulas < 20:
            fail(w, "only %d formula cells" % nformulas)
        check_properties(wf, w, out, path, dump)
        with zipfile.ZipFile(out) as z:
            if not any(n.startswith("xl/charts/chart") for n in z.namelist()):
                fail(w, "no chart")
            everything = b"".join(z.read(n) for n in z.namelist())
        # the town's workbook holds no note, not even hidden
        notes = [v for k, v in dump.items() if k.endswith(":note") and len(v) > 3]
        if not internal:
            for note in notes:
                if xml_escape(note).encode() in everything:
                    fail(w, "the town's workbook holds the note %r" % note)
        check_result(wf, wv, w, tsv, dump)
        points = check_rating(wf, w, dump, set_, internal)
        if points:
            check_evidence(wf, w, dump, points, internal)
        check_recommendations(wf, wv, w, path, dump)
        check_goals(wf, w, dump)
        if not internal:
            RENDERED.append((out, tsv, where))
    return tsv


def check_properties(wf, where, out, path, dump):
    """Title with the Kommune, author, company, date; no machine paths."""
    meta = {k[5:]: v for k, v in dump.items() if k.startswith("meta.")}
    props = wf.properties
    if meta.get("kommune", "") not in (props.title or "") or not props.title:
        fail(where, "title %r lacks the Kommune %r" % (props.title, meta.get("kommune")))
    if (props.creator or "") != meta.get("auditor", ""):
        fail(where, "author %r, auditor %r" % (props.creator, meta.get("auditor")))
    if props.created is None or props.created.strftime("%Y-%m-%d") != meta.get("datum"):
        fail(where, "created %r, Datum %r" % (props.created, meta.get("datum")))
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        if meta.get("ihk") and "<Company>%s</Company>" % xml_escape(meta["ihk"]) not in app:
            fail(where, "company is not the IHK %r" % meta.get("ihk"))
        for name in z.namelist():
            data = z.read(name)
            if TMP.encode() in data or os.path.dirname(path).encode() in data:
                fail(where, "%s holds a machine path" % name)


def recalc_check():
    """Let LibreOffice recalculate every formula (profile forced to always
    recalculate OOXML on load) and compare Ergebnis with the score again:
    proves the formulas, not just their cached values, agree."""
    soffice = os.environ.get("WA_SOFFICE", "")
    if not soffice or soffice == "no" or not os.access(soffice, os.X_OK):
        print("note: no LibreOffice, formulas not recalculated")
        return
    home = os.path.join(TMP, "lo-home")
    user = os.path.join(home, ".config", "libreoffice", "4", "user")
    os.makedirs(user)
    with open(os.path.join(user, "registrymodifications.xcu"), "w") as fp:
        fp.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
                 'xmlns:oor="http://openoffice.org/2001/registry" '
                 'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                 '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                 '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>'
                 '</item>\n</oor:items>\n')
    outdir = os.path.join(TMP, "csv")
    os.mkdir(outdir)
    env = dict(os.environ, HOME=home)
    subprocess.run([soffice, "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", outdir]
                   + [o for o, _, _ in RENDERED], env=env, capture_output=True, timeout=300)
    for out, tsv, where in RENDERED:
        csvpath = os.path.join(outdir, os.path.basename(out)[:-5] + ".csv")
        if not os.path.exists(csvpath):
            fail(where, "LibreOffice wrote no CSV")
            continue
        with open(csvpath, encoding="utf-8", newline="") as fp:
            rows = list(csv.reader(fp))
        where = where + " recalculated"
        labels = {}
        head = None
        for i, r in enumerate(rows):
            if r and r[0] not in labels:
                labels[r[0]] = i
            if r[:6] == RESULT_HEAD:
                head = i
        if head is None:
            fail(where, "table heading not found")
            continue

        def pct(s):
            # LibreOffice writes the CSV in its locale: "75.5%" or "75,5 %"
            t = s.replace("\u00a0", "").replace(" ", "")
            return float(t.rstrip("%").replace(",", ".")) / 100 if t.endswith("%") else s

        for k, (sid, pts, mx, p) in enumerate(tsv["sections"]):
            r = rows[head + 1 + k]
            if r[1] != str(pts) or r[2] != str(mx) or not percent_ok(pct(r[3]), p):
                fail(where, "%s: %r, score says %d %d %s" % (sid, r[:4], pts, mx, p))
        total, tmax, tpct = tsv["total"]
        want_verdict = "vorläufig" if tsv["provisional"] == "yes" else (
            "bestanden" if tsv["passed"] == "yes" else "nicht bestanden")
        checks = [("Sonderpunkte (Entwicklungsziele)", 1, str(tsv["bonus"])),
                  ("Endpunktzahl", 1, str(total)), ("Endpunktzahl", 2, str(tmax)),
                  ("Offene Fragen", 1, str(tsv["open"])), ("Ergebnis", 1, want_verdict),
                  ("Punkte bis zum Siegel", 1, str(tsv["missing"])),
                  ("gültig bis", 1, german(tsv["valid_until"])
                   if tsv["provisional"] == "no" else "–")]
        for label, col, want in checks:
            got = rows[labels[label]][col] if label in labels else None
            if got != want:
                fail(where, "%s: %r, score says %r" % (label, got, want))
        q = rows[labels["Ergebnisquote"]][3] if "Ergebnisquote" in labels else ""
        if not percent_ok(pct(q), tpct):
            fail(where, "Ergebnisquote %r, score says %s" % (q, tpct))


def main():
    form = export_lib.load_form(SRCDIR)
    for si, sec in enumerate(form["sections"], 1):
        for qi, q in enumerate(sec["questions"], 1):
            fid = "%s.%s" % (sec["id"], q["id"])
            OPTION_LABELS[fid] = {o["id"]: o["label"] for o in q.get("options", [])}
            FORM[fid] = q
            NUMBERS[fid] = "%d.%d" % (si, qi)
    seed = int(os.environ.get("WA_SEED", "20261123"))
    rng = random.Random(seed)
    provisional_seen = final_seen = passed_seen = 0
    for n in range(6):
        path, set_ = random_session(rng, form, n)
        tsv = check(path, "random%d(seed %d)" % (n, seed), set_)
        if tsv["provisional"] == "yes":
            provisional_seen += 1
        else:
            final_seen += 1
        passed_seen += tsv["passed"] == "yes"
    if not provisional_seen or not final_seen or not passed_seen:
        fail("random", "the random sets did not cover provisional, final and passed results")
    example = os.path.join(SRCDIR, "data", "beispiel-sitzung.txt")
    if os.path.exists(example):
        d = os.path.join(TMP, "example")
        os.mkdir(d)
        path = run("load", example, "--dir", d).strip()
        check(path, "beispiel-sitzung")
    else:
        fail("example", "data/beispiel-sitzung.txt is missing")
    recalc_check()
    for f in failures:
        print("FAIL", f)
    if failures:
        return 1
    print("export read-back: 6 random sessions and the example session checked")
    return 0


sys.exit(main())

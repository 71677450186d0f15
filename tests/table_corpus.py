#!/usr/bin/python3
"""table_corpus.py: writes broken and hostile Dokumentationstabellen for
tests/table_corpus.sh, each with the words its refusal must contain, one
"FILE<TAB>WORDS" line per case on stdout. Made at test time from a table the
program wrote (TABLE), so that the mark carries the real form id, edition
and fingerprint:

    table_corpus.py TABLE.xlsx OUTDIR

Cases: another edition, another form, the mark removed everywhere, the
Fragen sheet without its mark, a sheet of the table twice; hostile ones
built as raw archives: 100,000 rows of junk under a real mark, a ZIP bomb
(60 MB of XML behind the mark), a cell of 1 MB, a DOCTYPE; CSV files:
binary bytes, an unclosed quote, 100,000 junk rows under a real mark, an
empty file.
"""
import os
import sys
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus"))
import make_xlsx as mx  # noqa: E402  (the readers' corpus helpers)

MARK = "wohnort-audit Dokumentationstabelle 1"


def save_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def mark_row(ident):
    form, edition, sha = ident
    cells = [inline("I1", MARK), inline("J1", "Fragen"), inline("K1", form),
             inline("L1", edition), inline("M1", sha)]
    return '<row r="1">%s</row>' % "".join(cells)


def heads_row():
    heads = ["Nr", "Handlungsfeld", "Frage", "Erläuterung (Prüfbogen)",
             "Mögliche Antworten", "Angabe der Kommune", "Erläuterung der Kommune",
             "Nachweis (Dokument / Seite im Ordner)", "Frage-ID", "Option"]
    return '<row r="3">%s</row>' % "".join(
        inline("%s3" % chr(ord("A") + i), h) for i, h in enumerate(heads))


def main():
    table, out = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(table)
    ident = (wb["Fragen"]["K1"].value, wb["Fragen"]["L1"].value, wb["Fragen"]["M1"].value)
    cases = []

    def variant(name, words, change):
        w = openpyxl.load_workbook(table)
        change(w)
        w.save(os.path.join(out, name))
        cases.append((name, words))

    def other_edition(w):
        w["Fragen"]["L1"].value = "2021-01-01"

    def other_form(w):
        w["Fragen"]["K1"].value = "anderer-pruefbogen"

    def no_mark(w):
        for ws in w.worksheets:
            for row in ws.iter_rows(max_row=1):
                for c in row:
                    if c.value == MARK:
                        c.value = None

    def fragen_no_mark(w):
        w["Fragen"]["I1"].value = None

    def twice(w):
        w.copy_worksheet(w["Ziele"])

    variant("andere-ausgabe.xlsx", "Ausgabe 01.01.2021", other_edition)
    variant("anderer-pruefbogen.xlsx", "anderer-pruefbogen", other_form)
    variant("ohne-kennung.xlsx", "keine Kennung", no_mark)
    variant("fragen-ohne-kennung.xlsx", "hat keine Kennung", fragen_no_mark)
    variant("blatt-doppelt.xlsx", "kommt zweimal vor", twice)

    # 100,000 junk rows under a real mark
    rows = [mark_row(ident), heads_row()]
    rows += ['<row r="%d">%s%s</row>' % (r, inline("F%d" % r, "Ja"), inline("I%d" % r, "x.y%d" % r))
             for r in range(4, 100004)]
    save_zip(os.path.join(out, "100000-zeilen.xlsx"),
             mx.package([mx.sheet("".join(rows))], sheet_names=["Fragen"]))
    cases.append(("100000-zeilen.xlsx", "nicht lesbar"))

    # a ZIP bomb: 60 MB of blanks inside the sheet, behind the mark
    bomb = mx.sheet(mark_row(ident) + " " * (60 * 1024 * 1024))
    save_zip(os.path.join(out, "zip-bombe.xlsx"), mx.package([bomb], sheet_names=["Fragen"]))
    cases.append(("zip-bombe.xlsx", "zip-bombe.xlsx"))

    # a cell of 1 MB
    big = mx.sheet(mark_row(ident) + heads_row() + '<row r="4">%s%s</row>' % (
        inline("G4", "x" * (1024 * 1024)), inline("I4", "strategie.ratsbeschluss")))
    save_zip(os.path.join(out, "zelle-1mb.xlsx"), mx.package([big], sheet_names=["Fragen"]))
    cases.append(("zelle-1mb.xlsx", "zelle-1mb.xlsx"))

    # entity expansion in a sheet
    lol = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           '<worksheet xmlns="%s"><sheetData><row r="1"><c r="I1" t="inlineStr"><is><t>&b;</t>'
           '</is></c></row></sheetData></worksheet>' % mx.MAIN)
    save_zip(os.path.join(out, "entitaeten.xlsx"), mx.package([lol], sheet_names=["Fragen"]))
    cases.append(("entitaeten.xlsx", "entitaeten.xlsx"))

    # CSV files
    with open(os.path.join(out, "binaer.csv"), "wb") as f:
        f.write(bytes(range(256)) * 64)
    cases.append(("binaer.csv", "binaer.csv"))
    with open(os.path.join(out, "offenes-anfuehrungszeichen.csv"), "w", encoding="utf-8") as f:
        f.write(';;;;;;;;%s;Fragen;%s;%s;%s\n' % ((MARK,) + ident))
        f.write('1.1;;"Frage ohne Ende;Ja;;;strategie.ratsbeschluss\n')
    cases.append(("offenes-anfuehrungszeichen.csv", "offenes-anfuehrungszeichen.csv"))
    with open(os.path.join(out, "100000-zeilen.csv"), "w", encoding="utf-8") as f:
        f.write(';;;;;;;;%s;Fragen;%s;%s;%s\n' % ((MARK,) + ident))
        f.write('\n')
        f.write('Nr;Handlungsfeld;Frage;Erläuterung (Prüfbogen);Mögliche Antworten;'
                'Angabe der Kommune;Erläuterung der Kommune;'
                'Nachweis (Dokument / Seite im Ordner);Frage-ID;Option\n')
        for r in range(100000):
            f.write(';;;;;Ja;;;x.y%d;\n' % r)
    cases.append(("100000-zeilen.csv", "nicht lesbar"))
    open(os.path.join(out, "leer.csv"), "w").close()
    cases.append(("leer.csv", "leer"))

    for name, words in cases:
        print("%s\t%s" % (name, words))


main()

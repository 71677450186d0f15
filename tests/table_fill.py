#!/usr/bin/python3
"""table_fill.py: fills a Dokumentationstabelle written by `wohnort-audit table`
as a town would with openpyxl: a value for most questions (yes/no and choices
by their drop-down entry, the options of a multi question by Ja/Nein or x,
whole numbers, scale entries, text with umlauts, quotes and a line break,
dates as dates), explanations and evidence for some, the master data, two
participants and a proposed goal. Writes what the import must give as the
town.* lines of `wohnort-audit dump` (without the import record), and the
count line it must print.

    table_fill.py FORM.yaml TABLE.xlsx OUT.xlsx EXPECT.txt COUNT.txt [--bad PROBLEMS.txt]

With --bad it also puts values the import must refuse into some cells (a
"vielleicht" for a yes/no question, "ca. 40" for a number, "vielleicht" as
an option's mark) and writes, one per line, the start of each message the
import must print for them ("Fragen!F14: „vielleicht“"); those answers are
left out of EXPECT.txt and counted as not readable.
"""
import datetime
import sys

import openpyxl
import yaml


def escape(value):
    """A value as session_dump writes it."""
    return (value.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def heads_of(ws, key_head):
    """{heading: column} of every heading row, keyed by its row number."""
    result = {}
    for row in ws.iter_rows():
        texts = {c.value: c.column for c in row if isinstance(c.value, str)}
        if key_head in texts:
            result[row[0].row] = texts
    return result


def rows_by_key(ws, key_head):
    """[(row, key, option, heads)] of every row with a key under a heading row."""
    heads = heads_of(ws, key_head)
    out, current = [], None
    for r in range(1, ws.max_row + 1):
        if r in heads:
            current = heads[r]
            continue
        if current is None:
            continue
        key = ws.cell(r, current[key_head]).value
        if not key:
            continue
        option = ws.cell(r, current["Option"]).value if "Option" in current else None
        out.append((r, key, option, current))
    return out


def main():
    args = sys.argv[1:]
    bad = None
    if "--bad" in args:
        i = args.index("--bad")
        bad = args[i + 1]
        del args[i:i + 2]
    form_path, table, out, expect_path, count_path = args
    form = yaml.safe_load(open(form_path, encoding="utf-8"))
    questions, numbers = {}, {}
    for s, section in enumerate(form["sections"]):
        for q, question in enumerate(section["questions"]):
            qid = "%s.%s" % (section["id"], question["id"])
            questions[qid] = question
            numbers["%d.%d" % (s + 1, q + 1)] = qid
    order = list(questions)

    wb = openpyxl.load_workbook(table)
    ws = wb["Fragen"]
    expect, problems = [], []
    state = {qid: "empty" for qid in questions}
    multi = {}
    bad_done = set()
    for r, key, option, heads in rows_by_key(ws, "Frage-ID"):
        q = questions[key]
        i = order.index(key)
        t = q["type"]
        town = ws.cell(r, heads["Angabe der Kommune"])
        ref = "Fragen!%s%d" % (town.column_letter, r)
        if option is not None:
            # an option row of a multi question
            if i % 6 == 5:
                continue
            o = [opt["id"] for opt in q["options"]].index(option)
            chosen = (i + o) % 2 == 0
            if bad and "multi" not in bad_done and t == "multi":
                town.value = "vielleicht"
                problems.append("%s: „vielleicht“" % ref)
                bad_done.add("multi")
                multi.setdefault(key, None)
                multi[key] = "bad"
                continue
            town.value = ("x" if o == 0 else "Ja") if chosen else "Nein"
            if multi.get(key) != "bad":
                multi.setdefault(key, [])
                if chosen:
                    multi[key].append(option)
            continue
        if i % 6 == 5:
            continue
        value = None
        if t == "yesno":
            if bad and "yesno" not in bad_done:
                town.value = "vielleicht"
                problems.append("%s: „vielleicht“ ist keine Antwort auf eine "
                                "Ja/Nein-Frage" % ref)
                bad_done.add("yesno")
                state[key] = "bad"
            elif i % 3 == 2 and q.get("na"):
                town.value, value = "entfällt", "entfaellt"
            else:
                town.value, value = ("Ja", "ja") if i % 3 != 1 else ("Nein", "nein")
        elif t == "choice":
            opt = q["options"][i % len(q["options"])]
            town.value, value = opt["label"], opt["id"]
        elif t == "number":
            if bad and "number" not in bad_done:
                town.value = "ca. 40"
                problems.append("%s: „ca. 40“" % ref)
                bad_done.add("number")
                state[key] = "bad"
            else:
                lo, hi = q.get("min", 0), q.get("max", 10 ** 9)
                n = max(lo, min(hi, lo + 3 * i))
                town.value, value = n, str(n)
        elif t == "scale":
            n = i % (q["max"] + 1)
            labels = q.get("labels")
            town.value = "%d – %s" % (n, labels[n]) if labels else str(n)
            value = str(n)
        elif t == "text":
            value = "Angabe %d: äöü „Zitat“; 1+1\nZeile 2" % i
            town.value = value
        elif t == "date":
            d = datetime.date(2026, 3, 1 + i % 28)
            town.value, value = d, d.isoformat()
        if value is not None:
            expect.append("town.%s\t%s" % (key, escape(value)))
            state[key] = "taken"
        if i % 4 == 0:
            text = "Erläuterung %d, mit Komma; und „Anführung“" % i
            ws.cell(r, heads["Erläuterung der Kommune"]).value = text
            expect.append("town.%s:text\t%s" % (key, escape(text)))
            if state[key] == "empty":
                state[key] = "taken"
        if i % 4 in (0, 1):
            ev = "Ordner S. %d" % (i + 1)
            ws.cell(r, heads["Nachweis (Dokument / Seite im Ordner)"]).value = ev
            expect.append("town.%s:evidence\t%s" % (key, escape(ev)))
            if state[key] == "empty":
                state[key] = "taken"
    for key, chosen in multi.items():
        if chosen == "bad":
            state[key] = "bad"
            continue
        ids = [o["id"] for o in questions[key]["options"] if o["id"] in chosen]
        expect.append("town.%s\t%s" % (key, ",".join(ids)))
        state[key] = "taken"

    # Stammdaten: the Kommune stays as written; Landkreis, Zentralität, people
    ms = wb["Stammdaten"]
    for r, key, _, heads in rows_by_key(ms, "Schlüssel"):
        if key.startswith("meta."):
            cell = ms.cell(r, heads["Angabe der Kommune"])
            if key == "meta.landkreis":
                cell.value = "Hochtaunuskreis"
            elif key == "meta.zentralitaet":
                cell.value = "Mittelzentrum"
            if cell.value:
                expect.append("town.%s\t%s" % (key, escape(str(cell.value))))
        elif key in ("participant.1", "participant.2"):
            n = key.split(".")[1]
            name, role = {"1": ("Frau Schäfer", "Bürgermeisterin"),
                          "2": ("Herr Öztürk", "Wirtschaftsförderung")}[n]
            ms.cell(r, heads["Name"]).value = name
            ms.cell(r, heads["Funktion"]).value = role
            expect.append("town.%s.name\t%s" % (key, name))
            expect.append("town.%s.funktion\t%s" % (key, role))

    # Ziele: goal 1 in full, the questions it addresses by number
    zs = wb["Ziele"]
    goal = {"Ziel": ("ziel", "Willkommenspaket in drei Sprachen"),
            "Maßnahmen": ("massnahmen", "Übersetzen lassen\nDrucken und verteilen"),
            "Messgröße": ("messgroesse", "Anteil der Neubürger, die es erhalten"),
            "Frist": ("frist", "31.12.2027"),
            "Verantwortlich": ("verantwortlich", "Bürgerbüro"),
            "Fragen (Nr.)": ("fragen", "1.1, 2.3")}
    for r, key, _, heads in rows_by_key(zs, "Schlüssel"):
        if key != "goal.1":
            continue
        for head, (field, value) in goal.items():
            zs.cell(r, heads[head]).value = value
            if field == "fragen":
                value = ",".join(qid for qid in order
                                 if qid in (numbers["1.1"], numbers["2.3"]))
            expect.append("town.goal.1.%s\t%s" % (field, escape(value)))

    wb.save(out)
    with open(expect_path, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(expect)) + "\n")
    counts = [sum(1 for v in state.values() if v == w) for w in ("taken", "bad", "empty")]
    with open(count_path, "w", encoding="utf-8") as f:
        f.write("%d Angaben übernommen, %d nicht lesbar, %d leer\n" % tuple(counts))
    if bad:
        with open(bad, "w", encoding="utf-8") as f:
            f.write("\n".join(problems) + "\n")


main()

#!/usr/bin/python3
# tests/export_render_rows.py: checks in the bounding-box HTML of a rendered sheet (pdftotext -bbox)
# that no row text of the questions is cut off, for export_render.sh.
#   export_render_rows.py PAGE.bbox.html QUESTIONS.tsv
import html, re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("<page ")[1:]
column = []
for page in pages:
    words = [(float(y0), float(x0), html.unescape(w)) for x0, y0, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
    if not any(w == "Bewertung" and y < 60 for y, x, w in words):
        continue  # not a page of Bewertung
    heads = {w: (y, x) for y, x, w in words if w in ("Frage", "Antwort")}
    nr = [(y, x) for y, x, w in words if w == "Nr"]
    ys = {round(y) for y, x in nr}
    row = [(y, x, w) for y, x, w in words if round(y) in ys]
    x_frage = min(x for y, x, w in row if w == "Frage")
    x_antwort = min(x for y, x, w in row if w == "Antwort")
    y_head = min(y for y, x, w in row if w == "Frage")
    column += [w for y, x, w in sorted(words) if y > y_head + 2 and x_frage - 1 <= x < x_antwort - 1]
text = "".join(column)  # without blanks: a line may break after a hyphen
missing = []
for line in open(sys.argv[2], encoding="utf-8"):
    frage = line.rstrip("\n").split("\t")[5]
    if re.sub(r"\s+", "", frage) not in text:
        missing.append(frage)
for m in missing:
    print("not whole in the PDF:", m)
sys.exit(1 if missing else 0)

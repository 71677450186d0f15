#!/usr/bin/python3
# tests/export_render_front.py: checks the text of the rendered front page (Ergebnis) against the dump
# and the form, for export_render.sh.
#   export_render_front.py FRONT.txt SESSION.dump FORM.yaml
import re, sys
import yaml
text = re.sub(r"\s+", " ", open(sys.argv[1], encoding="utf-8").read())
dump = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[2], encoding="utf-8") if "\t" in l)
form = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
de = lambda d: "%s.%s.%s" % (d[8:10], d[5:7], d[0:4])
missing = []
for n in range(1, form["goals"]["count"] + 1):
    goal, due = dump.get("goal.%d.ziel" % n), dump.get("goal.%d.frist" % n)
    if goal and re.sub(r"\s+", " ", goal) not in text:
        missing.append("goal %d %r" % (n, goal))
    if due and de(due) not in text:
        missing.append("goal %d deadline %s" % (n, de(due)))
for si, sec in enumerate(form["sections"], 1):
    for qi, q in enumerate(sec["questions"], 1):
        fid = "%s.%s" % (sec["id"], q["id"])
        status = dump.get(fid + ":evidence")
        if status not in ("fehlt", "nachzureichen"):
            continue
        nr = "%d.%d" % (si, qi)
        row = re.search(r"(?:^| )%s %s " % (re.escape(nr), re.escape(
            re.sub(r"\s+", " ", q.get("evidence", "–")))), text)
        if not row:
            missing.append("evidence %s %r" % (nr, q.get("evidence")))
        due = dump.get(fid + ":evidence_due")
        if status == "nachzureichen" and due and de(due) not in text:
            missing.append("due date %s of %s" % (de(due), nr))
for m in missing:
    print("not on page 1 or 2:", m)
sys.exit(1 if missing else 0)

#!/usr/bin/python3
# tests/check_form_yaml.py: prints the questions of a form as `wohnort-audit questions` would, read
# with PyYAML independently of the program, for check_form.sh to compare.
#   check_form_yaml.py FORM.yaml
import sys, yaml
form = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for sec in form["sections"]:
    for q in sec["questions"]:
        t = q["type"]
        if t == "yesno": m = q["points"]
        elif t == "choice": m = max(o["points"] for o in q["options"])
        elif t == "multi":
            m = sum(o["points"] for o in q["options"])
            if "max" in q: m = min(m, q["max"])
        elif t == "number": m = max(b["points"] for b in q["bands"])
        elif t == "scale": m = q["max"]
        else: m = 0
        s = q.get("show_if", "-")
        if s != "-" and "." not in s.split("=")[0]:
            s = sec["id"] + "." + s
        text = " ".join(q["text"].replace("\t", " ").split("\n")) if "\n" in q["text"] else q["text"].replace("\t", " ")
        print("\t".join([sec["id"] + "." + q["id"], sec["id"], t, str(m), s, text]))

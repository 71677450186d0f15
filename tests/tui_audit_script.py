#!/usr/bin/python3
# tests/tui_audit_script.py: for tests/tui_audit.sh, the pty script that
# answers every question of the form by keys in round 1 (Erstaudit) or 2
# (Re-Audit, every answer different), with notes and evidence on the way;
# prints the script and writes the records the dump must then hold.
#   tui_audit_script.py FORM.yaml ROUND WANT_FILE
import sys, yaml
form = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
rnd, want_path = int(sys.argv[2]), sys.argv[3]
out, want = [], []
def k(*a): out.append("keys " + " ".join(a))
def w(t): out.append('wait "%s"' % t)
parents = set()
for sec in form["sections"]:
    for q in sec["questions"]:
        if "show_if" in q:
            parents.add(q["show_if"] if "." in q["show_if"] else sec["id"] + "." + q["show_if"])
for si, sec in enumerate(form["sections"]):
    for qi, q in enumerate(sec["questions"]):
        fid, t, nr = "%s.%s" % (sec["id"], q["id"]), q["type"], "%d.%d" % (si + 1, qi + 1)
        w("Nr. %s " % nr)
        if t == "yesno" and q.get("na") and rnd == 1:
            k("e"); w("(•) e entfällt"); v = "entfaellt"
        elif t == "yesno":
            yes = fid in parents or (rnd == 1 and qi % 2 == 0)
            k("j" if yes else "n"); w("(•) %d " % (1 if yes else 2)); v = "ja" if yes else "nein"
        elif t == "choice":
            o = 2 if rnd == 1 else 1
            k(str(o)); w("(•) %d " % o); v = q["options"][o - 1]["id"]
        elif t == "multi":
            picks = [1, 3] if rnd == 1 else [2]
            for p in picks:
                k(str(p)); w("[x] %d " % p)
            v = ",".join(q["options"][p - 1]["id"] for p in picks)
        elif t == "number":
            v = "12" if rnd == 1 else "3"
            k(v); w("Antwort: " + v)
        elif t == "scale":
            v = "2" if rnd == 1 else "1"
            k(v); w("(•) %s " % v)
        elif t == "text":
            v = "Frau Jäger – „Fachkräfte“ %s" % nr if rnd == 1 else "Neu: Herr Öz %s" % nr
            k('"%s"' % v); w("Antwort: Frau" if rnd == 1 else "Antwort: Neu")
        else:
            typed, v = ("14.3.23", "2023-03-14") if rnd == 1 else ("1.4.24", "2024-04-01")
            k(typed); w("Antwort: " + typed)
        want.append("%s\t%s" % (fid, v))
        if nr == "1.1" and rnd == 1:
            k("<F2>"); w("Eigene Empfehlung")
            k('"Zeile eins"', "<Enter>", '"Zeile zwei – Bürgermeisterin"', "<C-s>")
            w("Gespeichert ")
            k("<Down>", '"Eigene Empfehlung"', "<C-s>"); w("Gespeichert ")
            k("<Esc>"); w("Notiz: Zeile eins")
            k("<F3>"); w("Nachweis zur Frage")
            k("<Space>", "<Space>"); w("‹ nachzureichen ›")
            k("<Down>", '"1.2.27"', "<Enter>"); w("01.02.2027")
            k("<Esc>"); w("[nachzureichen bis 01.02.2027]")
            want += ["strategie.ratsbeschluss:note\tZeile eins\\nZeile zwei – Bürgermeisterin",
                     "strategie.ratsbeschluss:recommendation\tEigene Empfehlung",
                     "strategie.ratsbeschluss:evidence\tnachzureichen",
                     "strategie.ratsbeschluss:evidence_due\t2027-02-01"]
        if nr == "3.3" and rnd == 2:
            k("<F2>"); w("Eigene Empfehlung")
            k('"Randzeiten"', "<Enter>", '"prüfen"', "<C-s>"); w("Gespeichert ")
            k("<Esc>"); w("Notiz: Randzeiten")
            want.append("familie.randzeiten:note\tRandzeiten\\nprüfen")
        k("<Enter>")
w("alle Fragen beantwortet")
for l in out:
    print(l)
open(want_path, "w", encoding="utf-8").write("\n".join(sorted(want)) + "\n")

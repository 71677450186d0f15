# export_lib.py: what the Python export tests share: running the built
# program, the bundled form, and random answer sets turned into sessions
# (new + dump + generated records + load, which is much faster than one
# `set` per answer). Imported by export_readback.py and export_structure.py;
# not a test itself.
import os
import subprocess

import yaml

INJECTIONS = ["=1+1", "+49 6172 12345", "-x", "@SUM(A1:A9)", "=HYPERLINK(\"http://x\")",
              "-2+3", "+A1", "@x", "=cmd|' /C calc'!A0"]


class Runner:
    """Runs the program under test; raises on a non-zero exit."""

    def __init__(self, binary):
        self.binary = binary

    def __call__(self, *args):
        p = subprocess.run([self.binary] + list(args), capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("%s failed (%d): %s" % (" ".join(args), p.returncode,
                                                       p.stderr))
        return p.stdout


def escape(v):
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def load_form(srcdir):
    with open(os.path.join(srcdir, "forms", "wohnort-muster.yaml"), encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def random_value(rng, q):
    t = q["type"]
    if t == "yesno":
        return rng.choice(["ja", "nein"])
    if t == "choice":
        return rng.choice(q["options"])["id"]
    if t == "multi":
        ids = [o["id"] for o in q["options"]]
        return ",".join(o for o in ids if rng.random() < 0.5)
    if t == "number":
        top = max(b["min"] for b in q["bands"])
        return str(rng.randint(0, top + 3))
    if t == "scale":
        return str(rng.randint(0, q["max"]))
    if t == "date":
        return "2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    return rng.choice(["Text mit Umlauten äöüß", "=1+1", "Zeile eins\nZeile zwei", "-x"])


def best_value(q):
    t = q["type"]
    if t == "yesno":
        return "ja"
    if t == "choice":
        return max(q["options"], key=lambda o: o["points"])["id"]
    if t == "multi":
        return ",".join(o["id"] for o in q["options"])
    if t == "number":
        return str(max(b["min"] for b in q["bands"]))
    if t == "scale":
        return str(q["max"])
    return None


def random_session(run, rng, form, n, tmp, links=True, phases=True):
    """Build one random session in tmp/randN; returns (path, {full_id: what was
    set}). Odd n are re-audits; every third set is fully answered; set 0 gets
    the best answers, so a passed result is covered too. Evidence states
    (with past and future due dates), links from goals to questions and the
    auditor's own recommendations are drawn at random (links=False leaves
    out the goal links, for builds that predate the goal.N.fragen record).
    Set 0 is Abgeschlossen, set 3 in the Auswertung, the others in the
    Gespräch (phases=False: no phase, for builds that predate it)."""
    art = "re" if n % 2 else "erst"
    d = os.path.join(tmp, "rand%d" % n)
    os.mkdir(d)
    path = run("new", "--kommune", "Zufallsstadt %d „Süd“" % n, "--datum",
               rng.choice(["2024-02-29", "2025-06-30", "2026-11-23"]), "--art", art,
               "--auditor", "Prüferin %d" % n, "--ihk", "IHK Offenbach am Main",
               "--dir", d).strip()
    lines = run("dump", path)
    set_ = {}
    ids = []
    answer_all = n % 3 == 0
    for sec in form["sections"]:
        for q in sec["questions"]:
            fid = "%s.%s" % (sec["id"], q["id"])
            ids.append(fid)
            r = rng.random()
            if not answer_all and r < 0.15:
                set_[fid] = None  # left open
                continue
            if n == 0 and best_value(q) is not None:
                value = best_value(q)  # a town that passes
            elif q.get("na") and r < 0.3:
                value = "entfaellt"
            else:
                value = random_value(rng, q)
            lines += "%s\t%s\n" % (fid, escape(value))
            set_[fid] = value
            if rng.random() < 0.25:  # an injection, and a text no other field has
                lines += "%s:note\t%s\n" % (fid, escape(
                    "%s · Notiz zu %s" % (rng.choice(INJECTIONS), fid)))
            if rng.random() < 0.1:
                lines += "%s:recommendation\t%s\n" % (fid, escape(rng.choice(INJECTIONS)))
            e = rng.random()
            if e < 0.2:
                lines += "%s:evidence\tnachzureichen\n%s:evidence_due\t%s\n" % (
                    fid, fid, rng.choice(["2026-11-30", "2031-01-15"]))
            elif e < 0.35:
                lines += "%s:evidence\tfehlt\n" % fid
            elif e < 0.6:
                lines += "%s:evidence\tvorgelegt\n" % fid
    for g in range(1, form["goals"]["count"] + 1):
        lines += "goal.%d.ziel\t%s\n" % (g, escape("Ziel %d: %s" % (g, rng.choice(INJECTIONS))))
        if links and rng.random() < 0.5:
            lines += "goal.%d.fragen\t%s\n" % (g, ",".join(rng.sample(ids, 2)))
        if art == "re":
            lines += "prevgoal.%d\t%s\n" % (g, rng.choice(["erreicht", "teilweise",
                                                            "nicht_erreicht"]))
            lines += "prevgoal.%d.ziel\tAltes Ziel %d\n" % (g, g)
    lines += "participant.1.name\tDr. Anna Beispiel\nparticipant.1.funktion\tBürgermeisterin\n"
    if phases and n in (0, 3):
        lines += "session.phase\t%s\n" % ("abgeschlossen" if n == 0 else "auswertung")
    dump = os.path.join(d, "dump.txt")
    with open(dump, "w", encoding="utf-8") as fp:
        fp.write(lines)
    return run("load", dump, "--dir", d).strip(), set_

# session_example.py: regenerates data/beispiel-sitzung.txt (the example session dump of a
# fictional re-audit, fully answered) from the bundled form. Usage:
#   /usr/bin/python3 tests/session_example.py forms/wohnort-muster.yaml > data/beispiel-sitzung.txt
# then check it with: wohnort-audit load data/beispiel-sitzung.txt --dir /tmp/x
import hashlib, sys, yaml
src = open(sys.argv[1], encoding='utf-8').read()
form = yaml.safe_load(src)
recs = [("format", "wohnort-audit-session 1"), ("form.id", form["form"]),
        ("form.edition", str(form["edition"])),
        ("form.sha256", hashlib.sha256(src.encode()).hexdigest())]
meta = [("meta.kommune", "Lindenfels am Main"), ("meta.landkreis", "Landkreis Spessartgrund"),
        ("meta.zentralitaet", "Mittelzentrum"), ("meta.ihk", "IHK Mainfranken-Süd (fiktiv)"),
        ("meta.auditor", "Jürgen Weißenbäcker"), ("meta.datum", "2026-11-23"),
        ("meta.art", "re"), ("meta.vorher", "lindenfels-am-main-2023-10-12.cdb")]
recs += meta
parts = [("Dr. Katharina Möller", "Bürgermeisterin"), ("Stefan Özdemir", "Leiter Hauptamt"),
         ("Birgit Schäfer-Lang", "Leiterin Amt für Familie, Jugend und Soziales"),
         ("Tobias Grünewald", "Wirtschaftsförderung")]
for i, (n, f) in enumerate(parts, 1):
    recs += [(f"participant.{i}.name", n), (f"participant.{i}.funktion", f)]
notes = {"strategie.ratsbeschluss": "Beschluss der Stadtverordnetenversammlung vom 14. März 2026, einstimmig.",
         "zuzug.willkommenspaket": "Paket liegt im Bürgerbüro aus; Auflage 2026: 600 Stück.",
         "familie.randzeiten": "Zwei Kitas öffnen um 6:30 Uhr; Spätbetreuung bis 18 Uhr nur in der Kita „Sonnenblume“.",
         "international.termin_auslaenderbehoerde": "Zuständig ist der Landkreis; Wartezeit laut Kreis derzeit etwa drei Wochen.",
         "lebensqualitaet.ortskern": "Leerstand in der Hauptstraße gesunken (2023: 9, 2026: 4 Ladenlokale)."}
recos = {"zuzug.online_dienste": "Kita-Anmeldung und Anwohnerparken bis Mitte 2027 ins Serviceportal aufnehmen.",
         "international.fremdsprachen_verwaltung": "Englisch-Schulung für das Bürgerbüro; Dolmetscher-Pool mit dem Landkreis prüfen.",
         "lebensqualitaet.radverkehr": "Radverkehrskonzept mit den Nachbargemeinden abstimmen (Pendlerachse nach Aschenbrück)."}
texts = {"strategie.ansprechperson": "Tobias Grünewald, Wirtschaftsförderung, Zimmer 2.14, Tel. 01234 5678-214",
         "lebensqualitaet.besonderheiten": "Mainufer mit Fähre, Weinfest im September, „Kultursommer am Schlossberg“.\nEhrenamtliche Bürgerbus-Linie zu den Ortsteilen."}
i = 0
for sec in form["sections"]:
    for q in sec["questions"]:
        fid = f"{sec['id']}.{q['id']}"
        t = q["type"]; i += 1
        if t == "yesno": v = "nein" if i % 5 == 0 else "ja"
        elif t == "choice":
            opts = [o["id"] for o in q["options"]]
            v = opts[-1] if i % 3 else opts[len(opts)//2]
        elif t == "multi":
            opts = [o["id"] for o in q["options"]]
            v = ",".join(opts[: max(1, len(opts) - 1 - i % 2)])
        elif t == "number":
            bands = q["bands"]; v = str(bands[-1 - i % 2]["min"] + 1)
        elif t == "scale": v = str(max(0, q["max"] - i % 2))
        elif t == "date": v = "2026-03-14"
        else: v = texts.get(fid, "Siehe Gesprächsnotiz.")
        recs.append((fid, v))
        if fid in notes: recs.append((fid + ":note", notes[fid]))
        if fid in recos: recs.append((fid + ":recommendation", recos[fid]))
        if t in ("text", "date"): continue
        ev = ["vorgelegt", "vorgelegt", "nachzureichen", "vorgelegt", "fehlt"][i % 5]
        recs.append((fid + ":evidence", ev))
        if ev == "nachzureichen": recs.append((fid + ":evidence_due", "2026-12-18"))
        if i % 4 == 1: recs.append((fid + ":evidence_text", "Unterlagen im Prüfgespräch übergeben (Ordner „Nachweise Lindenfels“)."))
goals = [("Willkommenspaket mehrsprachig auflegen", "Übersetzung ins Englische, Polnische und Türkische; Verteilung über Bürgerbüro und Arbeitgeber", "Anteil mehrsprachiger Pakete an allen ausgegebenen Paketen", "2028-06-30", "Hauptamt, Stefan Özdemir"),
         ("Kita-Öffnungszeiten bis 18 Uhr ausweiten", "Personalgewinnung mit Trägern; Randzeitengruppe in zwei weiteren Kitas", "Zahl der Kitas mit Betreuung bis 18 Uhr (heute 1, Ziel 3)", "2029-08-31", "Amt für Familie, Jugend und Soziales"),
         ("Unternehmensdialog verstetigen", "Vierteljährliches Unternehmerfrühstück mit der IHK; gemeinsame Stellenbörse", "Treffen je Jahr und teilnehmende Betriebe", "2027-12-31", "Wirtschaftsförderung")]
fields = ["ziel", "massnahmen", "messgroesse", "frist", "verantwortlich"]
for n, g in enumerate(goals, 1):
    recs += [(f"goal.{n}.{f}", v) for f, v in zip(fields, g)]
prev = [("erreicht", "Bürgerbüro samstags öffnen"), ("teilweise", "Neubürgerempfang zweimal im Jahr"), ("nicht_erreicht", "Radweg nach Aschenbrück planen")]
for n, (st, z) in enumerate(prev, 1):
    recs += [(f"prevgoal.{n}", st), (f"prevgoal.{n}.ziel", z), (f"prevgoal.{n}.verantwortlich", "Hauptamt")]
recs.append(("session.cursor", "lebensqualitaet.besonderheiten"))
recs.append(("form.text", src))
esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
sys.stdout.write("".join(f"{k}\t{esc(v)}\n" for k, v in recs))

#!/usr/bin/python3
# tests/reliability_sessions_fixtures.py: writes the damaged and foreign session fixtures from a valid one, for
# reliability_sessions.sh.
#   reliability_sessions_fixtures.py VALID.cdb DIR WA_CDB.py QYESNO QCHOICE
#       QMULTI QNUMBER QSCALE QTEXT QDATE
import hashlib, os, struct, subprocess, sys, zipfile
valid, fix, tool = sys.argv[1:4]
qy, qc, qm, qn, qs, qt, qd = sys.argv[4:11]
data = open(valid, "rb").read()
n = len(data)

def put(name, content):
    d = os.path.join(fix, name)
    os.makedirs(d)
    with open(os.path.join(d, "sitzung.cdb"), "wb") as f:
        f.write(content)

def rewrite(name, *ops):
    d = os.path.join(fix, name)
    os.makedirs(d)
    subprocess.run([sys.executable, tool, "rewrite", valid, os.path.join(d, "sitzung.cdb")] + list(ops),
                   check=True)

put("empty", b"")
put("one-byte", data[:1])
put("cut-in-header", data[:2047])
put("header-only", data[:2048])
put("cut-half", data[: n // 2])
put("cut-last-byte", data[: n - 1])
put("cut-1k", data[:1024])
put("zero-same-size", bytes(n))
put("zero-4k", bytes(4096))
mid = bytearray(data)
mid[2048 + (n - 2048) // 3] ^= 0x20
put("one-bit-flipped", bytes(mid))
put("text-file", b"format\twohnort-audit-session 1\nmeta.kommune\tTextstadt\n")
put("png", b"\x89PNG\r\n\x1a\n" + bytes(3000))
put("random-1m", os.urandom(1 << 20))
put("appended-garbage", data + b"GARBAGE")
import io
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as zf:
    zf.writestr("[Content_Types].xml", "<Types/>")
put("xlsx-zip", z.getvalue())
d = os.path.join(fix, "foreign-cdb"); os.makedirs(d)
subprocess.run([sys.executable, tool, "foreign", os.path.join(d, "sitzung.cdb")], check=True)
d = os.path.join(fix, "table-past-eof"); os.makedirs(d)
subprocess.run([sys.executable, tool, "header", os.path.join(d, "sitzung.cdb"), valid], check=True)

rewrite("checksum-mismatch", "set:meta.kommune=Anderswo", "keep-checksum")
rewrite("checksum-missing", "no-checksum")
rewrite("checksum-garbage", "set:checksum=zz")
rewrite("format-v99", "set:format=wohnort-audit-session 99")
rewrite("format-missing", "del:format")
rewrite("format-duplicate", "add:format=wohnort-audit-session 2")
rewrite("answer-duplicate", "set:%s=ja" % qy, "add:%s=nein" % qy)
rewrite("yesno-vielleicht", "set:%s=vielleicht" % qy)
rewrite("choice-unknown-option", "set:%s=gibtsnicht" % qc)
rewrite("multi-unknown-option", "set:%s=gibtsnicht,auchnicht" % qm)
rewrite("number-overflow", "set:%s=99999999999999999999999999" % qn)
rewrite("number-not-a-number", "set:%s=zwölf" % qn)
rewrite("scale-above-max", "set:%s=999" % qs)
rewrite("scale-negative", "set:%s=-1" % qs)
rewrite("date-impossible", "set:%s=2026-02-30" % qd)
rewrite("text-invalid-utf8", "hex:%s=%s" % (qt, b"ab\xff\xfecd".hex()))
rewrite("text-embedded-nul", "hex:%s=%s" % (qt, b"ab\x00cd".hex()))
rewrite("meta-datum-invalid", "set:meta.datum=gestern")
rewrite("meta-art-invalid", "set:meta.art=zweit")
rewrite("evidence-invalid", "set:%s:evidence=verloren" % qy)
rewrite("prevgoal-invalid", "set:prevgoal.1=vielleicht")
rewrite("unknown-key", "set:ganz.unbekannt=1")
rewrite("unknown-question", "set:strategie.gibtsnicht=ja")
rewrite("participant-huge-index", "set:participant.999999999.name=Riese")
rewrite("goal-beyond-count", "set:goal.99.ziel=zu viele")
rewrite("generation-not-a-number", "set:session.generation=abc")
rewrite("form-text-altered", "set:form.text=form: anders\n")
rewrite("form-sha-wrong", "set:form.sha256=" + "0" * 64)
rewrite("form-text-empty", "set:form.text=", "set:form.sha256=" + hashlib.sha256(b"").hexdigest())
broken_form = "form: kaputt\nsections: [\n"
rewrite("form-text-broken", "set:form.text=" + broken_form,
        "set:form.sha256=" + hashlib.sha256(broken_form.encode()).hexdigest())

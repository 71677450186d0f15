#!/usr/bin/python3
# tests/score_check.py: checks `score --format tsv` line by line, recomputes sums, percents and
# pass/fail from it, and compares the JSON with the tsv field by field, for
# score_lib.sh (score_check).
#   score_check.py SCORE.tsv SCORE.json
import json, re, sys

def fail(msg):
    print("score_check: " + msg, file=sys.stderr)
    sys.exit(1)

def tenths(points, mx):
    # 100*points/max in tenths, rounded half up, in integers
    return (2000 * points + mx) // (2 * mx)

def pct(points, mx):
    if mx == 0:
        return "-"
    t = tenths(points, mx)
    return "%d.%d" % (t // 10, t % 10)

with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
if not text.endswith("\n"):
    fail("tsv does not end with a newline")
lines = [l.split("\t") for l in text[:-1].split("\n")]
with open(sys.argv[2], encoding="utf-8") as f:
    doc = json.load(f)

i = 0
sections = []
while i < len(lines) and lines[i][0] == "section":
    l = lines[i]
    if len(l) != 5 or not re.fullmatch(r"[a-z0-9_-]+", l[1]) \
       or not l[2].isdigit() or not l[3].isdigit():
        fail("bad section line %r" % (l,))
    p, m = int(l[2]), int(l[3])
    if p > m or l[4] != pct(p, m):
        fail("section %s: %d/%d printed as %s" % (l[1], p, m, l[4]))
    sections.append((l[1], p, m))
    i += 1
if not sections:
    fail("no section lines")
expect = ["bonus", "total", "passed", "provisional", "open", "missing", "valid_until"]
fields = {}
for name in expect:
    if i >= len(lines) or lines[i][0] != name:
        fail("expected a %s line at line %d" % (name, i + 1))
    fields[name] = lines[i][1:]
    i += 1
width = {"bonus": 1, "total": 3, "passed": 1, "provisional": 1, "open": 1,
         "missing": 1, "valid_until": 1}
for name, n in width.items():
    if len(fields[name]) != n:
        fail("%s line has %d fields" % (name, len(fields[name])))
bonus = int(fields["bonus"][0])
total, mx = int(fields["total"][0]), int(fields["total"][1])
if total != sum(s[1] for s in sections) + bonus or mx != sum(s[2] for s in sections):
    fail("total %d/%d is not the sum of the sections plus %d" % (total, mx, bonus))
if fields["total"][2] != pct(total, mx):
    fail("total percent %s" % fields["total"][2])
for name in ("passed", "provisional"):
    if fields[name][0] not in ("yes", "no"):
        fail("%s is %r" % (name, fields[name][0]))
passed = fields["passed"][0] == "yes"
opened, missing = int(fields["open"][0]), int(fields["missing"][0])
if (fields["provisional"][0] == "yes") != (opened > 0):
    fail("provisional does not match open %d" % opened)
vu = fields["valid_until"][0]
if not (vu == "-" or re.fullmatch(r"\d{4}-\d\d-\d\d", vu)) or (vu != "-") != passed:
    fail("valid_until %r with passed %s" % (vu, passed))
tp, sp = doc["pass_total_percent"], doc["section_min_percent"]
expected_pass = mx > 0 and total * 100 >= tp * mx and \
    all(m == 0 or p * 100 >= sp * m for _, p, m in sections)
if passed != expected_pass:
    fail("passed %s, but the thresholds say %s" % (passed, expected_pass))
if passed != (missing == 0) and mx > 0:
    fail("missing %d with passed %s" % (missing, passed))
recs = []
for rank, l in enumerate(lines[i:], 1):
    if len(l) != 5 or l[0] != "rec" or l[1] != str(rank) or not l[3].isdigit() \
       or int(l[3]) <= 0 or l[2].split(".")[0] not in [s[0] for s in sections]:
        fail("bad rec line %d: %r" % (i + rank, l))
    recs.append((l[2], int(l[3]), l[4]))

# the JSON object says the same
if [(s["id"], s["points"], s["max"]) for s in doc["sections"]] != sections:
    fail("json sections differ from tsv")
for s in doc["sections"]:
    want = None if s["max"] == 0 else float(pct(s["points"], s["max"]))
    if s["percent"] != want:
        fail("json percent of %s is %r" % (s["id"], s["percent"]))
    if (s["summary"] is not None) != s["below_min"]:
        fail("json summary of %s without below_min" % s["id"])
if (doc["bonus"], doc["total"]["points"], doc["total"]["max"]) != (bonus, total, mx):
    fail("json totals differ")
if (doc["passed"], doc["provisional"], doc["open"], doc["missing"]) != \
   (passed, opened > 0, opened, missing):
    fail("json result differs")
if doc["valid_until"] != (None if vu == "-" else vu):
    fail("json valid_until differs")
jrecs = [(r["question"], r["gain"]) for r in doc["recommendations"]]
if jrecs != [(q, g) for q, g, _ in recs]:
    fail("json recommendations differ from tsv")
for r, (_, _, t) in zip(doc["recommendations"], recs):
    one = r["text"] if r["text"] is not None else (r["own"] or "")
    if re.sub(r"[\t\n\r]", " ", one) != t:
        fail("rec text of %s differs" % r["question"])
print("score_check: %d sections, %d/%d points, passed %s, %d open, %d recommendations"
      % (len(sections), total, mx, fields["passed"][0], opened, len(recs)))

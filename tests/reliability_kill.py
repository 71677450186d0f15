#!/usr/bin/python3
# tests/reliability_kill.py: kills `wohnort-audit set` at random moments and checks that every
# snapshot left behind is the old or the new one, for reliability_kill.sh, and that the
# change history in it goes with it: every value the file holds is the new value of the
# last history entry for its record (so a change reported saved has its entry), and the
# history only ever grows by entries appended at its end.
#   reliability_kill.py BINARY SESSION QUESTIONS COUNT
import glob, os, random, signal, statistics, subprocess, sys, time
binary, session, qfile, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
qs = [l.rstrip("\n").split("\t") for l in open(qfile, encoding="utf-8")]
free = [q for q in qs if q[4] == "-"]
def first(t):
    return next(q[0] for q in free if q[2] == t)
keys = [("yesno", first("yesno")), ("number", first("number")), ("text", first("text")),
        ("note", first("yesno") + ":note"), ("meta", "meta.auditor"), ("goal", "goal.2.ziel")]

def value(kind, i):
    if kind == "yesno":
        return "ja" if i % 2 else "nein"
    if kind == "number":
        return str(i)
    return "Wert %d – Prüfung" % i

def dump():
    p = subprocess.run([binary, "dump", session], capture_output=True)
    rec = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        k, _, v = line.partition("\t")
        rec[k] = v
    return p.returncode, p.stderr.decode("utf-8", "replace"), rec

UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def unescape(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append(UNESCAPE.get(v[i + 1], v[i + 1]))
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def history():
    """The history's TSV lines, or None when it cannot be read."""
    p = subprocess.run([binary, "history", session, "--format", "tsv"], capture_output=True)
    if p.returncode != 0:
        return None
    return p.stdout.decode("utf-8", "replace").splitlines()


def last_new(lines, key):
    """The new value of the last entry for key (None: unset), or False: no entry."""
    found = False
    for line in lines:
        f = line.split("\t")
        if len(f) == 9 and unescape(f[5]) == key:
            found = unescape(f[7]) if f[7] != "" else None
    return found


# how long does one set take? spread the kills over 1.5 times that
durations = []
for i in range(5):
    t = time.perf_counter()
    subprocess.run([binary, "set", session, "meta.landkreis", "Kreis %d" % i], check=True,
                   capture_output=True)
    durations.append(time.perf_counter() - t)
span = statistics.median(durations) * 1.5

allowed = {}   # key -> set of values it may hold now
rc, err, rec = dump()
for _, k in keys:
    allowed[k] = {rec.get(k)}
initial = dict((k, rec.get(k)) for _, k in keys)  # before any history entry of theirs
before = history() or []
random.seed(int(os.environ.get("KILL_SEED", "7")))
hits = corrupt = lost = completed = 0
entries_checked = missing_entries = 0
for i in range(count):
    kind, key = random.choice(keys)
    v = value(kind, i)
    p = subprocess.Popen([binary, "set", session, key, v], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    time.sleep(random.uniform(0, span))
    killed = p.poll() is None
    if killed:
        p.send_signal(signal.SIGKILL)
    p.wait()
    err_set = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    if killed and p.returncode == -signal.SIGKILL:
        hits += 1
        allowed[key] = allowed[key] | {v}
    elif p.returncode == 0:
        completed += 1
        allowed[key] = {v}
    else:
        print("trial %d: set exited %d: %s" % (i, p.returncode, err_set.strip()))
        corrupt += 1
        continue
    rc, err, rec = dump()
    if rc != 0 or err.strip():
        corrupt += 1
        print("trial %d: dump exit %d: %s" % (i, rc, err.strip()))
        continue
    for _, k in keys:
        if rec.get(k) not in allowed[k]:
            lost += 1
            print("trial %d: %s holds %r, expected one of %r" % (i, k, rec.get(k), allowed[k]))
            allowed[k] = {rec.get(k)}
    for _, k in keys:      # what the file holds now is the new baseline
        allowed[k] = {rec.get(k)}
    # the history in the same file: appended to, never rewritten, and with an
    # entry for the value every record holds
    now = history()
    if now is None or now[:len(before)] != before:
        missing_entries += 1
        print("trial %d: the history was rewritten or cannot be read" % i)
        now = now or before
    for _, k in keys:
        entries_checked += 1
        want = last_new(now, k)
        if want is False:
            want = initial[k]
        if rec.get(k) != want:
            missing_entries += 1
            print("trial %d: %s holds %r, its last history entry says %r" % (i, k, rec.get(k), want))
    before = now
temps = len(glob.glob(session + ".tmp*")) + len(glob.glob(session + ".prev.tmp*"))
print("kill: %d trials, %d killed during set, %d completed, %d corrupt snapshots, "
      "%d lost answers, %d temp files left by killed saves (set median %.0f ms); "
      "history: %d entries in the file, %d records checked against it, %d without their entry"
      % (count, hits, completed, corrupt, lost, temps, statistics.median(durations) * 1000,
         len(before), entries_checked, missing_entries))
sys.exit(1 if corrupt or lost or missing_entries or hits == 0 else 0)

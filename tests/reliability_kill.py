#!/usr/bin/python3
# tests/reliability_kill.py: kills `wohnort-audit set` at random moments and checks that every
# snapshot left behind is the old or the new one, for reliability_kill.sh.
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
random.seed(int(os.environ.get("KILL_SEED", "7")))
hits = corrupt = lost = completed = 0
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
temps = len(glob.glob(session + ".tmp*")) + len(glob.glob(session + ".prev.tmp*"))
print("kill: %d trials, %d killed during set, %d completed, %d corrupt snapshots, "
      "%d lost answers, %d temp files left by killed saves (set median %.0f ms)"
      % (count, hits, completed, corrupt, lost, temps, statistics.median(durations) * 1000))
sys.exit(1 if corrupt or lost or hits == 0 else 0)

# crash_session.py: the crash test driver (run by tests/crash_session.sh).
# Runs `wohnort-audit set` on one session again and again and kills it with
# SIGKILL at a random moment of its life, at least MIN_KILLS times. After
# every kill the session must open without any notice (valid checksum, no
# fallback to .prev) and hold, for every key, the last value whose `set`
# returned 0 or a later one that was attempted. Prints the figures.
import os, random, signal, subprocess, sys, tempfile, time

BIN = os.environ["WA_BIN"]
MIN_KILLS = int(os.environ.get("CRASH_KILLS", "120"))
MAX_SECONDS = 60
KEYS = ["meta.auditor", "meta.ihk", "goal.1.ziel", "goal.2.massnahmen", "participant.1.name",
        "strategie.ansprechperson", "strategie.kooperation:note", "lebensqualitaet.besonderheiten"]


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def dump_values(path):
    r = run("dump", path)
    if r.returncode != 0 or r.stderr:
        return None, r
    values = {}
    for line in r.stdout.splitlines():
        key, _, value = line.partition("\t")
        values[key] = value
    return values, r


def main():
    rnd = random.Random(int(os.environ.get("CRASH_SEED", str(int(time.time())))))
    tmp = tempfile.mkdtemp(prefix="wa-crash-")
    r = run("new", "--kommune", "Absturzhausen", "--datum", "2026-11-23", "--dir", tmp)
    if r.returncode != 0:
        print("new failed:", r.stderr)
        return 1
    path = r.stdout.strip()
    # How long one set lives, to spread the kills over its whole life.
    spans = []
    for i in range(5):
        t = time.monotonic()
        if run("set", path, "meta.auditor", "warmup%d" % i).returncode != 0:
            print("warm-up set failed")
            return 1
        spans.append(time.monotonic() - t)
    span = sorted(spans)[2]
    committed = {}   # key -> index of the last value whose set returned 0
    attempted = {}   # key -> set of indexes tried
    kills = completed = temps_left = 0
    start = time.monotonic()
    i = 0
    while kills < MIN_KILLS:
        if time.monotonic() - start > MAX_SECONDS:
            print("FAIL: only %d kills in %d s" % (kills, MAX_SECONDS))
            return 1
        i += 1
        key = KEYS[i % len(KEYS)]
        attempted.setdefault(key, set()).add(i)
        p = subprocess.Popen([BIN, "set", path, key, "wert %d äöü" % i],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rnd.uniform(0.0, span * 1.1))
        p.send_signal(signal.SIGKILL)
        rc = p.wait()
        err = p.stderr.read().decode()
        p.stderr.close()
        if rc == 0:
            committed[key] = i
            completed += 1
        elif rc == -signal.SIGKILL:
            kills += 1
        else:
            print("FAIL: set exited %d: %s" % (rc, err))
            return 1
        if any(".tmp-" in n for n in os.listdir(tmp)):
            temps_left += 1
        values, r = dump_values(path)
        if values is None:
            print("FAIL: after kill %d the session does not open cleanly (exit %d): %s"
                  % (kills, r.returncode, r.stderr))
            return 1
        for k, last in committed.items():
            v = values.get(k)
            if v is None or not v.startswith("wert ") or not v.endswith(" äöü"):
                print("FAIL: %s lost: %r (last committed %d)" % (k, v, last))
                return 1
            j = int(v.split()[1])
            if j < last or j not in attempted[k]:
                print("FAIL: %s holds %d, but %d was committed" % (k, j, last))
                return 1
    elapsed = time.monotonic() - start
    print("crash test: %d SIGKILLs, %d sets completed, %d kills left a temp file "
          "(killed while writing), set takes ~%.1f ms, %.1f s; every committed value kept"
          % (kills, completed, temps_left, span * 1000, elapsed))
    for n in os.listdir(tmp):
        os.unlink(os.path.join(tmp, n))
    os.rmdir(tmp)
    return 0 if temps_left > 0 or kills == 0 else 2


sys.exit(main())

#!/usr/bin/python3
# tests/reliability_tui_kill.py: kills the interview at random moments through tests/ptyrun and checks
# the snapshots left behind, for reliability_tui_kill.sh: the answer, and the change history in the
# same file, whose last entry for the question must have the answer the file holds.
#   reliability_tui_kill.py PTYRUN BINARY SESSION QUESTION COUNT
import os, random, subprocess, sys
ptyrun, binary, session, q, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
random.seed(int(os.environ.get("KILL_SEED", "5")))

def dump():
    p = subprocess.run([binary, "dump", session], capture_output=True)
    rec = dict(l.split("\t", 1) for l in p.stdout.decode("utf-8", "replace").splitlines() if "\t" in l)
    return p.returncode, p.stderr.decode("utf-8", "replace").strip(), rec

def last_new():
    """The new value of the history's last entry for q (None: cleared), False: none."""
    p = subprocess.run([binary, "history", session, q, "--format", "tsv"], capture_output=True)
    found = False
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        f = line.split("\t")
        if len(f) == 9 and f[5] == q:
            found = f[7] if f[7] != "" else None
    return found

rc, err, rec = dump()
current = rec.get(q)
initial = current
acked = inflight = corrupt = lost = landed = harness = no_entry = 0
for i in range(count):
    key, want = ("j", "ja") if i % 2 else ("n", "nein")
    after_ack = random.random() < 0.5
    lines = ['wait "Frage 1/"', "keys %s" % key]
    if after_ack:
        lines += ['wait "Gespeichert "', "echo ACKED", "sleep %d" % random.randint(0, 150)]
    else:
        lines += ["sleep %d" % random.randint(0, 12)]
    lines += ["signal KILL", "exit any"]
    p = subprocess.run([ptyrun, "-s", "80x24", "-t", "60", "-w", "15000", "-f", "-", "--",
                        binary, session], input="\n".join(lines) + "\n", capture_output=True,
                       text=True)
    saw_ack = "ACKED" in p.stdout
    if p.returncode != 0:
        harness += 1
        print("trial %d: ptyrun exit %d: %s" % (i, p.returncode, (p.stdout + p.stderr)[-400:]))
        continue
    rc, err, rec = dump()
    if rc != 0 or err:
        corrupt += 1
        print("trial %d: dump exit %d: %s" % (i, rc, err))
        continue
    got = rec.get(q)
    if saw_ack:
        acked += 1
        if got != want:
            lost += 1
            print("trial %d: status line said saved, but %s holds %r, not %r" % (i, q, got, want))
    else:
        inflight += 1
        if got not in (current, want):
            lost += 1
            print("trial %d: %s holds %r, neither old %r nor new %r" % (i, q, got, current, want))
        elif got == want and got != current:
            landed += 1
    entry = last_new()
    if (entry if entry is not False else initial) != got:
        no_entry += 1
        print("trial %d: %s holds %r, its last history entry says %r" % (i, q, got, entry))
    current = got
print("tui kill: %d trials, %d killed after „Gespeichert“, %d killed mid-save (%d of those "
      "had landed), %d corrupt snapshots, %d lost answers, %d harness failures, "
      "%d answers without their history entry"
      % (count, acked, inflight, landed, corrupt, lost, harness, no_entry))
sys.exit(1 if corrupt or lost or harness or no_entry or acked == 0 else 0)

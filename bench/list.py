#!/usr/bin/python3
# bench/list.py: times `wohnort-audit list` over many sessions, for bench/list.sh.
#   list.py BINARY DIR
import glob, os, statistics, subprocess, sys, time
binary, d = sys.argv[1], sys.argv[2]
src = glob.glob(os.path.join(d, "src", "*.cdb"))[0]
many = os.path.join(d, "many")
os.mkdir(many, 0o700)
for i in range(10000):
    os.link(src, os.path.join(many, "sitzung-%05d.cdb" % i))
times = []
for _ in range(5):
    t = time.perf_counter()
    out = subprocess.run([binary, "list", "--dir", many], capture_output=True, check=False)
    times.append(time.perf_counter() - t)
    lines = out.stdout.decode().count("\n")
    if out.returncode != 0 or lines < 10000:
        print("list: exit %d, %d lines" % (out.returncode, lines))
        sys.exit(1)
med = statistics.median(times)
print("list: 10,000 sessions, 5 runs: median %.3f s, slowest %.3f s (target median < 1 s)" % (med, max(times)))
if med >= 1.0:
    print("list: TARGET MISSED")
    sys.exit(1)

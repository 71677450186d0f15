#!/usr/bin/python3
# tests/reliability_paths_kill.py: kills exports at random moments, for reliability_paths.sh.
#   reliability_paths_kill.py BINARY SESSION OUT.xlsx
import random, signal, subprocess, sys, time
random.seed(5)
for i in range(12):
    p = subprocess.Popen([sys.argv[1], "export", sys.argv[2], "-o", sys.argv[3]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, 0.05))
    p.send_signal(signal.SIGKILL)
    p.wait()

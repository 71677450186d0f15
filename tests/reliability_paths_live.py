#!/usr/bin/python3
# tests/reliability_paths_live.py: holds the lock of a live export's temp file while an export runs,
# for reliability_paths.sh.
#   reliability_paths_live.py TEMP BINARY SESSION OUT.xlsx
import fcntl, os, subprocess, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)        # a live export holds its temp file
p = subprocess.run(sys.argv[2:3] + ["export", sys.argv[3], "-o", sys.argv[4]])
sys.exit(p.returncode)

#!/usr/bin/python3
# tests/reliability_huge_links.py: fills a directory with 10,000 hard links to one session, for
# reliability_huge.sh.
#   reliability_huge_links.py SESSION.cdb DIR
import os, sys
for i in range(10000):
    os.link(sys.argv[1], os.path.join(sys.argv[2], "sitzung-%05d.cdb" % i))

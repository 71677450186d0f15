#!/usr/bin/python3
# tests/reliability_list_flip.py: flips one byte in the middle of a snapshot, for reliability_list.sh.
#   reliability_list_flip.py FILE
import sys
p = sys.argv[1]
data = bytearray(open(p, "rb").read())
i = data.index(b"Echtstadt")          # meta.kommune comes before summary.kommune
data[i] = ord("F")
open(p, "wb").write(data)

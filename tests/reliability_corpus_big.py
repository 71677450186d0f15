#!/usr/bin/python3
# tests/reliability_corpus_big.py: writes the oversized forms of the corpus test (10 and 3 MiB values)
# from a valid form, for reliability_corpus.sh.
#   reliability_corpus_big.py VALID.yaml OUTDIR
import sys
base = open(sys.argv[1], encoding="utf-8").read()
big = "x" * (10 << 20)
open(sys.argv[2] + "/big-type.yaml", "w").write(base.replace("type: yesno", "type: " + big, 1))
open(sys.argv[2] + "/big-points.yaml", "w").write(base.replace("points: 4", "points: " + "9" * (10 << 20), 1))
open(sys.argv[2] + "/big-key.yaml", "w").write(base.replace("sections:", big + ": 1\nsections:", 1))
mid = "x" * (3 << 20)
open(sys.argv[2] + "/mid-type.yaml", "w").write(base.replace("type: yesno", "type: " + mid, 1))
open(sys.argv[2] + "/mid-points.yaml", "w").write(base.replace("points: 4", "points: " + "9" * (3 << 20), 1))
open(sys.argv[2] + "/mid-key.yaml", "w").write(base.replace("sections:", mid + ": 1\nsections:", 1))

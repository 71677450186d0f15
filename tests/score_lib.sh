# tests/score_lib.sh: shared by the score_*.sh tests (sourced, not run). It
# checks the output of `score --format tsv` line by line against the issue's
# format, recomputes sums, percents and pass/fail from those lines, and
# compares the JSON object with the tsv field by field.

# score_check TSV-FILE JSON-FILE: exit status 0 when both are consistent.
score_check() {
	"$WA_PYTHON3" "$WA_SRCDIR/tests/score_check.py" "$1" "$2"
}

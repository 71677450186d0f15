#!/bin/sh
# crash_session.sh: the black-box crash test of the session store: a loop of
# `wohnort-audit set` calls killed with SIGKILL at random moments (at least
# 120 times); after each kill the session must load with a valid checksum and
# no fallback, and hold every value whose set had returned 0. The driver is
# tests/crash_session.py (needs WA_PYTHON3; skipped with 77 without it).
PY=${WA_PYTHON3:-}
if [ -z "$PY" ] || [ "$PY" = no ] || ! [ -x "$PY" ]; then
	echo "crash_session: no python3 (WA_PYTHON3), skipped"
	exit 77
fi
exec "$PY" "${WA_SRCDIR:?}/tests/crash_session.py"

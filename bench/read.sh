#!/bin/sh
# bench/read.sh: `make bench` entry for the spreadsheet readers: reading the
# Dokumentationstabelle of a 2,000-question form (XLSX and CSV), 100,000
# rows, and refusing a ZIP bomb, a 1 MB cell and 10,005 parts, each under
# one second (median of 11 runs; bench/bench_read.c).
: "${WA_BUILDDIR:?}"
exec "$WA_BUILDDIR/bench/bench_read" 11 1000

/*
 * outfile.h: what a writer of this program may replace. Every file the
 * program writes for a person (the Ergebnisformular, the register and its
 * calendar, the town's table) goes through this one check before anything
 * is written: a session, a file beside one, a symbolic link or a directory
 * is never replaced, and another program's file only when asked.
 * Model code: never prints, never exits.
 */
#ifndef OUTFILE_H
#define OUTFILE_H

#include "model/session.h"

/* Flags of outfile_check. */
enum {
	OUTFILE_FORCE = 1, /* also replace a file that is not one of this program's */
};

/*
 * outfile_check: whether a writer may put its file at path. Yes when nothing
 * is there, when an empty file is there, or when own(path) says the file is
 * one this program wrote (own may be NULL: nothing counts as its own), and
 * with OUTFILE_FORCE for any other regular file. Never: a symbolic link, a
 * directory or other non-regular file, a session by name (NAME.cdb,
 * .cdb.prev, .cdb.lock, .cdb.damaged) or by content, or one of the files of
 * session s (s may be NULL). what names the kind of file in messages
 * ("Arbeitsmappe", "Kalenderdatei"). 0, or -1 with *why (German, names path;
 * caller frees).
 */
int outfile_check(const char *path, const struct session *s, unsigned flags,
                  int (*own)(const char *path), const char *what, char **why);

/* The default name of a file written for session s: beside the session
 * file, its name without ".cdb" followed by ending ("-ergebnis.xlsx");
 * without a session file, a slug of Kommune and Datum in the current
 * directory. Caller frees. */
char *outfile_default_path(const struct session *s, const char *ending);

#endif

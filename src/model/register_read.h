/*
 * register_read.h: the register's input from session files: one struct
 * register_audit per session that could be read, one struct
 * register_problem (path and German reason) per file that could not, for
 * register_build (model/register.h). Model code: never prints, never
 * exits; reads only.
 *
 * How a session is read. Read-only and without taking the lock: a running
 * interview keeps its lock and its file, and since every save replaces the
 * file in one rename, what is read is always one whole snapshot. The file
 * is checked as `list` checks it (session_scan_file: structure, format,
 * checksum) and its records give the audit without loading the form:
 * Kommune, Landkreis, IHK, Datum and Art from meta.*, the goals from
 * goal.N.ziel and goal.N.frist, and from the summary records audit_save
 * writes (model/audit.h) the Ergebnis (summary.verdict), "gültig bis",
 * the validity years, the points and maximum (summary.points, summary.max)
 * and per Handlungsfeld, and the evidence still to be handed in. A session
 * saved by a version before the register has no summary.verdict: it is
 * opened in full (form and all, read-only) and its summary computed as
 * audit_save would, which is slower; its next change (saved by this
 * version) makes it fast. Both ways go through the same parser.
 *
 * What is not read, and why, goes to the problems, never skipped in
 * silence: a file that cannot be opened, is no regular file, is empty,
 * damaged, cut off or foreign (no session of this program, another format
 * version), whose summary cannot be parsed, or that is the same file as
 * one already read (a hard or symbolic link, a folder given twice). For a
 * damaged file the reason also says when its previous generation
 * (PATH.prev) is intact (opening the session loads it) and when another
 * program holds the session open; to tell the latter, the lock file is
 * tried for a shared lock without waiting and released at once (never
 * when the session could be read).
 */
#ifndef REGISTER_READ_H
#define REGISTER_READ_H

#include <stddef.h>

#include "model/register.h"

/* What register_read found. Everything is owned; free with register_input_free. */
struct register_input {
	struct register_audit *audits; /* in the order read */
	size_t audit_count;
	struct register_problem *problems; /* in the order met */
	size_t problem_count;
	size_t full_reads; /* sessions saved before the register, opened in full */
};

/*
 * register_read: every session named by paths[0..count): a directory gives
 * the files in it whose names end in ".cdb" and do not start with a dot,
 * sorted by name (subdirectories are not entered; PATH.prev, .lock,
 * .damaged and temp files are not sessions); any other path is read as a
 * session file whatever its name. A directory that cannot be listed is a
 * problem of its own. Fills *out (overwritten) and never fails: what cannot
 * be read is a problem (see above).
 */
void register_read(const char *const *paths, size_t count, struct register_input *out);

/* Free what register_read filled and zero it; a zeroed input is freed
 * without effect. */
void register_input_free(struct register_input *in);

#endif

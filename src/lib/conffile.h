/*
 * conffile.h: a small configuration file of `key = value` lines. Blank lines
 * and lines whose first non-blank character is '#' are ignored; a UTF-8
 * byte order mark and Windows line ends are accepted. The key is what
 * stands before the first '=', the value what follows it, both without the
 * blanks around them; there is no quoting and no comment after a value (a
 * path may contain '#'). Which keys exist is the caller's table. The reader
 * never prints: every problem becomes one message "FILE:LINE: …".
 */
#ifndef CONFFILE_H
#define CONFFILE_H

#include <stddef.h>

/* One `key = value` line. */
struct conffile_entry {
	char *key;
	char *value; /* never empty */
	char *file;  /* the file it was read from */
	int line;    /* 1-based */
};

/* Entries of one or more files, in the order read. Zero-initialise. */
struct conffile {
	struct conffile_entry *items;
	size_t count;
};

/* Largest configuration file read, in bytes. */
#define CONFFILE_MAX_SIZE 65536

/*
 * conffile_read: append the entries of the file at path to c. known is the
 * NULL-terminated list of the keys allowed. A line without '=', an unknown
 * key, an empty value, a key given twice in the file, invalid UTF-8 or a
 * control character is refused. Returns 1 when the file was read, 0 when it
 * does not exist (c unchanged), or -1 with *why set (caller frees; "FILE:
 * LINE: message", or "FILE: message" for the file as a whole) and c
 * unchanged.
 */
int conffile_read(struct conffile *c, const char *path, const char *const *known,
                  char **why);

/* The first entry for key (of the file read first), or NULL. Borrowed
 * until conffile_clear. */
const struct conffile_entry *conffile_get(const struct conffile *c, const char *key);

/* Free the entries and reset c to empty. */
void conffile_clear(struct conffile *c);

#endif

/*
 * register_private.h: what the register's writers (register_xlsx.c,
 * register_ics.c) share: the check of the target before anything is
 * written. Internal to the register module. Nothing here prints.
 */
#ifndef REGISTER_PRIVATE_H
#define REGISTER_PRIVATE_H

/*
 * register_target_check: whether a writer may put its file at path:
 * nothing there, an empty file, or (own(path) true) a file of this
 * program's kind; anything else only with REGISTER_FORCE in flags, and
 * never a symbolic link, a directory or other non-regular file, or a
 * session (by name or content). what names the file for the message
 * ("Arbeitsmappe", "Kalenderdatei"). 0, or -1 with *why (German, names
 * path; caller frees).
 */
int register_target_check(const char *path, unsigned flags, int (*own)(const char *path),
                          const char *what, char **why);

#endif

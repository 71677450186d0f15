/*
 * register_target.c: the check every writer of the register makes before
 * it writes (register_private.h): the register never replaces a link, a
 * directory, a session or a foreign file. Model code: never prints.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/util.h"
#include "model/register.h"
#include "model/register_private.h"
#include "model/session.h"

/* Whether a file name is one of a session's: NAME.cdb, .cdb.prev, .cdb.lock,
 * .cdb.damaged. */
static int
session_name(const char *path)
{
	static const char *const endings[] = {".cdb", ".cdb.prev", ".cdb.lock",
	                                      ".cdb.damaged"};
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		size_t e = strlen(endings[i]);
		if (n >= e && strcmp(path + n - e, endings[i]) == 0)
			return 1;
	}
	return 0;
}

int
register_target_check(const char *path, unsigned flags, int (*own)(const char *path),
                      const char *what, char **why)
{
	struct stat st;

	if (path == NULL || path[0] == '\0') {
		*why = xasprintf("Register: kein Dateiname für die %s", what);
		return -1;
	}
	if (session_name(path)) {
		*why = xasprintf("%s: ist der Name einer Sitzungsdatei; das Register "
		                 "schreibt keine (einen anderen Namen wählen)",
		                 path);
		return -1;
	}
	if (lstat(path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		*why = xasprintf("%s: kann nicht geschrieben werden: %s", path,
		                 strerror(errno));
		return -1;
	}
	if (S_ISLNK(st.st_mode)) {
		*why =
		    xasprintf("%s: ist ein symbolischer Link; das Register ersetzt keine "
		              "Links (einen anderen Namen wählen)",
		              path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*why = xasprintf("%s: ist ein Verzeichnis", path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = xasprintf("%s: ist keine gewöhnliche Datei; nicht überschrieben",
		                 path);
		return -1;
	}
	if (session_file_is_session(path)) {
		*why =
		    xasprintf("%s: ist eine Sitzungsdatei; das Register ersetzt sie nie "
		              "(einen anderen Namen wählen)",
		              path);
		return -1;
	}
	if (st.st_size == 0 || (flags & REGISTER_FORCE) || own(path))
		return 0;
	*why = xasprintf("%s: ist keine von wohnort-audit geschriebene %s; nicht "
	                 "überschrieben (ersetzen mit --force)",
	                 path, what);
	return -1;
}

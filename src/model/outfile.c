/*
 * outfile.c: the check every writer of a file for a person makes before it
 * writes (see outfile.h). Model code: never prints, never exits.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/atomicfile.h"
#include "lib/util.h"
#include "model/outfile.h"
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

/* Whether st is the session file of s or one of the files beside it. */
static int
own_session_file(const struct session *s, const struct stat *st)
{
	static const char *const endings[] = {"", ".prev", ".lock", ".damaged"};
	int same = 0;

	for (size_t i = 0; s != NULL && s->path != NULL && !same && i < 4; i++) {
		char *name = xasprintf("%s%s", s->path, endings[i]);
		struct stat other;
		same = stat(name, &other) == 0 && other.st_dev == st->st_dev &&
		       other.st_ino == st->st_ino;
		free(name);
	}
	return same;
}

int
outfile_check(const char *path, const struct session *s, unsigned flags,
              int (*own)(const char *path), const char *what, char **why)
{
	static const char session_file[] =
	    "%s: ist eine Sitzungsdatei oder gehört zu einer; wohnort-audit ersetzt "
	    "sie nie (einen anderen Namen wählen)";
	struct stat st;

	if (path == NULL || path[0] == '\0') {
		*why = xasprintf("kein Dateiname für die %s", what);
		return -1;
	}
	if (session_name(path)) {
		*why = xasprintf(session_file, path);
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
		*why = xasprintf("%s: ist ein symbolischer Link; wohnort-audit ersetzt "
		                 "keine Links (einen anderen Namen wählen)",
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
	if (own_session_file(s, &st) || session_file_is_session(path)) {
		*why = xasprintf(session_file, path);
		return -1;
	}
	if (st.st_size == 0 || (flags & OUTFILE_FORCE) || (own != NULL && own(path)))
		return 0;
	if (own == NULL)
		/* the writer counts nothing as its own: the file may hold what
		 * somebody else filled in (the town's table) */
		*why = xasprintf("%s: gibt es schon; nicht überschrieben (es könnte eine "
		                 "ausgefüllte %s sein; ersetzen mit --force, oder einen "
		                 "anderen Namen wählen)",
		                 path, what);
	else
		*why = xasprintf("%s: ist keine von wohnort-audit geschriebene %s; nicht "
		                 "überschrieben (ersetzen mit --force)",
		                 path, what);
	return -1;
}

char *
outfile_default_path(const struct session *s, const char *ending)
{
	char *slug, *out;

	if (s->path != NULL && s->path[0] != '\0') {
		const char *base = strrchr(s->path, '/');
		char *dir = atomicfile_dir_of(s->path);
		size_t len;
		base = base != NULL ? base + 1 : s->path;
		len = strlen(base);
		if (len > 4 && strcmp(base + len - 4, ".cdb") == 0)
			len -= 4;
		slug = xstrndup(base, len);
		out = xasprintf("%s/%s%s", dir, slug, ending);
		free(dir);
	} else {
		char *name = xasprintf("%s %s", s->meta.kommune ? s->meta.kommune : "",
		                       s->meta.datum ? s->meta.datum : "");
		slug = slug_make(name, 80);
		free(name);
		out = xasprintf("%s%s", slug, ending);
	}
	free(slug);
	return out;
}

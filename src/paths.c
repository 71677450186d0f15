/*
 * paths.c: resolution of the session and data directories. See paths.h.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "util.h"

/* Create path and its parents with mode 0700 for the last element. */
static int
make_dirs(const char *path, char **why)
{
	char *copy = xstrdup(path);
	struct stat st;

	for (char *p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) != 0 && errno != EEXIST) {
			*why = xasprintf("%s: %s", copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*why = xasprintf("%s: kein Verzeichnis (not a directory)", path);
		return -1;
	}
	/* Exactly 0700 whatever the umask: no other user may read an audit. */
	if ((st.st_mode & 0777) != 0700 && chmod(path, 0700) != 0) {
		*why = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

char *
paths_session_dir(const char *option, int create, char **why)
{
	const char *env;
	char *dir;

	if (option != NULL && *option != '\0')
		dir = xstrdup(option);
	else if ((env = getenv("WOHNORT_AUDIT_DIR")) != NULL && *env != '\0')
		dir = xstrdup(env);
	else if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		dir = xasprintf("%s/wohnort-audit", env);
	else if ((env = getenv("HOME")) != NULL && *env == '/')
		dir = xasprintf("%s/.local/share/wohnort-audit", env);
	else {
		*why = xstrdup(
		    "Kein Sitzungsverzeichnis: weder --dir noch WOHNORT_AUDIT_DIR "
		    "noch HOME ist gesetzt (no session directory)");
		return NULL;
	}
	if (create && make_dirs(dir, why) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

const char *
paths_data_dir(void)
{
	static char resolved[PATH_MAX];
	const char *env = getenv("WOHNORT_AUDIT_DATADIR");
	char exe[PATH_MAX];
	ssize_t n;

	if (env != NULL && *env != '\0')
		return env;
	if (resolved[0] != '\0')
		return resolved;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		size_t blen = strlen(ABS_TOP_BUILDDIR);
		exe[n] = '\0';
		if (strncmp(exe, ABS_TOP_BUILDDIR, blen) == 0 && exe[blen] == '/') {
			snprintf(resolved, sizeof resolved, "%s", ABS_TOP_SRCDIR);
			return resolved;
		}
	}
	snprintf(resolved, sizeof resolved, "%s", PKGDATADIR);
	return resolved;
}

char *
paths_default_form(void)
{
	return xasprintf("%s/forms/wohnort-muster.yaml", paths_data_dir());
}

char *
paths_data_file(const char *name)
{
	return xasprintf("%s/data/%s", paths_data_dir(), name);
}

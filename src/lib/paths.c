/*
 * paths.c: resolution of the session, data and configuration directories.
 * See paths.h.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/paths.h"
#include "lib/util.h"

/* Remove the directories made so far (made[0..count), deepest last). */
static void
undo_dirs(char **made, size_t count)
{
	while (count > 0)
		rmdir(made[--count]);
}

/*
 * Create path and the parents that are missing, each mode 0700. A directory
 * that exists keeps its mode: it may be shared on purpose or be reached
 * through a link, and this program did not make it. A path that is too long
 * is refused before anything is created; on any failure the directories
 * made by this call are removed again. 0 or -1 with *why.
 */
static int
make_dirs(const char *path, char **why)
{
	char *copy = xstrdup(path), **made = NULL;
	size_t count = 0, component = 0;
	struct stat st;
	int rc = -1;

	if (strlen(path) >= PATH_MAX) {
		*why = xasprintf("%.60s…: Pfad zu lang (%zu Bytes, höchstens %d)", path,
		                 strlen(path), PATH_MAX - 1);
		goto done;
	}
	for (const char *p = path;; p++) {
		if (*p == '/' || *p == '\0') {
			if (component > NAME_MAX) {
				*why = xasprintf(
				    "%.60s…: ein Verzeichnisname ist zu lang (%zu "
				    "Bytes, höchstens %d)",
				    path, component, NAME_MAX);
				goto done;
			}
			component = 0;
		} else {
			component++;
		}
		if (*p == '\0')
			break;
	}
	for (char *p = copy + 1;; p++) {
		char saved = *p;
		if (saved != '/' && saved != '\0')
			continue;
		*p = '\0';
		if (p > copy && p[-1] != '/') {
			if (mkdir(copy, 0700) == 0) {
				made = xreallocarray(made, count + 1, sizeof *made);
				made[count++] = xstrdup(copy);
				/* 0700 whatever the umask took from it */
				if (stat(copy, &st) != 0 ||
				    ((st.st_mode & 0777) != 0700 &&
				     chmod(copy, 0700) != 0)) {
					*why = xasprintf("%s: %s", copy, strerror(errno));
					goto undo;
				}
			} else if (errno != EEXIST) {
				*why = xasprintf("%s: %s", copy, strerror(errno));
				goto undo;
			} else if (stat(copy, &st) != 0 || !S_ISDIR(st.st_mode)) {
				*why = xasprintf("%s: kein Verzeichnis (not a directory)",
				                 copy);
				goto undo;
			}
		}
		*p = saved;
		if (saved == '\0')
			break;
	}
	rc = 0;
	goto done;
undo:
	undo_dirs(made, count);
done:
	for (size_t i = 0; i < count; i++)
		free(made[i]);
	free(made);
	free(copy);
	return rc;
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

char *
paths_config_dir(void)
{
	const char *env;

	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return xasprintf("%s/wohnort-audit", env);
	if ((env = getenv("HOME")) != NULL && *env == '/')
		return xasprintf("%s/.config/wohnort-audit", env);
	return NULL;
}

char *
paths_system_config_dir(void)
{
	const char *env = getenv("WOHNORT_AUDIT_SYSCONFDIR");

	return xasprintf("%s/wohnort-audit",
	                 env != NULL && *env != '\0' ? env : SYSCONFDIR);
}

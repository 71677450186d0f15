/*
 * save_repeat.c: many saves of one open session in one process, as the
 * interview makes them, for tests/fs_removable.sh (file systems where the
 * save protocol falls back to copies, and where a file's identity after a
 * rename must still be recognised as our own).
 *   save_repeat SESSION COUNT
 * Sets meta.auditor to "Prüferin N" and saves, COUNT times. Exit 0 when
 * every save succeeded, 1 on the first failure (printed), 2 usage.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/audit.h"
#include "model/session.h"
#include "lib/util.h"

int
main(int argc, char **argv)
{
	char *notice = NULL, *why = NULL;
	struct session *s;
	int count;

	if (argc != 3 || (count = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: save_repeat SESSION COUNT\n");
		return 2;
	}
	s = session_open(argv[1], SESSION_WRITE, &notice, &why);
	free(notice);
	if (s == NULL) {
		fprintf(stderr, "save_repeat: %s\n", why);
		free(why);
		return 1;
	}
	for (int i = 1; i <= count; i++) {
		char *value = xasprintf("Prüferin %d", i);
		int rc = session_change(s, "meta.auditor", value, &why) == 0
		             ? audit_save(s, &why)
		             : -1;
		free(value);
		if (rc != 0) {
			fprintf(stderr, "save_repeat: save %d: %s\n", i, why);
			free(why);
			session_free(s);
			return 1;
		}
	}
	session_free(s);
	return 0;
}

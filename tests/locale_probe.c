/*
 * locale_probe.c: a library caller in the user's locale, for
 * tests/locale_export.sh. It takes every locale category from the
 * environment (as another program linking the model might), refuses to run
 * unless the decimal point really is a comma, builds a session from a dump
 * and exports it with export_xlsx. The workbook must not depend on the
 * caller's locale.
 *   locale_probe DUMP OUT.xlsx
 * Exit 0 exported, 1 export failed, 2 usage or set-up error, 3 the locale
 * has no decimal comma (so the probe would prove nothing).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/export.h"
#include "model/session.h"
#include "lib/util.h"

int
main(int argc, char **argv)
{
	char *text = NULL, *why = NULL;
	struct session *s;
	size_t len;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: locale_probe DUMP OUT.xlsx\n");
		return 2;
	}
	setlocale(LC_ALL, "");
	if (strcmp(localeconv()->decimal_point, ",") != 0) {
		fprintf(stderr, "locale_probe: decimal point is '%s', not ','\n",
		        localeconv()->decimal_point);
		return 3;
	}
	if (file_read_all(argv[1], 1 << 26, &text, &len, &why) != 0 ||
	    (s = session_from_dump(text, len, &why)) == NULL) {
		fprintf(stderr, "locale_probe: %s\n", why);
		free(why);
		free(text);
		return 2;
	}
	free(text);
	rc = export_xlsx(s, argv[2], &why);
	if (rc != 0) {
		fprintf(stderr, "locale_probe: %s\n", why);
		free(why);
	}
	session_free(s);
	return rc == 0 ? 0 : 1;
}

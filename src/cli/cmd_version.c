/*
 * cmd_version.c: the 'version' command (also --version): prints the
 * package name and version, then the Prüfbögen the program finds (forms.h)
 * with their editions: the ones that can be used, in search order, and a
 * line for each invalid one (`forms` shows why). CLI layer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/utf8.h"
#include "model/forms.h"

/* Print text through utf8_sanitize on one line. */
static void
print_text(const char *text)
{
	char *safe = utf8_sanitize(text, strlen(text), UTF8_ONE_LINE);
	fputs(safe, stdout);
	free(safe);
}

static int
run_version(const struct cmd_args *a)
{
	struct forms *forms = forms_scan();
	size_t usable = 0;

	(void)a;
	printf("%s\n", PACKAGE_STRING);
	for (size_t i = 0; i < forms->count; i++)
		usable += forms_usable(forms, i);
	printf(usable > 0 ? "Prüfbögen (Kennung, Ausgabe, Datei):\n"
	                  : "Prüfbögen: keiner gefunden\n");
	for (size_t i = 0; i < forms->count; i++) {
		const struct forms_entry *e = &forms->entries[i];
		if (forms_usable(forms, i)) {
			fputs("  ", stdout);
			print_text(e->id);
			printf("  %s  ", e->edition);
			print_text(e->path);
			putchar('\n');
		} else if (e->error != NULL) {
			fputs("  ungültig: ", stdout);
			print_text(e->path);
			fputs(" (wohnort-audit forms nennt den Fehler)\n", stdout);
		}
	}
	forms_free(forms);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}

const struct cmd_entry cmd_version_entry = {
    .name = "version",
    .args = "",
    .summary = "show the version and the editions of the forms found",
    .operands_min = 0,
    .operands_max = 0,
    .run = run_version,
};

/*
 * cmd_forms.c: the 'forms' command: one tab-separated line per Prüfbogen
 * found (forms.h: the user's, the machine's, the bundled directory, in
 * that order): id, edition, title, path and its state: "gültig", with
 * ", Vorgabe" for the one `new` takes without --form, "verdeckt von PATH"
 * when an earlier form of the same id wins, or "ungültig: " and its first
 * error as FILE:LINE:COLUMN: message. A default form named by path outside
 * these directories gets a line of its own at the end. Exit 2 when a form
 * or the configuration file is invalid. CLI layer: prints; the catalog and
 * the configuration are the model's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/forms.h"

/* Print text as one field: tabs and line breaks as spaces, control
 * characters and invalid UTF-8 as U+FFFD; "-" when NULL. */
static void
print_field(const char *text)
{
	char *safe;

	if (text == NULL) {
		fputs("-", stdout);
		return;
	}
	safe = utf8_sanitize(text, strlen(text), UTF8_ONE_LINE);
	fputs(safe, stdout);
	free(safe);
}

/* The state column of entry i; chosen is the default's entry. Caller
 * frees. */
static char *
state_of(const struct forms *forms, size_t i, long chosen)
{
	const struct forms_entry *e = &forms->entries[i];
	const char *is_default = (long)i == chosen ? ", Vorgabe" : "";

	if (e->error != NULL && e->error_count > 1)
		return xasprintf("ungültig%s: %s (und %zu weitere Fehler: wohnort-audit "
		                 "check-form nennt alle)",
		                 is_default, e->error, e->error_count - 1);
	if (e->error != NULL)
		return xasprintf("ungültig%s: %s", is_default, e->error);
	/* a default named by its path is taken even where its id is shadowed */
	if ((long)i == chosen)
		return xstrdup("gültig, Vorgabe");
	if (e->shadowed_by >= 0)
		return xasprintf("verdeckt von %s", forms->entries[e->shadowed_by].path);
	return xstrdup("gültig");
}

/* One line: id, edition, title, path, state. */
static void
print_line(const char *id, const char *edition, const char *title, const char *path,
           const char *state)
{
	print_field(id);
	putchar('\t');
	print_field(edition);
	putchar('\t');
	print_field(title);
	putchar('\t');
	print_field(path);
	putchar('\t');
	print_field(state);
	putchar('\n');
}

/* The line of a default form outside the catalog (named by path in the
 * configuration). 0 when it is valid, else -1. */
static int
print_outside(const char *path)
{
	struct form_errors errors = {0};
	struct form *form = form_load_file(path, &errors);
	int rc = 0;

	if (form != NULL) {
		print_line(form->id, form->edition, form->title, path, "gültig, Vorgabe");
	} else {
		char *all = form_errors_format(&errors);
		char *state =
		    xasprintf("ungültig, Vorgabe: %.*s", (int)strcspn(all, "\n"), all);
		print_line(NULL, NULL, NULL, path, state);
		free(state);
		free(all);
		rc = -1;
	}
	form_errors_clear(&errors);
	form_free(form);
	return rc;
}

static int
run_forms(const struct cmd_args *a)
{
	struct forms *forms = forms_scan();
	struct conffile config = {0};
	char *why = NULL, *path = NULL;
	long chosen = -1;
	int status = EXIT_OK;

	(void)a;
	if (forms_config_read(&config, &why) != 0 ||
	    forms_resolve(forms, &config, NULL, &path, &chosen, &why) != 0) {
		cli_error("%s", why);
		free(why);
		status = EXIT_INVALID;
	}
	for (size_t i = 0; i < forms->count; i++) {
		const struct forms_entry *e = &forms->entries[i];
		char *state = state_of(forms, i, chosen);
		print_line(e->id, e->edition, e->title, e->path, state);
		free(state);
		if (e->error != NULL)
			status = EXIT_INVALID;
	}
	if (path != NULL && chosen < 0 && print_outside(path) != 0)
		status = EXIT_INVALID;
	free(path);
	conffile_clear(&config);
	forms_free(forms);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the list of forms");
		return EXIT_INVALID;
	}
	return status;
}

const struct cmd_entry cmd_forms_entry = {
    .name = "forms",
    .args = "",
    .summary = "list the forms found, where they are and whether they are valid",
    .operands_min = 0,
    .operands_max = 0,
    .run = run_forms,
};

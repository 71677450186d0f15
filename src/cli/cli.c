/*
 * cli.c: helpers shared by the command handlers: loading a form or a session,
 * reporting what went wrong on stderr, and printing text from sessions and
 * forms so that it cannot steer the terminal. Part of the CLI layer (may
 * print).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/forms.h"

void
cli_error(const char *fmt, ...)
{
	va_list ap;
	char *message;

	va_start(ap, fmt);
	message = xvasprintf(fmt, ap);
	va_end(ap);
	fputs("wohnort-audit: ", stderr);
	cli_print(stderr, message);
	fputc('\n', stderr);
	free(message);
}

int
cli_print(FILE *stream, const char *text)
{
	char *safe = utf8_sanitize(text, text != NULL ? strlen(text) : 0, 0);
	int rc = fputs(safe, stream);
	free(safe);
	return rc < 0 ? -1 : 0;
}

void
cli_warn_privacy(const struct session *s)
{
	char *warning = session_privacy_warning(s);
	if (warning != NULL)
		cli_error("%s", warning);
	free(warning);
}

int
cli_set_fields(struct session *s, const struct cmd_args *a, const char *prefix,
               char **why)
{
	const struct vocab_table *t = a->entry->fields;

	for (size_t i = 0; t != NULL && i < t->count; i++) {
		char *key;
		int rc;

		if (a->field[i] == NULL || t->fields[i].kind == VOCAB_SESSION)
			continue;
		key = xasprintf("%s%s", prefix, t->fields[i].key);
		rc = session_change(s, key, a->field[i], why);
		free(key);
		if (rc != 0)
			return -1;
	}
	return 0;
}

char *
cli_form_path(const char *spec)
{
	struct conffile config = {0};
	struct forms *forms;
	char *path = NULL, *why = NULL;
	long entry = -1;

	if (spec != NULL && forms_spec_is_path(spec))
		return xstrdup(spec);
	forms = forms_scan();
	if (spec == NULL && forms_config_read(&config, &why) != 0) {
		cli_error("%s", why);
		free(why);
	} else if (forms_resolve(forms, &config, spec, &path, &entry, &why) != 0) {
		cli_error("%s; wohnort-audit forms listet die Prüfbögen", why);
		free(why);
	} else {
		/* an invalid form found before the one taken may have been meant */
		for (long i = 0; i < entry; i++)
			if (forms->entries[i].error != NULL)
				cli_error("Warnung: ungültiger Prüfbogen übergangen: %s",
				          forms->entries[i].error);
	}
	conffile_clear(&config);
	forms_free(forms);
	return path;
}

struct form *
cli_load_form(const char *spec)
{
	struct form_errors errors = {0};
	char *path = cli_form_path(spec);
	struct form *form;

	if (path == NULL)
		return NULL;
	form = form_load_file(path, &errors);
	if (form == NULL) {
		char *text = form_errors_format(&errors);
		cli_print(stderr, text);
		free(text);
	}
	form_errors_clear(&errors);
	free(path);
	return form;
}

struct session *
cli_open_session(const char *path, enum session_mode mode, int *status)
{
	char *notice = NULL, *why = NULL;
	struct session *s;

	errno = 0;
	s = session_open(path, mode, &notice, &why);

	if (notice != NULL) {
		cli_error("%s", notice);
		free(notice);
	}
	if (s == NULL) {
		cli_error("%s", why ? why : path);
		*status = errno == EWOULDBLOCK ? EXIT_LOCKED : EXIT_INVALID;
		free(why);
		return NULL;
	}
	*status = EXIT_OK;
	return s;
}

int
cli_create_session(struct session *s, const char *dir_option)
{
	char *why = NULL;
	char *dir = paths_session_dir(dir_option, 1, &why);

	if (dir == NULL || audit_create(s, dir, &why) != 0) {
		cli_error("%s", why);
		free(why);
		free(dir);
		session_free(s);
		return EXIT_INVALID;
	}
	free(dir);
	cli_warn_privacy(s);
	cli_print(stdout, s->path);
	putchar('\n');
	session_free(s);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}

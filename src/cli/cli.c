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

struct form *
cli_load_form(const char *path)
{
	struct form_errors errors = {0};
	char *fallback = NULL;
	struct form *form;

	if (path == NULL)
		path = fallback = paths_default_form();
	form = form_load_file(path, &errors);
	if (form == NULL) {
		char *text = form_errors_format(&errors);
		cli_print(stderr, text);
		free(text);
	}
	form_errors_clear(&errors);
	free(fallback);
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

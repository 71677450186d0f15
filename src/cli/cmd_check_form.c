/*
 * cmd_check_form.c: the 'check-form' command: validates each Prüfbogen file
 * and prints every error as FILE:LINE:COLUMN: message on stderr, or one
 * summary line per valid file on stdout. A form that replaces earlier
 * editions (`replaces:`) has its mapping checked against each of them
 * (model/edition.h) when that edition is among the files given or in the
 * form's own directory; the summary says which file it was checked
 * against, or that it was not found. Exit 0 when all are valid, 2 when one
 * is not. CLI layer: prints; never changes files.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/atomicfile.h"
#include "lib/util.h"
#include "model/edition.h"

/* Forms loaded so far: the files given, then those found beside them. */
struct loaded {
	char **paths;
	struct form **forms; /* NULL: invalid */
	size_t count;
	char **dirs_read; /* directories already searched */
	size_t dir_count;
};

/* Remember a form (or its failure to load) at path. */
static void
loaded_add(struct loaded *l, const char *path, struct form *form)
{
	l->paths = xreallocarray(l->paths, l->count + 1, sizeof *l->paths);
	l->forms = xreallocarray(l->forms, l->count + 1, sizeof *l->forms);
	l->paths[l->count] = xstrdup(path);
	l->forms[l->count] = form;
	l->count++;
}

/* Whether name ends in .yaml or .yml. */
static int
yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* Load the forms in dir once (invalid ones are kept as NULL, silently:
 * they are not the files being checked). */
static void
read_dir(struct loaded *l, const char *dir)
{
	DIR *d;
	struct dirent *e;

	for (size_t i = 0; i < l->dir_count; i++)
		if (strcmp(l->dirs_read[i], dir) == 0)
			return;
	l->dirs_read =
	    xreallocarray(l->dirs_read, l->dir_count + 1, sizeof *l->dirs_read);
	l->dirs_read[l->dir_count++] = xstrdup(dir);
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		struct form_errors errors = {0};
		char *path;
		int known = 0;

		if (e->d_name[0] == '.' || !yaml_name(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		for (size_t i = 0; i < l->count && !known; i++)
			known = strcmp(l->paths[i], path) == 0;
		if (!known)
			loaded_add(l, path, form_load_file(path, &errors));
		form_errors_clear(&errors);
		free(path);
	}
	closedir(d);
}

/* The loaded form (not self) that is edition r names, or -1. */
static long
find_edition(const struct loaded *l, const struct form *self,
             const struct form_replaced *r)
{
	for (size_t i = 0; i < l->count; i++) {
		const struct form *f = l->forms[i];
		if (f != NULL && f != self && f->id != NULL && f->edition != NULL &&
		    strcmp(f->id, r->form_id) == 0 && strcmp(f->edition, r->edition) == 0)
			return (long)i;
	}
	return -1;
}

/* Check form's mapping against the editions it replaces; append what it
 * says to line. Returns the number of errors (printed). */
static size_t
check_replaced(struct loaded *l, size_t index, struct buf *line)
{
	const struct form *form = l->forms[index];
	size_t bad = 0;

	for (size_t r = 0; r < form->replaced_count; r++) {
		const struct form_replaced *rep = &form->replaced[r];
		long old = find_edition(l, form, rep);
		struct form_errors errors = {0};

		if (old < 0) {
			char *dir = atomicfile_dir_of(l->paths[index]);
			read_dir(l, dir);
			free(dir);
			old = find_edition(l, form, rep);
		}
		buf_printf(line, "; ersetzt %s, Ausgabe %s ", rep->form_id, rep->edition);
		if (old < 0) {
			buf_adds(
			    line,
			    "(Zuordnung nicht geprüft: diese Ausgabe nicht gefunden; "
			    "als weitere Datei angeben)");
			continue;
		}
		if (edition_check(form, r, l->forms[old], &errors) > 0) {
			char *text = form_errors_format(&errors);
			cli_print(stderr, text);
			free(text);
			bad += errors.count;
		}
		form_errors_clear(&errors);
		buf_printf(line, "(Zuordnung geprüft gegen %s)", l->paths[old]);
	}
	return bad;
}

static int
run_check_form(const struct cmd_args *a)
{
	struct loaded l = {0};
	int status = EXIT_OK;

	for (size_t i = 0; i < a->operand_count; i++) {
		struct form_errors errors = {0};
		struct form *form = form_load_file(a->operands[i], &errors);

		if (form == NULL) {
			char *text = form_errors_format(&errors);
			cli_print(stderr, text);
			free(text);
			status = EXIT_INVALID;
		}
		form_errors_clear(&errors);
		loaded_add(&l, a->operands[i], form);
	}
	for (size_t i = 0; i < a->operand_count; i++) {
		const struct form *form = l.forms[i];
		struct buf line = {0};
		int points = 0;

		if (form == NULL)
			continue;
		for (size_t s = 0; s < form->section_count; s++)
			points += form->sections[s].max_points;
		buf_printf(
		    &line,
		    "%s: gültig – %s, Ausgabe %s: %zu Handlungsfelder, %zu Fragen, "
		    "%d Punkte",
		    a->operands[i], form->id, form->edition, form->section_count,
		    form->question_count, points);
		if (check_replaced(&l, i, &line) > 0) {
			status = EXIT_INVALID;
		} else {
			buf_addc(&line, '\n');
			cli_print(stdout, line.data);
		}
		buf_free(&line);
	}
	for (size_t i = 0; i < l.count; i++) {
		form_free(l.forms[i]);
		free(l.paths[i]);
	}
	for (size_t i = 0; i < l.dir_count; i++)
		free(l.dirs_read[i]);
	free(l.dirs_read);
	free(l.forms);
	free(l.paths);
	fflush(stdout);
	return status;
}

const struct cmd_entry cmd_check_form_entry = {
    .name = "check-form",
    .args = "FILE...",
    .summary = "validate Prüfbogen files",
    .operands_min = 1,
    .operands_max = -1,
    .run = run_check_form,
};

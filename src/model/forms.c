/*
 * forms.c: the catalog of Prüfbögen and the default form. See forms.h.
 * Model layer: reads directories and files, never prints or exits; the
 * form itself is validated by form.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/paths.h"
#include "lib/util.h"
#include "model/form.h"
#include "model/forms.h"

const char *const forms_config_keys[] = {"form", NULL};

/* The file name of the configuration file in a configuration directory. */
#define CONFIG_NAME "config"

/* Whether name is a form file: *.yaml or *.yml, not hidden. */
static int
is_form_name(const char *name)
{
	size_t len = strlen(name);

	if (name[0] == '.')
		return 0;
	return (len > 5 && strcmp(name + len - 5, ".yaml") == 0) ||
	       (len > 4 && strcmp(name + len - 4, ".yml") == 0);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append an entry to forms and return it. */
static struct forms_entry *
add_entry(struct forms *forms, const char *path, enum forms_origin origin)
{
	struct forms_entry *e;

	forms->entries =
	    xreallocarray(forms->entries, forms->count + 1, sizeof *forms->entries);
	e = &forms->entries[forms->count++];
	*e = (struct forms_entry){
	    .path = xstrdup(path), .origin = origin, .shadowed_by = -1};
	return e;
}

/* The first valid entry before end that shadows a form of this id, edition
 * and origin, or -1: one of the same id in an earlier directory, or of the
 * same id and edition in the same one. */
static long
shadowing(const struct forms *forms, const char *id, const char *edition,
          enum forms_origin origin, size_t end)
{
	for (size_t i = 0; i < end; i++) {
		const struct forms_entry *e = &forms->entries[i];
		if (e->id != NULL && strcmp(e->id, id) == 0 &&
		    (e->origin != origin || strcmp(e->edition, edition) == 0))
			return (long)i;
	}
	return -1;
}

/* Load the form at path into a new entry: its id, title and edition, or its
 * first error. A form of the same id in an earlier directory shadows it
 * (first found wins); in the same directory only one of the same edition
 * does, so a directory can hold a form's editions side by side. */
static void
add_form(struct forms *forms, const char *path, enum forms_origin origin)
{
	struct form_errors errors = {0};
	struct form *form = form_load_file(path, &errors);
	struct forms_entry *e = add_entry(forms, path, origin);

	if (form == NULL) {
		char *all = form_errors_format(&errors);
		size_t first = strcspn(all, "\n");
		e->error =
		    first > 0 ? xstrndup(all, first) : xasprintf("%s: ungültig", path);
		e->error_count = errors.count > 0 ? errors.count : 1;
		free(all);
	} else {
		e->id = xstrdup(form->id);
		e->title = xstrdup(form->title);
		e->edition = xstrdup(form->edition);
		e->shadowed_by =
		    shadowing(forms, form->id, form->edition, origin, forms->count - 1);
	}
	form_errors_clear(&errors);
	form_free(form);
}

/* Add the forms of dir, in byte order of their names. */
static void
scan_dir(struct forms *forms, const char *dir, enum forms_origin origin)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t count = 0;

	if (d == NULL) {
		if (errno != ENOENT) {
			struct forms_entry *e = add_entry(forms, dir, origin);
			e->error = xasprintf("%s: %s", dir, strerror(errno));
			e->error_count = 1;
		}
		return;
	}
	while ((de = readdir(d)) != NULL)
		if (is_form_name(de->d_name)) {
			names = xreallocarray(names, count + 1, sizeof *names);
			names[count++] = xstrdup(de->d_name);
		}
	closedir(d);
	if (count > 1) /* names is NULL without a form: qsort must not see it */
		qsort(names, count, sizeof *names, compare_names);
	for (size_t i = 0; i < count; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		add_form(forms, path, origin);
		free(path);
		free(names[i]);
	}
	free(names);
}

char *
forms_dir(enum forms_origin origin)
{
	char *config = NULL, *dir;

	switch (origin) {
	case FORMS_USER:
		config = paths_config_dir();
		break;
	case FORMS_SYSTEM:
		config = paths_system_config_dir();
		break;
	case FORMS_BUNDLED:
	case FORMS_ORIGINS:
		return xasprintf("%s/forms", paths_data_dir());
	}
	dir = config != NULL ? xasprintf("%s/forms", config) : NULL;
	free(config);
	return dir;
}

struct forms *
forms_scan(void)
{
	struct forms *forms = xcalloc(1, sizeof *forms);

	for (int o = 0; o < FORMS_ORIGINS; o++)
		forms->dirs[o] = forms_dir((enum forms_origin)o);
	for (int o = 0; o < FORMS_ORIGINS; o++) {
		int seen = forms->dirs[o] == NULL;
		/* the same directory twice (a variable pointing there) is read once */
		for (int earlier = 0; earlier < o && !seen; earlier++)
			seen = forms->dirs[earlier] != NULL &&
			       strcmp(forms->dirs[earlier], forms->dirs[o]) == 0;
		if (!seen)
			scan_dir(forms, forms->dirs[o], (enum forms_origin)o);
	}
	return forms;
}

void
forms_free(struct forms *forms)
{
	if (forms == NULL)
		return;
	for (size_t i = 0; i < forms->count; i++) {
		struct forms_entry *e = &forms->entries[i];
		free(e->path);
		free(e->id);
		free(e->title);
		free(e->edition);
		free(e->error);
	}
	for (int o = 0; o < FORMS_ORIGINS; o++)
		free(forms->dirs[o]);
	free(forms->entries);
	free(forms);
}

long
forms_find(const struct forms *forms, const char *id)
{
	long found = -1;

	for (size_t i = 0; i < forms->count; i++) {
		const struct forms_entry *e = &forms->entries[i];
		if (e->id == NULL || strcmp(e->id, id) != 0 || e->shadowed_by >= 0)
			continue;
		/* unshadowed ones of an id are editions in one directory */
		if (found < 0 || strcmp(e->edition, forms->entries[found].edition) > 0)
			found = (long)i;
	}
	return found;
}

int
forms_usable(const struct forms *forms, size_t i)
{
	return i < forms->count && forms->entries[i].error == NULL &&
	       forms->entries[i].shadowed_by < 0;
}

int
forms_spec_is_path(const char *spec)
{
	return strpbrk(spec, "/.") != NULL;
}

int
forms_config_read(struct conffile *c, char **why)
{
	char *dirs[2] = {paths_config_dir(), paths_system_config_dir()};
	int rc = 0;

	for (size_t i = 0; i < 2 && rc == 0; i++) {
		char *path;
		if (dirs[i] == NULL)
			continue;
		path = xasprintf("%s/" CONFIG_NAME, dirs[i]);
		if (conffile_read(c, path, forms_config_keys, why) < 0)
			rc = -1;
		free(path);
	}
	free(dirs[0]);
	free(dirs[1]);
	return rc;
}

/* The entry whose path is path, or -1. */
static long
entry_of_path(const struct forms *forms, const char *path)
{
	for (size_t i = 0; i < forms->count; i++)
		if (strcmp(forms->entries[i].path, path) == 0)
			return (long)i;
	return -1;
}

/* The paths of the invalid entries, joined by ", ", or NULL when there is
 * none. Caller frees. */
static char *
invalid_paths(const struct forms *forms)
{
	struct buf b = {0};

	for (size_t i = 0; i < forms->count; i++)
		if (forms->entries[i].error != NULL)
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "",
			           forms->entries[i].path);
	return buf_steal(&b);
}

/* The directories searched, joined by ", ". Caller frees. */
static char *
searched_dirs(const struct forms *forms)
{
	struct buf b = {0};

	for (int o = 0; o < FORMS_ORIGINS; o++)
		if (forms->dirs[o] != NULL)
			buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", forms->dirs[o]);
	return buf_steal(&b);
}

/* Resolve a form id: 0 with *path and *entry, or -1 with *why. */
static int
resolve_id(const struct forms *forms, const char *id, char **path, long *entry,
           char **why)
{
	long i = forms_find(forms, id);
	char *invalid, *dirs;

	if (i >= 0) {
		*path = xstrdup(forms->entries[i].path);
		*entry = i;
		return 0;
	}
	invalid = invalid_paths(forms);
	dirs = searched_dirs(forms);
	if (invalid != NULL && invalid[0] != '\0')
		*why = xasprintf("kein gültiger Prüfbogen mit der Kennung „%s“ in %s "
		                 "(ungültig und übergangen: %s)",
		                 id, dirs, invalid);
	else
		*why = xasprintf("kein Prüfbogen mit der Kennung „%s“ in %s", id, dirs);
	free(invalid);
	free(dirs);
	return -1;
}

/* The default form named by the configuration entry e. */
static int
resolve_configured(const struct forms *forms, const struct conffile_entry *e, char **path,
                   long *entry, char **why)
{
	char *reason = NULL;

	if (!forms_spec_is_path(e->value)) {
		if (resolve_id(forms, e->value, path, entry, &reason) == 0)
			return 0;
		*why =
		    xasprintf("%s:%d: form = %s: %s", e->file, e->line, e->value, reason);
		free(reason);
		return -1;
	}
	if (e->value[0] == '/') {
		*path = xstrdup(e->value);
	} else {
		const char *slash = strrchr(e->file, '/');
		*path = slash != NULL ? xasprintf("%.*s/%s", (int)(slash - e->file),
		                                  e->file, e->value)
		                      : xstrdup(e->value);
	}
	*entry = entry_of_path(forms, *path);
	return 0;
}

int
forms_resolve(const struct forms *forms, const struct conffile *config, const char *spec,
              char **path, long *entry, char **why)
{
	const struct conffile_entry *configured;
	char *bundled;
	long i;

	*path = NULL;
	*entry = -1;
	if (spec != NULL && forms_spec_is_path(spec)) {
		*path = xstrdup(spec);
		*entry = entry_of_path(forms, spec);
		return 0;
	}
	if (spec != NULL)
		return resolve_id(forms, spec, path, entry, why);
	configured = config != NULL ? conffile_get(config, "form") : NULL;
	if (configured != NULL)
		return resolve_configured(forms, configured, path, entry, why);
	bundled = paths_default_form();
	i = entry_of_path(forms, bundled);
	if (i >= 0 && forms->entries[i].shadowed_by >= 0)
		i = forms->entries[i].shadowed_by;
	if (i >= 0) {
		free(bundled);
		*path = xstrdup(forms->entries[i].path);
	} else {
		*path = bundled;
	}
	*entry = i;
	return 0;
}

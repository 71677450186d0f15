/*
 * forms.h: the catalog of Prüfbögen: where the program finds them, which
 * one a command or the new-audit screen means, and the default form named
 * in the configuration file. Forms are searched in this order; for a form
 * id the first valid form found wins, later ones of the same id are
 * shadowed:
 *   1. the user's:   $XDG_CONFIG_HOME/wohnort-audit/forms (~/.config/…)
 *   2. the machine's: /etc/wohnort-audit/forms (SYSCONFDIR)
 *   3. the bundled:  <data dir>/forms (the model edition)
 * In each directory every file named *.yaml or *.yml that does not start
 * with '.' is a form, in the byte order of the names. The configuration is
 * read from the user's config directory, then the machine's; for each key
 * the user's value wins. Model layer: never prints; every problem is a
 * value (an invalid entry, or *why).
 */
#ifndef FORMS_H
#define FORMS_H

#include <stddef.h>

#include "lib/conffile.h"

/* Where a form was found, in search order. */
enum forms_origin {
	FORMS_USER,
	FORMS_SYSTEM,
	FORMS_BUNDLED,
	FORMS_ORIGINS /* their number */
};

/* One file found. Strings are owned by the catalog. */
struct forms_entry {
	char *path;
	enum forms_origin origin;
	char *id;      /* NULL when invalid */
	char *title;   /* NULL when invalid */
	char *edition; /* YYYY-MM-DD; NULL when invalid */
	/* invalid: its first error as "FILE:LINE:COLUMN: message" (or "FILE:
	 * message" when it has no position), and how many there are; valid:
	 * NULL and 0 */
	char *error;
	size_t error_count;
	/* valid: the index of the earlier entry that wins over this one (the
	 * same id in an earlier directory, or the same id and edition in the
	 * same one), or -1 */
	long shadowed_by;
};

/* The catalog: every file found, in search order. */
struct forms {
	struct forms_entry *entries;
	size_t count;
	/* the directory searched for each origin; NULL for the user's when
	 * neither XDG_CONFIG_HOME nor HOME is an absolute path */
	char *dirs[FORMS_ORIGINS];
};

/* The forms directory of an origin: the user's (NULL when neither
 * XDG_CONFIG_HOME nor HOME is an absolute path), the machine's, the
 * bundled one. Caller frees. */
char *forms_dir(enum forms_origin origin);

/*
 * forms_scan: find and validate every form in the three directories. A
 * directory that does not exist adds nothing; one that exists but cannot
 * be read adds an invalid entry whose path is the directory. Never fails.
 * Free with forms_free.
 */
struct forms *forms_scan(void);

/* forms_free(NULL) does nothing. */
void forms_free(struct forms *forms);

/* The index of the entry that wins for id, or -1: the first directory in
 * search order that has a valid form of that id wins, and of its editions
 * there the newest (editions are YYYY-MM-DD). */
long forms_find(const struct forms *forms, const char *id);

/* Whether the entry i is valid and not shadowed: what a person can pick. */
int forms_usable(const struct forms *forms, size_t i);

/* Whether spec names a file rather than a form id: it contains '/' or '.',
 * which a form id never does. */
int forms_spec_is_path(const char *spec);

/* The keys of the configuration file (NULL-terminated): "form". */
extern const char *const forms_config_keys[];

/*
 * forms_config_read: read the configuration files into c (zero-initialised
 * or cleared): the user's (paths_config_dir()/config), then the machine's
 * (paths_system_config_dir()/config); conffile_get then gives the user's
 * value first. A file that does not exist is no error. 0, or -1 with *why
 * ("FILE:LINE: message"; caller frees).
 */
int forms_config_read(struct conffile *c, char **why);

/*
 * forms_resolve: the file of the form that spec means.
 * - A path (forms_spec_is_path) is that file, as given; *entry is the
 *   catalog's entry of that path or -1.
 * - A form id is the entry forms_find gives; when there is none, -1 with
 *   *why, which names the invalid entries, since one of them may be meant.
 * - NULL is the default: the `form` of config (an id, or a path, relative
 *   to the directory of the configuration file that names it; a message
 *   about it starts with "FILE:LINE: "), else the bundled model form
 *   (paths_default_form()) or the valid entry of its id that shadows it.
 * Returns 0 with *path (caller frees) and *entry, or -1 with *why (caller
 * frees). Loading the file (and reporting its errors) is the caller's.
 */
int forms_resolve(const struct forms *forms, const struct conffile *config,
                  const char *spec, char **path, long *entry, char **why);

#endif

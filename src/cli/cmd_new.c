/*
 * cmd_new.c: the 'new' command: start a session from the bundled or a given
 * form, fill the master data from the options (one per field of vocab_meta
 * that has an option), for a re-audit link the previous session
 * (reaudit_link: its goals, and master data not given here), create the
 * file in the session directory and print its path. CLI layer: prints; the
 * session and re-audit modules do the work and check every value.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/date.h"
#include "lib/util.h"
#include "model/history.h"
#include "model/reaudit.h"

enum { OPT_FORM, OPT_DIR };

static const struct cmd_option new_options[] = {
    [OPT_FORM] = {"form", 0, "FORM",
                  "Prüfbogen: Kennung (siehe „forms“) oder Datei (Vorgabe: „form“ "
                  "der Konfiguration, sonst der mitgelieferte)",
                  NULL},
    [OPT_DIR] = {"dir", 0, "DIR", "Verzeichnis, in dem die Sitzung entsteht", NULL},
};

/* Master-data records are "meta." + the field's key (session.h). */
#define META_PREFIX "meta."

/* The record key of a master-data field. Caller frees. */
static char *
meta_key(const struct vocab_field *f)
{
	return xasprintf(META_PREFIX "%s", f->key);
}

/* The index of the field that names a previous session when its option was
 * given (it is linked, not set), or -1. */
static int
previous_given(const struct cmd_args *a)
{
	const struct vocab_table *t = a->entry->fields;

	for (size_t i = 0; i < t->count; i++)
		if (a->field[i] != NULL && t->fields[i].kind == VOCAB_SESSION)
			return (int)i;
	return -1;
}

/*
 * Link the previous session named by field number previous (reaudit_link).
 * A value given on the command line is never replaced by the link: when
 * linking changes one (--art erst with --vorher), the two options
 * contradict each other and -1 comes back with *why. *notice (caller frees)
 * says what linking took over and how the Prüfbogen editions map.
 */
static int
link_previous(struct session *s, const struct cmd_args *a, int previous, char **notice,
              char **why)
{
	const struct vocab_table *t = a->entry->fields;
	char **given = xcalloc(t->count, sizeof *given);
	int rc = 0;

	for (size_t i = 0; i < t->count; i++)
		if (a->field[i] != NULL && t->fields[i].kind != VOCAB_SESSION) {
			char *key = meta_key(&t->fields[i]);
			given[i] = session_get(s, key);
			free(key);
		}
	if (reaudit_link(s, a->field[previous], notice, why) != 0)
		rc = -1;
	for (size_t i = 0; i < t->count && rc == 0; i++) {
		char *key, *now;
		if (given[i] == NULL)
			continue;
		key = meta_key(&t->fields[i]);
		now = session_get(s, key);
		if (now == NULL || strcmp(now, given[i]) != 0) {
			*why = xasprintf("--%s und --%s %s widersprechen sich: das "
			                 "vorherige Audit setzt %s auf „%s“",
			                 t->fields[previous].option, t->fields[i].option,
			                 a->field[i], t->fields[i].label, now ? now : "");
			rc = -1;
		}
		free(now);
		free(key);
	}
	for (size_t i = 0; i < t->count; i++)
		free(given[i]);
	free(given);
	return rc;
}

static int
run_new(const struct cmd_args *a)
{
	int previous = previous_given(a);
	char today[11], *why = NULL, *warning, *notice = NULL;
	struct session *s;
	struct form *form;

	form = cli_load_form(a->option[OPT_FORM]);
	if (form == NULL)
		return EXIT_INVALID;
	s = session_new(form);
	date_today(today);
	/* one command, one change of the history; today unless --datum says
	 * otherwise (one entry) */
	session_change_begin(s);
	if ((a->field[vocab_find(&vocab_meta, "datum")] == NULL &&
	     session_change(s, META_PREFIX "datum", today, &why) != 0) ||
	    cli_set_fields(s, a, META_PREFIX, &why) != 0 ||
	    (previous >= 0 && link_previous(s, a, previous, &notice, &why) != 0)) {
		cli_error("%s", why);
		free(why);
		free(notice);
		session_free(s);
		return EXIT_INVALID;
	}
	session_change_end(s);
	if (notice != NULL)
		cli_error("%s", notice);
	free(notice);
	warning = session_date_warning(s, "meta.datum", today);
	if (warning != NULL)
		cli_error("Warnung: %s (trotzdem gespeichert)", warning);
	free(warning);
	return cli_create_session(s, a->option[OPT_DIR]);
}

const struct cmd_entry cmd_new_entry = {
    .name = "new",
    .args = "",
    .summary = "start a new session and print its path",
    .options = new_options,
    .option_count = CMD_COUNT(new_options),
    .fields = &vocab_meta,
    .operands_min = 0,
    .operands_max = 0,
    .run = run_new,
};

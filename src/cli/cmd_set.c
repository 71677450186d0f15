/*
 * cmd_set.c: the 'set' command: change one record of a session (an answer,
 * master data, a goal …) and the records beside an answer (one option per
 * field of vocab_item: note, recommendation, evidence …), then save.
 * Everything is validated by the session before anything is saved; an
 * implausible date is saved with a warning on stderr. --grund gives the
 * reason the change history records (required by the session once the
 * audit is abgeschlossen). CLI layer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/date.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/history.h"

enum { OPT_CLEAR, OPT_REASON };

static const struct cmd_option set_options[] = {
    [OPT_CLEAR] = {"clear", 0, NULL, "den Eintrag KEY löschen (statt VALUE)", NULL},
    [OPT_REASON] = {"grund", 0, "TEXT",
                    "Grund der Änderung fürs Änderungsprotokoll (nötig, wenn das "
                    "Audit abgeschlossen ist)",
                    NULL},
};

/* The record key of the field beside the answer to question. Caller frees. */
static char *
item_key(const char *question, const struct vocab_field *f)
{
	return xasprintf("%s:%s", question, f->key);
}

/* After a save: warn about every implausible date just set (date.h). */
static void
warn_dates(const struct session *s, const struct cmd_args *a)
{
	const struct vocab_table *t = a->entry->fields;
	const char *key = a->operands[1];
	char today[11];

	date_today(today);
	for (size_t i = 0; i <= t->count; i++) {
		char *full, *w;
		if (i < t->count && a->field[i] == NULL)
			continue;
		full = i < t->count ? item_key(key, &t->fields[i]) : xstrdup(key);
		w = session_date_warning(s, full, today);
		if (w != NULL)
			cli_error("Warnung: %s (trotzdem gespeichert)", w);
		free(w);
		free(full);
	}
}

/* The options given for the fields beside an answer, "--note, --due", or
 * NULL when none was given. Caller frees. */
static char *
item_options_given(const struct cmd_args *a)
{
	const struct vocab_table *t = a->entry->fields;
	struct buf b = {0};

	for (size_t i = 0; i < t->count; i++)
		if (a->field[i] != NULL)
			buf_printf(&b, "%s--%s", b.len > 0 ? ", " : "",
			           t->fields[i].option);
	return b.len > 0 ? buf_steal(&b) : NULL;
}

static int
run_set(const struct cmd_args *a)
{
	const char *path = a->operands[0], *key = a->operands[1];
	const char *value = a->operand_count == 3 ? a->operands[2] : NULL;
	int clear = a->option[OPT_CLEAR] != NULL, status, rc;
	char *why = NULL, *prefix, *item_options = item_options_given(a);
	struct session *s;

	if ((value != NULL && clear) ||
	    (value == NULL && !clear && item_options == NULL)) {
		cli_error(value != NULL
		              ? "set: entweder VALUE oder --clear"
		              : "set: SESSION KEY und VALUE (oder --clear) angeben");
		free(item_options);
		return cmd_usage(a->entry);
	}
	s = cli_open_session(path, SESSION_WRITE, &status);
	if (s == NULL) {
		free(item_options);
		return status;
	}
	session_change_reason(s, a->option[OPT_REASON]);
	if (item_options != NULL && form_find_question(s->form, key) < 0) {
		cli_error("%s gehör%s zu einer Frage-ID; „%s“ ist keine Frage dieses "
		          "Prüfbogens",
		          item_options, strchr(item_options, ',') ? "en" : "t", key);
		status = EXIT_INVALID;
		goto out;
	}
	session_change_begin(s); /* one command, one change of the history */
	if ((value != NULL || clear) && session_change(s, key, value, &why) != 0)
		goto invalid;
	prefix = xasprintf("%s:", key);
	rc = cli_set_fields(s, a, prefix, &why);
	free(prefix);
	session_change_end(s);
	if (rc != 0 || audit_save(s, &why) != 0)
		goto invalid;
	warn_dates(s, a);
	status = EXIT_OK;
	goto out;
invalid:
	cli_error("%s", why);
	free(why);
	status = EXIT_INVALID;
out:
	free(item_options);
	session_free(s);
	return status;
}

const struct cmd_entry cmd_set_entry = {
    .name = "set",
    .args = "SESSION KEY [VALUE]",
    .summary = "change one record of a session and save it",
    .options = set_options,
    .option_count = CMD_COUNT(set_options),
    .fields = &vocab_item,
    .operands_min = 2,
    .operands_max = 3,
    .flags = CMD_DASH_OPERANDS, /* VALUE may start with "-": -2, -Text */
    .run = run_set,
};

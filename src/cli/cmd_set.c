/*
 * cmd_set.c: the 'set' command: change one record of a session (an answer,
 * master data, a goal …) and its side fields (note, recommendation, evidence),
 * then save. Everything is validated before anything is saved; an
 * implausible date is saved with a warning on stderr. CLI layer.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/date.h"
#include "lib/util.h"
#include "model/audit.h"

/* Side options, the record suffix each sets, in the order they are applied. */
static const struct {
	const char *option;
	const char *suffix;
} side_options[] = {
    {"--note", ":note"},
    {"--recommendation", ":recommendation"},
    {"--evidence", ":evidence"},
    {"--due", ":evidence_due"},
    {"--evidence-text", ":evidence_text"},
};
#define SIDE_COUNT (sizeof side_options / sizeof side_options[0])

/* After a save: warn about every implausible date just set (date.h). */
static void
warn_dates(const struct session *s, const char *key, const char *const *side)
{
	char today[11];

	date_today(today);
	for (size_t k = 0; k <= SIDE_COUNT; k++) {
		char *full, *w;
		if (k < SIDE_COUNT && side[k] == NULL)
			continue;
		full = k < SIDE_COUNT ? xasprintf("%s%s", key, side_options[k].suffix)
		                      : xstrdup(key);
		w = session_date_warning(s, full, today);
		if (w != NULL)
			cli_error("Warnung: %s (trotzdem gespeichert)", w);
		free(w);
		free(full);
	}
}

int
cmd_set(int argc, char **argv)
{
	const char *side[SIDE_COUNT] = {0}, *positional[3] = {0};
	int npositional = 0, clear = 0, any_side = 0, options_done = 0, status;
	struct session *s;
	char *why = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t k = SIDE_COUNT;

		if (!options_done && strcmp(a, "--") == 0) {
			options_done = 1;
			continue;
		}
		if (!options_done && strcmp(a, "--clear") == 0) {
			clear = 1;
			continue;
		}
		if (!options_done && strncmp(a, "--", 2) == 0) {
			for (k = 0; k < SIDE_COUNT; k++)
				if (strcmp(a, side_options[k].option) == 0)
					break;
			if (k == SIDE_COUNT) {
				cli_error("set: unbekannte Option „%s“", a);
				return cli_usage("set");
			}
			if (i + 1 >= argc) {
				cli_error("set: %s braucht einen Wert", a);
				return cli_usage("set");
			}
			side[k] = argv[++i];
			any_side = 1;
			continue;
		}
		if (npositional == 3) {
			cli_error("set: zu viele Argumente („%s“)", a);
			return cli_usage("set");
		}
		positional[npositional++] = a;
	}
	if (npositional < 2 || (npositional == 3 && clear) ||
	    (npositional == 2 && !clear && !any_side)) {
		if (npositional == 3 && clear)
			cli_error("set: entweder WERT oder --clear");
		else
			cli_error(
			    "set: SITZUNG SCHLÜSSEL und WERT (oder --clear) angeben");
		return cli_usage("set");
	}
	s = cli_open_session(positional[0], SESSION_WRITE, &status);
	if (s == NULL)
		return status;
	if (any_side && form_find_question(s->form, positional[1]) < 0) {
		cli_error(
		    "--note, --recommendation, --evidence, --due und --evidence-text "
		    "gehören zu einer Frage-ID; „%s“ ist keine Frage dieses Prüfbogens",
		    positional[1]);
		session_free(s);
		return EXIT_INVALID;
	}
	if ((clear || npositional == 3) &&
	    session_set(s, positional[1], clear ? NULL : positional[2], &why) != 0)
		goto invalid;
	for (size_t k = 0; k < SIDE_COUNT; k++) {
		char *key;
		int rc;
		if (side[k] == NULL)
			continue;
		key = xasprintf("%s%s", positional[1], side_options[k].suffix);
		rc = session_set(s, key, side[k], &why);
		free(key);
		if (rc != 0)
			goto invalid;
	}
	if (audit_save(s, &why) != 0)
		goto invalid;
	warn_dates(s, positional[1], side);
	session_free(s);
	return EXIT_OK;
invalid:
	cli_error("%s", why);
	free(why);
	session_free(s);
	return EXIT_INVALID;
}

/*
 * cmd_new.c: the 'new' command: start a session from the bundled or a given
 * form, fill the master data, for a re-audit link the previous session
 * (reaudit_link: its goals, and master data not given here), create the file
 * in the session directory and print its path. CLI layer: prints; the
 * session and re-audit modules do the work.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cmd.h"
#include "lib/date.h"
#include "model/reaudit.h"
#include "lib/util.h"

/* Options that take a value, and the meta key each one sets (NULL: handled apart). */
static const struct {
	const char *option;
	const char *key;
} new_options[] = {
    {"--kommune", "meta.kommune"},
    {"--landkreis", "meta.landkreis"},
    {"--zentralitaet", "meta.zentralitaet"},
    {"--ihk", "meta.ihk"},
    {"--auditor", "meta.auditor"},
    {"--datum", "meta.datum"},
    {"--art", "meta.art"},
    {"--vorher", NULL},
    {"--form", NULL},
    {"--dir", NULL},
};
#define NEW_OPTION_COUNT (sizeof new_options / sizeof new_options[0])

int
cmd_new(int argc, char **argv)
{
	const char *given[NEW_OPTION_COUNT] = {0};
	const char *vorher = NULL, *form_path = NULL, *dir_option = NULL;
	char today[11], *why = NULL, *warning;
	struct session *s;
	struct form *form;
	time_t now = time(NULL);
	struct tm tm;

	for (int i = 1; i < argc; i++) {
		size_t k;
		for (k = 0; k < NEW_OPTION_COUNT; k++)
			if (strcmp(argv[i], new_options[k].option) == 0)
				break;
		if (k == NEW_OPTION_COUNT || i + 1 >= argc) {
			if (k == NEW_OPTION_COUNT)
				cli_error("new: unbekanntes Argument „%s“", argv[i]);
			else
				cli_error("new: %s braucht einen Wert", argv[i]);
			return cli_usage("new");
		}
		given[k] = argv[++i];
	}
	for (size_t k = 0; k < NEW_OPTION_COUNT; k++) {
		if (strcmp(new_options[k].option, "--vorher") == 0)
			vorher = given[k];
		else if (strcmp(new_options[k].option, "--form") == 0)
			form_path = given[k];
		else if (strcmp(new_options[k].option, "--dir") == 0)
			dir_option = given[k];
	}
	if (given[0] == NULL) {
		cli_error("new: --kommune NAME fehlt");
		return cli_usage("new");
	}
	if (given[0][0] == '\0') {
		cli_error("new: --kommune darf nicht leer sein");
		return EXIT_INVALID;
	}
	form = cli_load_form(form_path);
	if (form == NULL)
		return EXIT_INVALID;
	s = session_new(form);
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (session_set(s, "meta.datum", today, &why) != 0)
		goto invalid;
	for (size_t k = 0; k < NEW_OPTION_COUNT; k++)
		if (new_options[k].key != NULL && given[k] != NULL &&
		    session_set(s, new_options[k].key, given[k], &why) != 0)
			goto invalid;
	if (vorher != NULL) {
		if (s->meta.kind != AUDIT_RENEWAL) {
			for (size_t k = 0; k < NEW_OPTION_COUNT; k++)
				if (new_options[k].key &&
				    strcmp(new_options[k].key, "meta.art") == 0 &&
				    given[k] != NULL) {
					why = xstrdup("--vorher gehört zu einem Re-Audit "
					              "(--art re), nicht zu --art erst");
					goto invalid;
				}
			s->meta.kind = AUDIT_RENEWAL;
		}
		if (reaudit_link(s, vorher, NULL, &why) != 0)
			goto invalid;
	}
	date_today(today);
	warning = session_date_warning(s, "meta.datum", today);
	if (warning != NULL)
		cli_error("Warnung: %s (trotzdem gespeichert)", warning);
	free(warning);
	return cli_create_session(s, dir_option);
invalid:
	cli_error("%s", why);
	free(why);
	session_free(s);
	return EXIT_INVALID;
}

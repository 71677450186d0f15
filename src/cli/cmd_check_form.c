/*
 * cmd_check_form.c: the 'check-form' command: validates each Prüfbogen file
 * and prints every error as FILE:LINE:COLUMN: message on stderr, or one
 * summary line per valid file on stdout. Exit 0 when all are valid, 2 when
 * one is not. CLI layer: prints; never changes files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/util.h"

int
cmd_check_form(int argc, char **argv)
{
	int status = EXIT_OK, files = 0;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1] != '\0' &&
		    strcmp(argv[i], "--") != 0) {
			cli_error("unknown option '%s'", argv[i]);
			return cli_usage(argv[0]);
		}
	}
	for (int i = 1; i < argc; i++) {
		struct form_errors errors = {0};
		struct form *form;
		int points = 0;

		if (strcmp(argv[i], "--") == 0)
			continue;
		files++;
		form = form_load_file(argv[i], &errors);
		if (form == NULL) {
			char *text = form_errors_format(&errors);
			cli_print(stderr, text);
			free(text);
			status = EXIT_INVALID;
		} else {
			char *line;
			for (size_t s = 0; s < form->section_count; s++)
				points += form->sections[s].max_points;
			line =
			    xasprintf("%s: gültig – %s, Ausgabe %s: %zu Handlungsfelder, "
			              "%zu Fragen, %d Punkte\n",
			              argv[i], form->id, form->edition,
			              form->section_count, form->question_count, points);
			cli_print(stdout, line);
			free(line);
		}
		form_errors_clear(&errors);
		form_free(form);
	}
	if (files == 0) {
		cli_error("check-form needs at least one FILE");
		return cli_usage(argv[0]);
	}
	fflush(stdout);
	return status;
}

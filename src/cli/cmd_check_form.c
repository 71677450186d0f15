/*
 * cmd_check_form.c: the 'check-form' command: validates each Prüfbogen file
 * and prints every error as FILE:LINE:COLUMN: message on stderr, or one
 * summary line per valid file on stdout. Exit 0 when all are valid, 2 when
 * one is not. CLI layer: prints; never changes files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "lib/util.h"

static int
run_check_form(const struct cmd_args *a)
{
	int status = EXIT_OK;

	for (size_t i = 0; i < a->operand_count; i++) {
		const char *path = a->operands[i];
		struct form_errors errors = {0};
		struct form *form;
		int points = 0;

		form = form_load_file(path, &errors);
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
			              path, form->id, form->edition, form->section_count,
			              form->question_count, points);
			cli_print(stdout, line);
			free(line);
		}
		form_errors_clear(&errors);
		form_free(form);
	}
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

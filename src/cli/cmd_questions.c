/*
 * cmd_questions.c: the 'questions' command: the machine-readable view of a
 * form, one tab-separated line per question (full id, section id, type, max
 * points, show_if or '-', text; see form_question_tsv). CLI layer: prints;
 * never changes files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"

int
cmd_questions(int argc, char **argv)
{
	const char *path = NULL;
	struct form *form;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--form") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strncmp(argv[i], "--form=", 7) == 0 && argv[i][7] != '\0')
			path = argv[i] + 7;
		else {
			cli_error("unexpected argument '%s'", argv[i]);
			return cli_usage(argv[0]);
		}
	}
	form = cli_load_form(path);
	if (form == NULL)
		return EXIT_INVALID;
	for (size_t i = 0; i < form->question_count; i++) {
		char *line = form_question_tsv(form, i);
		cli_print(stdout, line);
		putchar('\n');
		free(line);
	}
	form_free(form);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the list of questions");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

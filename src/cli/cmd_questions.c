/*
 * cmd_questions.c: the 'questions' command: the machine-readable view of a
 * form, one tab-separated line per question (full id, section id, type, max
 * points, show_if or '-', text; see form_question_tsv): of the form found
 * (--form, else the default), or of the form a session was started on. CLI layer: prints;
 * never changes files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"

enum { OPT_FORM };

static const struct cmd_option questions_options[] = {
    [OPT_FORM] = {"form", 0, "FORM",
                  "Prüfbogen: Kennung (siehe „forms“) oder Datei (Vorgabe: „form“ "
                  "der Konfiguration, sonst der mitgelieferte)",
                  NULL},
};

static int
run_questions(const struct cmd_args *a)
{
	struct session *s = NULL;
	struct form *form = NULL;
	const struct form *f;
	int status;

	if (a->operand_count > 0) {
		if (a->option[OPT_FORM] != NULL) {
			cli_error("questions: entweder SESSION oder --form, nicht beides");
			return EXIT_USAGE;
		}
		/* the form the session embeds, whatever edition is found now */
		s = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
		if (s == NULL)
			return status;
		f = s->form;
	} else {
		form = cli_load_form(a->option[OPT_FORM]);
		if (form == NULL)
			return EXIT_INVALID;
		f = form;
	}
	for (size_t i = 0; i < f->question_count; i++) {
		char *line = form_question_tsv(f, i);
		cli_print(stdout, line);
		putchar('\n');
		free(line);
	}
	form_free(form);
	session_free(s);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the list of questions");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_questions_entry = {
    .name = "questions",
    .args = "[SESSION]",
    .summary = "list the questions of a form, tab-separated",
    .options = questions_options,
    .option_count = CMD_COUNT(questions_options),
    .operands_min = 0,
    .operands_max = 1,
    .run = run_questions,
};

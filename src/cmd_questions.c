/*
 * cmd_questions.c: the 'questions' command: the machine-readable view of a
 * form, one tab-separated line per question (full id, section id, type, max
 * points, show_if or '-', text). CLI layer: prints; never changes files.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"

/* Print s with tabs and line breaks turned into spaces (one field of a line). */
static void
print_field(const char *s)
{
	for (; *s; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

int
cmd_questions(int argc, char **argv)
{
	const char *path = NULL;
	struct form *form;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--form") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strncmp(argv[i], "--form=", 7) == 0)
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
		const struct form_question *q = &form->questions[i];
		printf("%s\t%s\t%s\t%d\t", q->full_id, form->sections[q->section].id,
		       form_type_name(q->type), q->max_points);
		if (q->show_if_question < 0)
			putchar('-');
		else if (q->show_if_option < 0)
			printf("%s", form->questions[q->show_if_question].full_id);
		else
			printf("%s=%s", form->questions[q->show_if_question].full_id,
			       form->questions[q->show_if_question].options[q->show_if_option].id);
		putchar('\t');
		print_field(q->text);
		putchar('\n');
	}
	form_free(form);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the list of questions");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

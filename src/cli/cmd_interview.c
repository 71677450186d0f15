/*
 * cmd_interview.c: the 'interview' command (also what runs without a
 * command, with options only, or with a session file first): hands its
 * options to the TUI's one entry point. CLI layer; the interview itself
 * lives in src/tui.
 */
#include "config.h"

#include <stdlib.h>

#include "cli/cmd.h"
#include "tui/tui.h"

enum { OPT_DIR, OPT_FORM };

static const struct cmd_option interview_options[] = {
    [OPT_DIR] = {"dir", 0, "DIR", "Verzeichnis der Sitzungen", NULL},
    [OPT_FORM] = {"form", 0, "FORM",
                  "Prüfbogen für neue Audits: Kennung (siehe „forms“) oder Datei", NULL},
};

static int
run_interview(const struct cmd_args *a)
{
	/* a form id is looked up before the screen starts, so that a wrong one
	 * is refused on the command line */
	char *form = NULL;
	struct tui_options opt = {
	    .dir = a->option[OPT_DIR],
	    .session = a->operand_count > 0 ? a->operands[0] : NULL,
	};
	enum tui_status status;

	if (a->option[OPT_FORM] != NULL &&
	    (form = cli_form_path(a->option[OPT_FORM])) == NULL)
		return EXIT_INVALID;
	opt.form = form;
	status = tui_run(&opt);
	free(form);
	switch (status) {
	case TUI_OK:
		return EXIT_OK;
	case TUI_NO_TERMINAL:
		return EXIT_USAGE;
	case TUI_LOCKED:
		return EXIT_LOCKED;
	case TUI_FAILED:
		break;
	}
	return EXIT_INVALID;
}

const struct cmd_entry cmd_interview_entry = {
    .name = "interview",
    .args = "[SESSION]",
    .summary = "open the interview (start screen without SESSION)",
    .options = interview_options,
    .option_count = CMD_COUNT(interview_options),
    .operands_min = 0,
    .operands_max = 1,
    .run = run_interview,
};

/*
 * cmd_phase.c: the 'phase' command: print the phase of an audit
 * (gespraech, auswertung, abgeschlossen; vocab_phase), or move it to
 * another one and save. Leaving Abgeschlossen, like every change after
 * it, needs --grund; the model refuses it without one. CLI layer: the
 * phases and what they allow are the model's (history.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "model/audit.h"
#include "model/history.h"

#define PHASE_KEY "session.phase"

enum { OPT_REASON };

static const struct cmd_option phase_options[] = {
    [OPT_REASON] = {"grund", 0, "TEXT",
                    "Grund fürs Änderungsprotokoll (nötig, wenn das Audit "
                    "abgeschlossen ist)",
                    NULL},
};

/* Print the phase of s: its value, a tab and its German name. */
static int
print_phase(const struct session *s)
{
	const struct vocab_value *v = &vocab_phase.items[session_phase(s)];
	char *line = xasprintf("%s\t%s\n", v->value, v->label);
	int rc = cli_print(stdout, line);

	free(line);
	if (rc != 0 || fflush(stdout) != 0) {
		cli_error("phase: Ausgabe nicht schreibbar");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int
run_phase(const struct cmd_args *a)
{
	const char *wanted = a->operand_count > 1 ? a->operands[1] : NULL;
	struct session *s;
	char *why = NULL, *current;
	int status;

	s = cli_open_session(a->operands[0],
	                     wanted != NULL ? SESSION_WRITE : SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	if (wanted == NULL) {
		status = print_phase(s);
		session_free(s);
		return status;
	}
	current = session_get(s, PHASE_KEY);
	if (current != NULL && strcmp(current, wanted) == 0) {
		/* nothing to change, so nothing to give a reason for */
		free(current);
		status = print_phase(s);
		session_free(s);
		return status;
	}
	free(current);
	session_change_reason(s, a->option[OPT_REASON]);
	if (session_change(s, PHASE_KEY, wanted, &why) != 0 || audit_save(s, &why) != 0) {
		cli_error("%s", why);
		free(why);
		session_free(s);
		return EXIT_INVALID;
	}
	status = print_phase(s);
	session_free(s);
	return status;
}

const struct cmd_entry cmd_phase_entry = {
    .name = "phase",
    .args = "SESSION [PHASE]",
    .summary = "print or move the phase (gespraech, auswertung, abgeschlossen)",
    .options = phase_options,
    .option_count = CMD_COUNT(phase_options),
    .operands_min = 1,
    .operands_max = 2,
    .run = run_phase,
};

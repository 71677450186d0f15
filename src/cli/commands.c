/*
 * commands.c: the one table of commands, in the order `help` lists them.
 * Each entry lives in its own file (cmd_<name>.c); adding a command is that
 * file, one extern line and one row here. CLI layer: data only.
 */
#include "config.h"

#include <string.h>

#include "cli/cmd.h"

extern const struct cmd_entry cmd_interview_entry;
extern const struct cmd_entry cmd_new_entry;
extern const struct cmd_entry cmd_set_entry;
extern const struct cmd_entry cmd_score_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_history_entry;
extern const struct cmd_entry cmd_phase_entry;
extern const struct cmd_entry cmd_table_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_dump_entry;
extern const struct cmd_entry cmd_load_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_register_entry;
extern const struct cmd_entry cmd_check_form_entry;
extern const struct cmd_entry cmd_questions_entry;
extern const struct cmd_entry cmd_forms_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_version_entry;

/* One command per line, in the order `help` lists them. */
/* clang-format off */
const struct cmd_entry *const cmd_table[] = {
    &cmd_interview_entry,
    &cmd_new_entry,
    &cmd_set_entry,
    &cmd_score_entry,
    &cmd_compare_entry,
    &cmd_export_entry,
    &cmd_history_entry,
    &cmd_phase_entry,
    &cmd_table_entry,
    &cmd_import_entry,
    &cmd_dump_entry,
    &cmd_load_entry,
    &cmd_list_entry,
    &cmd_register_entry,
    &cmd_check_form_entry,
    &cmd_questions_entry,
    &cmd_forms_entry,
    &cmd_help_entry,
    &cmd_version_entry,
};
/* clang-format on */

const size_t cmd_table_count = CMD_COUNT(cmd_table);

const struct cmd_entry *
cmd_find(const char *name)
{
	for (size_t i = 0; i < cmd_table_count; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

/*
 * cmd.h: the command-line layer. One file per subcommand (cmd_<name>.c), each
 * exporting one handler; main.c lists them in its table. Handlers may print
 * and return the process exit status (see EXIT_* below).
 */
#ifndef CMD_H
#define CMD_H

#include <stdio.h>

#include "model/form.h"
#include "model/session.h"

enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,   /* unknown command or option, missing argument */
	EXIT_INVALID = 2, /* invalid form, key, value or file; I/O failure */
	EXIT_LOCKED = 3,  /* session held by another process */
};

struct cmd_entry {
	const char *name;
	const char *args;                  /* usage line after the name */
	const char *summary;               /* one line, English */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
};

int cmd_new(int argc, char **argv);
int cmd_set(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_check_form(int argc, char **argv);
int cmd_questions(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_interview(int argc, char **argv); /* the TUI (src/tui/tui.h) */

/* cli.c: helpers shared by the handlers (they print to stderr). */

/* Load the form at path (NULL: the bundled default); print every error as
 * FILE:LINE:COLUMN: message and return NULL when it is invalid. */
struct form *cli_load_form(const char *path);

/* Open a session, printing any fallback notice; NULL (message printed) on
 * failure, *status set to the exit code to use. */
struct session *cli_open_session(const char *path, enum session_mode mode, int *status);

/*
 * Give the unsaved session s a new file in the session directory (dir_option,
 * else the default), print its path and free s. Returns the exit status; on
 * failure the message is printed and nothing is overwritten.
 */
int cli_create_session(struct session *s, const char *dir_option);

/* Print text to stream through utf8_sanitize (control characters,
 * escape sequences and invalid UTF-8 shown as U+FFFD). 0 or -1. */
int cli_print(FILE *stream, const char *text);

/* Print session_privacy_warning(s) to stderr when there is one. */
void cli_warn_privacy(const struct session *s);

/* Print "wohnort-audit: " + message + newline to stderr (through cli_print). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the usage line of a command to stderr and return EXIT_USAGE. */
int cli_usage(const char *command);

#endif

/*
 * cmd.h: the command-line layer. One file per command (cmd_<name>.c), each
 * exporting one `const struct cmd_entry cmd_<name>_entry`; commands.c lists
 * them in the one command table. An entry declares its operands and its
 * options as data; cmd.c parses every command line with getopt_long from
 * those tables (`--opt value`, `--opt=value`, `--`, `--help` for every
 * command) and derives the usage line, `help COMMAND` and the
 * machine-readable list for shell completion from them. Handlers may print
 * and return the process exit status (EXIT_* below); they hold no domain
 * rule of their own: values are checked by the model.
 */
#ifndef CMD_H
#define CMD_H

#include <stddef.h>
#include <stdio.h>

#include "model/form.h"
#include "model/session.h"
#include "model/vocab.h"

enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,   /* unknown command or option, missing argument or value */
	EXIT_INVALID = 2, /* invalid form, key, value or file; I/O failure */
	EXIT_LOCKED = 3,  /* session held by another process */
	EXIT_PARTIAL = 4, /* import: some values were left out, the rest is saved */
};

/*
 * One option of a command. The option takes a value exactly when arg is
 * not NULL. When values is not NULL, any other value is refused with a
 * message listing the allowed ones (exit 1: the value chooses what the
 * command does, like --format).
 */
struct cmd_option {
	const char *name; /* long name without "--": "format" */
	int short_name;   /* 'o' for -o, or 0 */
	const char *arg;  /* the value in usage lines ("FILE"), NULL for a flag */
	const char *help; /* one German line for `help COMMAND` */
	const struct vocab_values *values; /* the only values allowed, or NULL */
};

/* What a handler receives: the parsed command line. Strings are borrowed
 * from argv. */
struct cmd_args {
	const struct cmd_entry *entry;
	/* per row of entry->options: the value given (the last one when given
	 * twice), for a flag the argument as typed; NULL when not given */
	const char **option;
	/* per row of entry->fields->fields: the value of the option derived
	 * from that vocabulary field, or NULL when not given */
	const char **field;
	char **operands; /* the operands in order (after `--` too) */
	size_t operand_count;
};

/*
 * A command. Besides its own options, a command may take one option per
 * field of a vocabulary table that has a command-line option (`new`: the
 * master data of vocab_meta; `set`: the records beside an answer of
 * vocab_item). Such an option takes the field's arg, help and allowed
 * values from the table; a value outside them is refused with exit 2 (the
 * record could not take it), and a field flagged VOCAB_REQUIRED is an
 * option that must be given with a value that is not empty.
 */
/* Flags of a command. */
enum {
	/* A word that starts with a single "-" and is not one of the command's
	 * own short options is an operand, not an option (set: a VALUE such as
	 * "-2" or "-Text"); -h is then not --help. */
	CMD_DASH_OPERANDS = 1,
};

struct cmd_entry {
	const char *name;    /* "export" */
	const char *args;    /* the operands in usage lines: "SESSION", "" for none */
	const char *summary; /* one line, English */
	const struct cmd_option *options; /* its own options, or NULL */
	size_t option_count;
	const struct vocab_table *fields; /* options from a vocabulary, or NULL */
	int operands_min;                 /* operands needed */
	int operands_max;                 /* operands allowed, -1: any number */
	unsigned flags;                   /* CMD_DASH_OPERANDS */
	int (*run)(const struct cmd_args *args);
};

/* Number of elements of a static array (for option_count). */
#define CMD_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* commands.c: the command table, in the order `help` lists it. */
extern const struct cmd_entry *const cmd_table[];
extern const size_t cmd_table_count;

/* The command called name, or NULL. */
const struct cmd_entry *cmd_find(const char *name);

/* cmd.c: parsing, usage and help, all derived from the entries. */

/*
 * cmd_run: parse argv (argv[0] is the command's name or the program's) for
 * the command c, run its handler and return the exit status. Unknown
 * options, a missing value or a wrong number of operands print a message
 * and the usage line on stderr and give EXIT_USAGE; a value outside an
 * option's fixed list is refused naming the allowed values; `--help`
 * prints the command's help on stdout and gives EXIT_OK.
 */
int cmd_run(const struct cmd_entry *c, int argc, char **argv);

/* Print "usage: wohnort-audit NAME ARGS OPTIONS" of c to stderr and return
 * EXIT_USAGE. */
int cmd_usage(const struct cmd_entry *c);

/* Print the help of c (usage line, summary, one line per option with its
 * allowed values) to out. 0, or -1 when out failed. */
int cmd_print_help(FILE *out, const struct cmd_entry *c);

/*
 * Print every command and option of the table to out, one tab-separated
 * record per line, for shell completion:
 *   command  NAME  ARGS  SUMMARY
 *   option   COMMAND  --LONG  -S  ARG  VALUES  HELP
 * where an absent short name, ARG (a flag) or VALUES is "-", ARGS is "-"
 * when the command takes no operand, and VALUES are the allowed values
 * joined by "|". Tabs and line breaks inside fields never occur. 0 or -1.
 */
int cmd_print_table(FILE *out);

/* cli.c: helpers shared by the handlers (they print to stderr). */

/*
 * cli_form_path: the file of the form spec means (forms_resolve): a path
 * as given, a form id from the catalog, NULL the default (configuration
 * file, else the bundled form). Warns on stderr about invalid forms found
 * before it; NULL (message printed) when it cannot be resolved. Caller
 * frees.
 */
char *cli_form_path(const char *spec);

/* Load the form spec means (cli_form_path); print every error as
 * FILE:LINE:COLUMN: message and return NULL when it is invalid. */
struct form *cli_load_form(const char *spec);

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

/*
 * cli_set_fields: session_change every field of a->entry->fields whose option
 * was given, in table order, under the record key prefix + field key
 * ("meta." + "kommune", "strategie.budget:" + "note"). Fields that name
 * another session (VOCAB_SESSION) are the caller's to link. 0, or -1 with
 * *why (nothing saved; fields before the failing one are set in s).
 */
int cli_set_fields(struct session *s, const struct cmd_args *a, const char *prefix,
                   char **why);

/* Print "wohnort-audit: " + message + newline to stderr (through cli_print). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/*
 * cmd.c: the one parser of every command line, and everything else derived
 * from the command entries: the usage line, `help COMMAND` and the table
 * for shell completion. An entry's own options and the options of its
 * vocabulary table (vocab.h) become one list of slots; getopt_long parses
 * against it, so `--opt value`, `--opt=value`, `--` and `--help` work the
 * same for every command. CLI layer: prints; knows no command by name.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* getopt_long's code for slot k is SLOT_CODE + k; --help has its own. */
#define SLOT_CODE 0x100
#define HELP_CODE 0x7fff

/* One option as the parser and the help see it: a row of the entry's own
 * options, or a field of its vocabulary table. */
struct slot {
	const struct cmd_option *own;    /* or NULL */
	const struct vocab_field *field; /* or NULL */
	size_t index; /* its row in entry->options or entry->fields->fields */
};

/* The slot's long name, value name, help, allowed values and short name,
 * read from its row. */
static const char *
slot_name(const struct slot *s)
{
	return s->own ? s->own->name : s->field->option;
}

static const char *
slot_arg(const struct slot *s)
{
	return s->own ? s->own->arg : s->field->arg;
}

static const char *
slot_help(const struct slot *s)
{
	return s->own ? s->own->help : s->field->help;
}

static const struct vocab_values *
slot_values(const struct slot *s)
{
	return s->own ? s->own->values : s->field->values;
}

static int
slot_short(const struct slot *s)
{
	return s->own ? s->own->short_name : 0;
}

/* A field option flagged VOCAB_REQUIRED must be given. */
static int
slot_required(const struct slot *s)
{
	return s->field != NULL && (s->field->flags & VOCAB_REQUIRED);
}

/* The slots of c: the vocabulary's options first (in table order), then the
 * command's own. Returns their number; *out is freed by the caller. */
static size_t
slots_of(const struct cmd_entry *c, struct slot **out)
{
	size_t n = 0, fields = c->fields ? c->fields->count : 0;
	struct slot *s = xcalloc(fields + c->option_count + 1, sizeof *s);

	for (size_t i = 0; i < fields; i++)
		if (c->fields->fields[i].option != NULL)
			s[n++] = (struct slot){NULL, &c->fields->fields[i], i};
	for (size_t i = 0; i < c->option_count; i++)
		s[n++] = (struct slot){&c->options[i], NULL, i};
	*out = s;
	return n;
}

/* Whether -h means --help for c (not where a word with a single dash is an
 * operand, CMD_DASH_OPERANDS). */
static int
short_help(const struct cmd_entry *c)
{
	return !(c->flags & CMD_DASH_OPERANDS);
}

/* "--name" or "-o" for a slot, as a person types it in usage lines. */
static char *
slot_usage(const struct slot *s)
{
	const char *arg = slot_arg(s);
	char *text =
	    slot_short(s)
	        ? xasprintf("-%c%s%s", slot_short(s), arg ? " " : "", arg ? arg : "")
	        : xasprintf("--%s%s%s", slot_name(s), arg ? " " : "", arg ? arg : "");
	if (slot_required(s))
		return text;
	char *bracketed = xasprintf("[%s]", text);
	free(text);
	return bracketed;
}

/* The usage line of c, without a line break. Caller frees. */
static char *
usage_line(const struct cmd_entry *c)
{
	struct buf b = {0};
	struct slot *slots;
	size_t n = slots_of(c, &slots);

	buf_printf(&b, "usage: wohnort-audit %s", c->name);
	/* required options first, then the operands, then the rest */
	for (size_t k = 0; k < n; k++)
		if (slot_required(&slots[k])) {
			char *u = slot_usage(&slots[k]);
			buf_printf(&b, " %s", u);
			free(u);
		}
	if (c->args[0] != '\0')
		buf_printf(&b, " %s", c->args);
	for (size_t k = 0; k < n; k++)
		if (!slot_required(&slots[k])) {
			char *u = slot_usage(&slots[k]);
			buf_printf(&b, " %s", u);
			free(u);
		}
	free(slots);
	return buf_steal(&b);
}

int
cmd_usage(const struct cmd_entry *c)
{
	char *line = usage_line(c);
	cli_print(stderr, line);
	fputc('\n', stderr);
	free(line);
	return EXIT_USAGE;
}

/* The allowed values of v for a person: "erst (Erstaudit), re (Re-Audit)";
 * a label is shown only where it differs from the value. Caller frees. */
static char *
values_for_help(const struct vocab_values *v)
{
	struct buf b = {0};

	for (size_t i = 0; i < v->count; i++) {
		const struct vocab_value *x = &v->items[i];
		buf_printf(&b, "%s%s", i > 0 ? ", " : "", x->value);
		if (strcmp(x->label, x->value) != 0)
			buf_printf(&b, " (%s)", x->label);
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* The left column of a help line: "  -o, --output FILE" or "      --intern". */
static char *
help_column(const struct slot *s)
{
	const char *arg = slot_arg(s);
	if (slot_short(s))
		return xasprintf("  -%c, --%s%s%s", slot_short(s), slot_name(s),
		                 arg ? " " : "", arg ? arg : "");
	return xasprintf("      --%s%s%s", slot_name(s), arg ? " " : "", arg ? arg : "");
}

/* Append text to b after a left column of width characters that is already
 * there, breaking it at blanks so that lines stay within HELP_COLUMNS;
 * continuation lines are indented to the column. */
#define HELP_COLUMNS 79
static void
add_wrapped(struct buf *b, const char *text, size_t width)
{
	size_t used = width;

	while (*text != '\0') {
		size_t word = strcspn(text, " ");
		size_t w = utf8_count(text, word);
		if (used > width && used + 1 + w > HELP_COLUMNS) {
			buf_printf(b, "\n%*s", (int)width, "");
			used = width;
		} else if (used > width) {
			buf_addc(b, ' ');
			used++;
		}
		buf_add(b, text, word);
		used += w;
		text += word;
		while (*text == ' ')
			text++;
	}
	buf_addc(b, '\n');
}

int
cmd_print_help(FILE *out, const struct cmd_entry *c)
{
	struct buf b = {0};
	struct slot *slots;
	size_t n = slots_of(c, &slots), width = strlen("  -h, --help");
	char *line = usage_line(c), *text;
	int rc;

	for (size_t k = 0; k < n; k++) {
		char *col = help_column(&slots[k]);
		if (strlen(col) > width)
			width = strlen(col);
		free(col);
	}
	buf_printf(&b, "%s\n  %s\n\nOptionen:\n", line, c->summary);
	width += 2;
	for (size_t k = 0; k < n; k++) {
		const struct vocab_values *v = slot_values(&slots[k]);
		char *col = help_column(&slots[k]), *help;
		help = xasprintf("%s%s", slot_help(&slots[k]),
		                 slot_required(&slots[k]) ? " (Pflicht)" : "");
		buf_printf(&b, "%-*s", (int)width, col);
		add_wrapped(&b, help, width);
		free(help);
		if (v != NULL) {
			char *values = values_for_help(v);
			help = xasprintf("erlaubt: %s", values);
			buf_printf(&b, "%*s", (int)width, "");
			add_wrapped(&b, help, width);
			free(help);
			free(values);
		}
		free(col);
	}
	buf_printf(&b, "%-*s", (int)width,
	           short_help(c) ? "  -h, --help" : "      --help");
	add_wrapped(&b, "diese Hilfe", width);
	text = buf_steal(&b);
	rc = cli_print(out, text);
	free(text);
	free(line);
	free(slots);
	return rc;
}

/* Append field to b for the completion table: "-" when NULL or empty. */
static void
table_field(struct buf *b, const char *field)
{
	buf_addc(b, '\t');
	buf_adds(b, field != NULL && field[0] != '\0' ? field : "-");
}

int
cmd_print_table(FILE *out)
{
	struct buf b = {0};
	char *text;
	int rc;

	for (size_t i = 0; i < cmd_table_count; i++) {
		const struct cmd_entry *c = cmd_table[i];
		struct slot *slots;
		size_t n = slots_of(c, &slots);

		buf_adds(&b, "command");
		table_field(&b, c->name);
		table_field(&b, c->args);
		table_field(&b, c->summary);
		buf_addc(&b, '\n');
		for (size_t k = 0; k <= n; k++) {
			const struct slot *s = k < n ? &slots[k] : NULL;
			const struct vocab_values *v = s ? slot_values(s) : NULL;
			char *name = xasprintf("--%s", s ? slot_name(s) : "help");
			char *short_name =
			    s == NULL            ? (short_help(c) ? xstrdup("-h") : NULL)
			    : slot_short(s) != 0 ? xasprintf("-%c", slot_short(s))
			                         : NULL;
			char *values = v ? vocab_values_join(v, "|") : NULL;

			buf_adds(&b, "option");
			table_field(&b, c->name);
			table_field(&b, name);
			table_field(&b, short_name);
			table_field(&b, s ? slot_arg(s) : NULL);
			table_field(&b, values);
			table_field(&b, s ? slot_help(s) : "diese Hilfe");
			buf_addc(&b, '\n');
			free(name);
			free(short_name);
			free(values);
		}
		free(slots);
	}
	text = buf_steal(&b);
	rc = cli_print(out, text);
	free(text);
	return rc;
}

/* The slot whose short name is c, or -1. */
static int
slot_by_short(const struct slot *slots, size_t n, int c)
{
	for (size_t k = 0; k < n; k++)
		if (slot_short(&slots[k]) == c)
			return (int)k;
	return -1;
}

/* The option as typed, for messages: "--name" for getopt_long's code of a
 * slot, "-c" for a short option's. Caller frees. */
static char *
typed_name(const struct slot *slots, size_t n, int code)
{
	if (code >= SLOT_CODE && (size_t)(code - SLOT_CODE) < n)
		return xasprintf("--%s", slot_name(&slots[code - SLOT_CODE]));
	return xasprintf("-%c", code);
}

/* Report an error in the command line of c and return its usage status. */
static int
usage_error(const struct cmd_entry *c, const char *message)
{
	cli_error("%s: %s", c->name, message);
	return cmd_usage(c);
}

/*
 * Check what was parsed: the number of operands and the required options
 * (exit 1), the fixed values and the required options' being not empty.
 * Returns 0 or the exit status, the message printed.
 */
static int
check_args(const struct cmd_entry *c, const struct slot *slots, size_t n,
           const struct cmd_args *a)
{
	char *message;
	int status;

	if (a->operand_count < (size_t)c->operands_min)
		return usage_error(c, "zu wenige Argumente");
	if (c->operands_max >= 0 && a->operand_count > (size_t)c->operands_max) {
		message =
		    xasprintf("zu viele Argumente („%s“)", a->operands[c->operands_max]);
		status = usage_error(c, message);
		free(message);
		return status;
	}
	for (size_t k = 0; k < n; k++)
		if (slot_required(&slots[k]) && a->field[slots[k].index] == NULL) {
			message =
			    xasprintf("--%s %s fehlt", slot_name(&slots[k]),
			              slot_arg(&slots[k]) ? slot_arg(&slots[k]) : "");
			status = usage_error(c, message);
			free(message);
			return status;
		}
	for (size_t k = 0; k < n; k++) {
		const struct slot *s = &slots[k];
		const struct vocab_values *v = slot_values(s);
		const char *value = s->own ? a->option[s->index] : a->field[s->index];
		char *allowed;

		if (value == NULL)
			continue;
		if (slot_required(s) && value[0] == '\0') {
			cli_error("%s: --%s darf nicht leer sein", c->name, slot_name(s));
			return EXIT_INVALID;
		}
		if (v == NULL || vocab_value_find(v, value) >= 0)
			continue;
		allowed = vocab_values_join(v, ", ");
		if (v->none != NULL) /* "keine Zentralitätsstufe" */
			cli_error("%s: --%s: „%s“ ist %s; erlaubt: %s", c->name,
			          slot_name(s), value, v->none, allowed);
		else
			cli_error("%s: „%s“ ist für --%s nicht erlaubt; erlaubt: %s",
			          c->name, value, slot_name(s), allowed);
		free(allowed);
		/* a record's value is invalid (2); a choice of the command is usage (1)
		 */
		return s->field != NULL ? EXIT_INVALID : cmd_usage(c);
	}
	return 0;
}

/* In the copy of argv that getopt_long reads, this stands for a word that
 * is an operand although it starts with "-" (CMD_DASH_OPERANDS). */
static char dash_operand[] = "";

/*
 * The words getopt_long is to read: argv, but for a command with
 * CMD_DASH_OPERANDS every word before "--" that starts with a single "-"
 * and not with one of the command's own short options is dash_operand.
 * Caller frees the array (not the strings).
 */
static char **
words_for_getopt(const struct cmd_entry *c, const struct slot *slots, size_t n, int argc,
                 char **argv)
{
	char **words = xcalloc((size_t)argc + 1, sizeof *words);

	for (int i = 0; i < argc; i++)
		words[i] = argv[i];
	if (!(c->flags & CMD_DASH_OPERANDS))
		return words;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (argv[i][0] == '-' && argv[i][1] != '-' && argv[i][1] != '\0' &&
		    slot_by_short(slots, n, (unsigned char)argv[i][1]) < 0)
			words[i] = dash_operand;
	return words;
}

/*
 * Parse argv for c into a (freed by args_free). Returns 0 when the handler
 * is to run; otherwise the exit status, with the message or the help
 * printed.
 */
static int
parse(const struct cmd_entry *c, int argc, char **argv, struct cmd_args *a, int *status)
{
	struct slot *slots;
	size_t n = slots_of(c, &slots);
	struct option *longopts = xcalloc(n + 2, sizeof *longopts);
	struct buf shorts = {0};
	char *message = NULL, **words = words_for_getopt(c, slots, n, argc, argv);
	int code;

	a->entry = c;
	a->option = xcalloc(c->option_count + 1, sizeof *a->option);
	a->field = xcalloc((c->fields ? c->fields->count : 0) + 1, sizeof *a->field);
	a->operands = xcalloc((size_t)argc + 1, sizeof *a->operands);
	/* '-': operands come back in order as code 1 (also with POSIXLY_CORRECT);
	 * ':': a missing value comes back as ':' */
	buf_adds(&shorts, short_help(c) ? "-:h" : "-:");
	for (size_t k = 0; k < n; k++) {
		longopts[k].name = slot_name(&slots[k]);
		longopts[k].has_arg =
		    slot_arg(&slots[k]) ? required_argument : no_argument;
		longopts[k].val = SLOT_CODE + (int)k;
		if (slot_short(&slots[k])) {
			buf_addc(&shorts, (char)slot_short(&slots[k]));
			if (slot_arg(&slots[k]))
				buf_addc(&shorts, ':');
		}
	}
	longopts[n] = (struct option){"help", no_argument, NULL, HELP_CODE};

	optind = 0; /* GNU: a full reset */
	opterr = 0;
	*status = EXIT_OK;
	while ((code = getopt_long(argc, words, shorts.data, longopts, NULL)) != -1) {
		const struct slot *s;
		/* an operand or a value: when a separate word, the one just read */
		char *value = optarg == dash_operand ? argv[optind - 1] : optarg;
		int k;

		if (code == 1) {
			a->operands[a->operand_count++] = value;
			continue;
		}
		if (code == 'h' || code == HELP_CODE) {
			*status = cmd_print_help(stdout, c) == 0 && fflush(stdout) == 0
			              ? EXIT_OK
			              : EXIT_INVALID;
			goto stop;
		}
		if (code == ':') {
			char *name = typed_name(slots, n, optopt);
			message = xasprintf("%s braucht einen Wert", name);
			free(name);
			goto usage;
		}
		if (code == '?') {
			if (optopt >= SLOT_CODE) {
				char *name = typed_name(slots, n, optopt);
				message = xasprintf("%s nimmt keinen Wert", name);
				free(name);
			} else if (optopt == HELP_CODE) {
				message = xstrdup("--help nimmt keinen Wert");
			} else {
				const char *typed = argv[optind - 1];
				/* an operand that starts with "-" is written after "--"
				 */
				const char *hint =
				    c->operands_max != 0
				        ? " (ein Argument, das mit „-“ beginnt, "
				          "gehört hinter „--“)"
				        : "";
				if (optopt != 0)
					message = xasprintf("unbekannte Option „-%c“%s",
					                    optopt, hint);
				else
					message = xasprintf("unbekannte Option „%.*s“%s",
					                    (int)strcspn(typed, "="),
					                    typed, hint);
			}
			goto usage;
		}
		k = code >= SLOT_CODE ? code - SLOT_CODE : slot_by_short(slots, n, code);
		s = &slots[k];
		if (slot_arg(s) == NULL) {
			a->option[s->index] = argv[optind - 1];
			continue;
		}
		if (s->own != NULL && value[0] == '\0') {
			char *name = typed_name(slots, n, code);
			message =
			    xasprintf("%s braucht einen Wert (%s)", name, slot_arg(s));
			free(name);
			goto usage;
		}
		if (s->own != NULL)
			a->option[s->index] = value;
		else
			a->field[s->index] = value;
	}
	for (int i = optind; i < argc; i++) /* after "--" */
		a->operands[a->operand_count++] = argv[i];
	*status = check_args(c, slots, n, a);
	goto stop;
usage:
	*status = usage_error(c, message);
	free(message);
stop:
	free(words);
	buf_free(&shorts);
	free(longopts);
	free(slots);
	return *status != EXIT_OK || code != -1 ? -1 : 0;
}

static void
args_free(struct cmd_args *a)
{
	free(a->option);
	free(a->field);
	free(a->operands);
}

int
cmd_run(const struct cmd_entry *c, int argc, char **argv)
{
	struct cmd_args a = {0};
	int status;

	if (parse(c, argc, argv, &a, &status) == 0)
		status = c->run(&a);
	args_free(&a);
	return status;
}

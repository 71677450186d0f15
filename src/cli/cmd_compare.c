/*
 * cmd_compare.c: the 'compare' command: how a town developed between two
 * audits, as German text, tsv or JSON. With two sessions it compares them
 * (the same Kommune, the older first, unless --force); with one, that
 * re-audit against the copy of its previous audit it keeps. Both are opened
 * read-only. CLI layer: prints; compare_sessions (model/compare.h) computes
 * and formats, the same as the interview's Entwicklung screen and the
 * workbook's sheet Entwicklung.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/cmd.h"
#include "model/compare.h"

/* A formatter of compare_format.c: returns a string the caller frees. */
typedef char *compare_formatter(const struct compare_result *);

/* The output formats and, in the same order, their formatters. */
static const struct vocab_value format_names[] = {
    {"text", "deutscher Text"},
    {"tsv", "tabulatorgetrennt"},
    {"json", "JSON"},
};
static compare_formatter *const formatters[] = {
    compare_format_text,
    compare_format_tsv,
    compare_format_json,
};
_Static_assert(CMD_COUNT(format_names) == CMD_COUNT(formatters),
               "one formatter per format name");
static const struct vocab_values compare_formats = {
    .name = "Ausgabeformat",
    .items = format_names,
    .count = CMD_COUNT(format_names),
    .none = "kein Ausgabeformat",
};

enum { OPT_FORMAT, OPT_FORCE };

static const struct cmd_option compare_options[] = {
    [OPT_FORMAT] = {"format", 0, "FORMAT", "Ausgabeformat (Vorgabe: text)",
                    &compare_formats},
    [OPT_FORCE] = {"force", 0, NULL,
                   "auch verschiedene Kommunen oder das jüngere Audit zuerst vergleichen",
                   NULL},
};

static int
run_compare(const struct cmd_args *a)
{
	const char *name = a->option[OPT_FORMAT] ? a->option[OPT_FORMAT] : "text";
	compare_formatter *format = formatters[vocab_value_find(&compare_formats, name)];
	struct session *first, *second = NULL;
	const struct session *prev, *cur;
	struct compare_result r;
	char *why = NULL, *text;
	int status;

	first = cli_open_session(a->operands[0], SESSION_READ_ONLY, &status);
	if (first == NULL)
		return status;
	if (a->operand_count == 2) {
		second = cli_open_session(a->operands[1], SESSION_READ_ONLY, &status);
		if (second == NULL) {
			session_free(first);
			return status;
		}
		prev = first;
		cur = second;
	} else if (first->previous != NULL) {
		prev = first->previous;
		cur = first;
	} else {
		cli_error("%s: kein vorheriges Audit gespeichert (ein Re-Audit mit new "
		          "--vorher anlegen oder im Programm mit F8 verknüpfen) – oder "
		          "zwei Sitzungen nennen: compare VORHER JETZT",
		          a->operands[0]);
		session_free(first);
		return EXIT_INVALID;
	}
	if (compare_sessions(prev, cur, a->option[OPT_FORCE] != NULL ? COMPARE_FORCE : 0,
	                     &r, &why) != 0) {
		cli_error("%s", why);
		free(why);
		session_free(second);
		session_free(first);
		return EXIT_INVALID;
	}
	text = format(&r);
	compare_result_free(&r);
	session_free(second);
	session_free(first);
	/* names and texts come from the sessions: no control character of
	 * theirs reaches the terminal (JSON escapes its own) */
	cli_print(stdout, text);
	free(text);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write the comparison: standard output failed");
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

const struct cmd_entry cmd_compare_entry = {
    .name = "compare",
    .args = "[PREV] SESSION",
    .summary = "compare an audit with the town's previous one",
    .options = compare_options,
    .option_count = CMD_COUNT(compare_options),
    .operands_min = 1,
    .operands_max = 2,
    .run = run_compare,
};

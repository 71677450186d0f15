/*
 * kind.h: the question kinds (yesno, choice, multi, number, scale, text,
 * date), one row per kind in one table. Everything that depends on a
 * question's type lives in that kind's file, src/model/kind_<name>.c: the
 * YAML keys it takes and how the loader reads and checks them, its maximum
 * points, the value syntax of `set` (parser and canonical formatter), the
 * label a person reads, its points, and how the interview lets a person
 * enter it (a list, a typed value or free text, with the typing filter and
 * the German hint). form.c, answer.c, score.c and the TUI ask this table
 * instead of switching on the type.
 *
 * Adding a kind: a file kind_<name>.c defining `const struct question_kind
 * kind_<name>`, its constant in enum question_type below, its row in the
 * table in kind.c (with its extern in kind_private.h), its section in
 * man/wohnort-audit-form.5 and its rows in tests/test_kind.c.
 *
 * Model code: pure functions and data; never prints, never exits, never
 * includes curses. Characters are Unicode code points (uint32_t), so the
 * interview's typing rules need no terminal library.
 */
#ifndef KIND_H
#define KIND_H

#include <stddef.h>
#include <stdint.h>

struct answer;
struct form_question;
struct form_loader; /* form_private.h */
struct ynode;       /* form_private.h */

/* The question types, in the order of the kind table (kind.c). */
enum question_type {
	QUESTION_YESNO,
	QUESTION_CHOICE,
	QUESTION_MULTI,
	QUESTION_NUMBER,
	QUESTION_SCALE,
	QUESTION_TEXT,
	QUESTION_DATE,
};
/* The number of types (rows of the kind table; kind.c checks it). */
#define QUESTION_TYPE_COUNT 7

/* How the interview lets a person answer a question. */
enum kind_input {
	KIND_INPUT_LIST,  /* pick rows of a list (↑/↓, digits, Leertaste) */
	KIND_INPUT_TYPED, /* type a short value on one line (kind_typeable filters) */
	KIND_INPUT_TEXT,  /* free text over several rows: every printable key types */
};

/* What a spreadsheet cell holds for a typed answer (the Dokumentationstabelle
 * formats and validates it so). */
enum kind_cell {
	KIND_CELL_TEXT = 0, /* text, kept as typed */
	KIND_CELL_NUMBER,   /* a whole number from number_min to number_max */
	KIND_CELL_DATE,     /* a date */
};

/*
 * One question kind. Hooks get a question of this kind; answer hooks get a
 * given answer (state ANSWER_GIVEN: "open" and "entfällt" are handled once,
 * in answer.c). Strings returned by hooks are the caller's to free; a NULL
 * hook means the default named beside it.
 */
struct question_kind {
	const char *name;  /* as written in the form file: "yesno" */
	const char *label; /* German, on the question line: "Ja/Nein" */
	/* YAML keys of its own besides the common ones (id, type, text …),
	 * NULL-terminated; a key of another kind is refused */
	const char *const *keys;
	int scored;          /* answers carry points (text and date do not) */
	enum kind_cell cell; /* a typed answer's spreadsheet cell */
	int options;         /* has options that a show_if may name (choice, multi) */

	/* Read and check the kind's own keys of question node qn into q
	 * (problems reported through the loader, form_private.h). NULL: none. */
	void (*load)(struct form_loader *ld, struct form_question *q,
	             const struct ynode *qn, const char *what);
	/* The most a question can score. NULL: 0. */
	int (*max_points)(const struct form_question *q);

	/* Parse value (valid UTF-8, not "entfällt") into *a, whose state is
	 * already ANSWER_GIVEN. 0, or -1 with *why (German, caller frees). */
	int (*parse)(const struct form_question *q, const char *value, struct answer *a,
	             char **why);
	/* What an answer looks like, to complete "bitte … eingeben". */
	char *(*expected)(const struct form_question *q);
	/* The canonical `set` value. */
	char *(*format)(const struct form_question *q, const struct answer *a);
	/* The label a person reads ("Ja", option labels, "3 von 5" …). */
	char *(*label_of)(const struct form_question *q, const struct answer *a);
	/* The answer as shown on screen and in the workbook. NULL: label_of. */
	char *(*shown)(const struct form_question *q, const struct answer *a);
	/* The saved value as put back into an editor to correct. NULL: format. */
	char *(*editable)(const struct form_question *q, const struct answer *a);
	/* Points the answer earns. NULL: 0. */
	int (*points)(const struct form_question *q, const struct answer *a);
	/* Whether option number option is chosen. NULL: never. */
	int (*option_chosen)(const struct form_question *q, const struct answer *a,
	                     int option);

	/* The interview's input. */
	enum kind_input (*input)(const struct form_question *q);
	/* Whether character c may be typed at position pos. NULL: nothing. */
	int (*typeable)(const struct form_question *q, uint32_t c, size_t pos);
	/* The line under a typed answer. NULL: "<expected> tippen; Enter speichert". */
	char *(*hint)(const struct form_question *q);
	/* The editor text a shortcut key puts in (the date's t = today), or
	 * NULL when key is no shortcut. NULL hook: no shortcuts. */
	char *(*shortcut)(const struct form_question *q, uint32_t key);

	/* List input (the hooks are NULL for kinds that are never a list). */
	int list_first_digit; /* the digit that picks row 0: 1, or 0 for a scale */
	int list_multiple;    /* rows are ticked on and off (multi) */
	int list_na_row;      /* with na: the list ends with an "entfällt" row */
	int (*list_rows)(const struct form_question *q); /* without "entfällt" */
	const char *(*list_label)(const struct form_question *q, int row);
	char *(*list_value)(const struct form_question *q, const struct answer *a,
	                    int row);
	int (*list_row)(const struct form_question *q, const struct answer *a);
};

/* ---- the table ---- */

/* The kind of type; NULL for a value outside the enum. Borrowed (static). */
const struct question_kind *kind_get(enum question_type type);

/* The kind of question q. Never NULL for a loaded question. */
const struct question_kind *kind_of(const struct form_question *q);

/* The kind whose YAML name is name, or -1. */
int kind_find(const char *name);

/* The YAML names joined with sep ("yesno, choice, …"), for messages. Caller frees. */
char *kind_names(const char *sep);

/* ---- for the interview (what the TUI asks instead of the type) ---- */

/* The German kind label for the question line: "Ja/Nein", "Zahl" …. Borrowed. */
const char *kind_label(const struct form_question *q);

/* How q is answered: a list, a typed value or free text. */
enum kind_input kind_input(const struct form_question *q);

/* What a spreadsheet cell of q's typed answer holds. */
enum kind_cell kind_cell(const struct form_question *q);

/*
 * kind_typeable: whether the character c (a Unicode code point, never a
 * function-key code) may be typed into q's answer at position pos (0 =
 * first character of the value). Control characters never may; list
 * kinds take no typing. Text follows iswprint, so the caller's LC_CTYPE
 * must be a UTF-8 locale (the interview's is).
 */
int kind_typeable(const struct form_question *q, uint32_t c, size_t pos);

/* The German line that says what to type ("Datum TT.MM.JJJJ tippen (t =
 * heute); Enter speichert"). Caller frees. */
char *kind_hint(const struct form_question *q);

/* The editor text shortcut key puts in (t on a date question: today as
 * TT.MM.JJJJ), or NULL when key is no shortcut of q. Caller frees. */
char *kind_shortcut(const struct form_question *q, uint32_t key);

/* List input (only for kind_input() == KIND_INPUT_LIST). Rows count from 0;
 * the "entfällt" row, where there is one, comes last. */

/* Rows of the list, with the "entfällt" row. */
int kind_list_rows(const struct form_question *q);

/* Rows that are options (without "entfällt"). */
int kind_list_options(const struct form_question *q);

/* The label of row ("Ja", the option's label, the scale label or "",
 * "entfällt"). Borrowed from the form or static. */
const char *kind_list_label(const struct form_question *q, int row);

/* The digit that picks row 0 (1, or 0 on a scale); row r is picked by digit
 * r + first; the "entfällt" row by the next digit after the last option. */
int kind_list_first_digit(const struct form_question *q);

/* Whether rows are ticked on and off, several at a time (multi). */
int kind_list_multiple(const struct form_question *q);

/*
 * kind_list_value: the `set` value that picking row gives, with a the saved
 * answer: the row's value; on a multi question the saved set with that
 * option switched; "entfaellt" for the "entfällt" row. Caller frees.
 */
char *kind_list_value(const struct form_question *q, const struct answer *a, int row);

/* The row that shows the saved answer a (the "entfällt" row for a single
 * choice that was answered so), or -1 (open, or a multi question). */
int kind_list_row(const struct form_question *q, const struct answer *a);

/* Whether row is ticked in a (multi; other kinds: the row kind_list_row
 * gives). */
int kind_list_ticked(const struct form_question *q, const struct answer *a, int row);

#endif

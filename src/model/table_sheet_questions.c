/*
 * table_sheet_questions.c: the sheet "Fragen" of the Dokumentationstabelle,
 * written and read back: one row per question in form order (a follow-up
 * says when it applies, „nur wenn 1.1 = Ja“), with Nr, Handlungsfeld,
 * Frage, the form's Erläuterung and evidence, the possible answers, and
 * the town's input cells: Angabe der Kommune (a drop-down for list
 * questions, whole numbers in the form's range, dates), Erläuterung der
 * Kommune and Nachweis. A multi question gets one row per option below
 * it, marked Ja or Nein. The hidden columns hold each row's question id and
 * option id. What the kind of a question is comes from the kind table
 * (kind.h). Reading validates each value as `set` does (answer_parse).
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/xlsxread.h"
#include "model/interview.h"
#include "model/export_private.h"
#include "model/kind.h"
#include "model/table_private.h"

enum {
	COL_NUMBER,
	COL_SECTION,
	COL_QUESTION,
	COL_HELP,
	COL_ANSWERS,
	COL_TOWN,
	COL_TEXT,
	COL_EVIDENCE,
	COL_KEY,
	COL_OPTION,
	COLUMNS
};

#define HEAD_KEY "Frage-ID"
#define HEAD_OPTION "Option"

/* The headings; the input columns' come from the vocabulary. */
static const char *
heading(lxw_col_t col)
{
	static const char *const heads[COLUMNS] = {"Nr",
	                                           "Handlungsfeld",
	                                           "Frage",
	                                           "Erläuterung (Prüfbogen)",
	                                           "Mögliche Antworten",
	                                           TOWN_ANSWER_LABEL,
	                                           NULL,
	                                           NULL,
	                                           HEAD_KEY,
	                                           HEAD_OPTION};

	if (col == COL_TEXT)
		return vocab_field(&vocab_town_item, "text")->label;
	if (col == COL_EVIDENCE)
		return vocab_field(&vocab_town_item, "evidence")->label;
	return heads[col];
}

static const double widths[COL_KEY] = {5.5, 14, 40, 34, 20, 18, 30, 22};

#define ROW_HEAD 2 /* the headings; questions from the next row */

/* Characters of a refused value repeated in a message. */
#define SHOWN_MAX 60

/* ---- writing ---- */

/* "a", "b", … "z", "aa" …: the letter of option i. */
static void
option_letter(size_t i, char out[8])
{
	char tmp[8];
	size_t n = 0;

	for (i++; i > 0 && n < 6; i /= 26) {
		i--;
		tmp[n++] = (char)('a' + i % 26);
	}
	for (size_t k = 0; k < n; k++)
		out[k] = tmp[n - 1 - k];
	out[n] = '\0';
}

/* The condition of a follow-up, „nur wenn 1.1 = Ja“, or NULL. Caller frees. */
static char *
condition(const struct form *f, const struct form_question *q)
{
	const struct form_question *p;
	char *nr, *out;
	struct buf b = {0};

	if (q->show_if_question < 0)
		return NULL;
	p = &f->questions[q->show_if_question];
	nr = interview_number(f, (size_t)q->show_if_question);
	if (q->show_if_option >= 0) {
		const char *label = p->options[q->show_if_option].label;
		out = kind_list_multiple(p)
		          ? xasprintf("nur wenn bei %s „%s“ zutrifft", nr, label)
		          : xasprintf("nur wenn %s = %s", nr, label);
		free(nr);
		return out;
	}
	/* shown when the answer scores: name the rows of a list that do */
	if (kind_input(p) == KIND_INPUT_LIST && !kind_list_multiple(p)) {
		struct answer none = {0};
		for (int r = 0; r < kind_list_options(p); r++) {
			char *value = kind_list_value(p, &none, r), *why = NULL;
			struct answer a = {0};
			if (answer_parse(p, value, &a, &why) == 0 &&
			    answer_points(p, &a) > 0)
				buf_printf(&b, "%s%s", b.len ? " oder " : "",
				           kind_list_label(p, r));
			answer_clear(&a);
			free(why);
			free(value);
		}
	}
	out = b.len > 0 ? xasprintf("nur wenn %s = %s", nr, b.data)
	                : xasprintf("nur wenn die Antwort auf %s Punkte bringt", nr);
	buf_free(&b);
	free(nr);
	return out;
}

/* The form's Erläuterung and the evidence it asks for. Caller frees. */
static char *
help_text(const struct form_question *q)
{
	if (q->evidence != NULL)
		return xasprintf("%s%sNachweis: %s", q->help ? q->help : "",
		                 q->help ? "\n" : "", q->evidence);
	return xstrdup(q->help ? q->help : "");
}

/* The possible answers as the column shows them. Caller frees. */
static char *
answers_text(const struct form_question *q)
{
	struct buf b = {0};

	if (kind_list_multiple(q)) {
		buf_adds(&b, "mehrere möglich: in den Zeilen darunter je Option „Ja“ "
		             "oder „Nein“ wählen");
		if (q->na_allowed)
			buf_adds(&b, "; oder hier „entfällt“");
	} else if (kind_input(q) == KIND_INPUT_LIST) {
		size_t n, total = 0;
		char **entries = table_entries(q, &n);
		for (size_t i = 0; i < n; i++)
			total += strlen(entries[i]) + 3;
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s",
			           i == 0        ? ""
			           : total <= 28 ? " / "
			                         : "\n",
			           entries[i]);
		table_entries_free(entries, n);
	} else {
		char *what = answer_expected(q);
		buf_adds(&b, what);
		if (q->na_allowed)
			buf_adds(&b, " oder „entfällt“");
		free(what);
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* "F14": the cell at row, col. */
static void
cell_name(lxw_row_t row, lxw_col_t col, char out[16])
{
	char c[4];

	export_col_name(c, col);
	snprintf(out, 16, "%s%u", c, (unsigned)row + 1);
}

/* The validation of a typed answer in cell row/col. */
static void
validate_typed(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
               const struct form_question *q)
{
	lxw_data_validation v = {0};
	char *what = answer_expected(q), *message, *formula = NULL, at[16];
	enum kind_cell kc = kind_cell(q);
	lxw_datetime first = {DATE_MIN_YEAR, 1, 1, 0, 0, 0},
	             last = {DATE_MAX_YEAR, 12, 31, 0, 0, 0};

	if (kc == KIND_CELL_TEXT) {
		free(what);
		return;
	}
	message = xasprintf("Bitte %s eingeben%s.", what,
	                    q->na_allowed ? " (oder „entfällt“)" : "");
	cell_name(row, col, at);
	if (q->na_allowed) {
		/* "entfällt" as well: a formula */
		if (kc == KIND_CELL_NUMBER && q->number_max != LONG_MAX)
			formula = xasprintf(
			    "=OR(%s=\"entfällt\",AND(ISNUMBER(%s),INT(%s)=%s,"
			    "%s>=%ld,%s<=%ld))",
			    at, at, at, at, at, q->number_min, at, q->number_max);
		else if (kc == KIND_CELL_NUMBER)
			formula =
			    xasprintf("=OR(%s=\"entfällt\",AND(ISNUMBER(%s),INT(%s)=%s,"
			              "%s>=%ld))",
			              at, at, at, at, at, q->number_min);
		else
			formula = xasprintf(
			    "=OR(%s=\"entfällt\",AND(ISNUMBER(%s),%s>=DATE(%d,1,"
			    "1),%s<=DATE(%d,12,31)))",
			    at, at, at, DATE_MIN_YEAR, at, DATE_MAX_YEAR);
		v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
		v.value_formula = formula;
	} else if (kc == KIND_CELL_NUMBER) {
		v.validate = LXW_VALIDATION_TYPE_INTEGER;
		if (q->number_max == LONG_MAX) {
			v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
			v.value_number = (double)q->number_min;
		} else {
			v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
			v.minimum_number = (double)q->number_min;
			v.maximum_number = (double)q->number_max;
		}
	} else {
		v.validate = LXW_VALIDATION_TYPE_DATE;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = first;
		v.maximum_datetime = last;
	}
	v.error_title = "Ungültige Angabe";
	v.error_message = message;
	table_check(c, worksheet_data_validation_cell(ws, row, col, &v));
	free(formula);
	free(message);
	free(what);
}

/* The town's earlier answer in a typed cell (so a table written again
 * keeps what the town said), else an empty input cell. */
static void
put_typed(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row,
          const struct form_question *q, const struct answer *a)
{
	enum kind_cell kc = kind_cell(q);
	lxw_format *fmt = kc == KIND_CELL_NUMBER ? c->fmt.input_number
	                  : kc == KIND_CELL_DATE ? c->fmt.input_date
	                                         : c->fmt.input;
	int y, m, d;

	if (a->state == ANSWER_GIVEN && kc == KIND_CELL_NUMBER) {
		table_check(
		    c, worksheet_write_number(ws, row, COL_TOWN, (double)a->number, fmt));
	} else if (a->state == ANSWER_GIVEN && kc == KIND_CELL_DATE && a->text != NULL &&
	           date_split(a->text, &y, &m, &d) == 0) {
		lxw_datetime dt = {y, m, d, 0, 0, 0};
		table_check(c, worksheet_write_datetime(ws, row, COL_TOWN, &dt, fmt));
	} else if (a->state == ANSWER_NA) {
		table_put_text(c, ws, row, COL_TOWN, "entfällt", fmt);
	} else {
		char *v = a->state == ANSWER_GIVEN ? answer_format(q, a) : NULL;
		table_put_text(c, ws, row, COL_TOWN, v, fmt);
		free(v);
	}
	validate_typed(c, ws, row, COL_TOWN, q);
}

/* The entry of a list question's earlier answer, or "". Caller frees. */
static char *
list_shown(const struct form_question *q, const struct answer *a)
{
	int r = kind_list_row(q, a);
	size_t n;
	char **entries;
	char *out;

	if (a->state == ANSWER_OPEN || r < 0)
		return xstrdup("");
	entries = table_entries(q, &n);
	out = xstrdup((size_t)r < n ? entries[r] : "");
	table_entries_free(entries, n);
	return out;
}

/* One row per option of a multi question, below it. Returns the next row. */
static lxw_row_t
put_options(struct table_ctx *c, lxw_worksheet *ws, lxw_row_t row, size_t qi,
            const char *number, const char *section)
{
	const struct form_question *q = &c->f->questions[qi];
	const struct town_item *town = &c->s->town->items[qi];

	for (size_t o = 0; o < q->option_count; o++, row++) {
		char letter[8], *nr, *label;
		const char *mark = "";
		option_letter(o, letter);
		nr = xasprintf("%s %s)", number, letter);
		label = xasprintf("   %s", q->options[o].label);
		if (town->answer.state == ANSWER_GIVEN)
			mark = table_mark_entries
			    [answer_option_chosen(q, &town->answer, (int)o) ? 0 : 1];
		table_put_text(c, ws, row, COL_NUMBER, nr, c->fmt.cell);
		table_put_text(c, ws, row, COL_SECTION, section, c->fmt.cell);
		table_put_text(c, ws, row, COL_QUESTION, label, c->fmt.cell);
		table_put_text(c, ws, row, COL_HELP, "", c->fmt.cell);
		table_put_text(c, ws, row, COL_ANSWERS, "Ja / Nein", c->fmt.cell);
		table_put_text(c, ws, row, COL_TOWN, mark, c->fmt.input_list);
		table_dropdown(c, ws, row, COL_TOWN, table_mark_entries, 2);
		table_put_text(c, ws, row, COL_TEXT, "", c->fmt.blank);
		table_put_text(c, ws, row, COL_EVIDENCE, "", c->fmt.blank);
		table_put_text(c, ws, row, COL_KEY, q->full_id, c->fmt.machine);
		table_put_text(c, ws, row, COL_OPTION, q->options[o].id, c->fmt.machine);
		{
			const char *texts[COL_KEY] = {nr,          section, label, "",
			                              "Ja / Nein", mark,    "",    ""};
			table_row_height(c, ws, row, texts, widths, COL_KEY, 1);
		}
		free(label);
		free(nr);
	}
	return row;
}

static void
questions_write(struct table_ctx *c, lxw_worksheet *ws)
{
	const struct form *f = c->f;
	lxw_row_t row = ROW_HEAD + 1;

	for (lxw_col_t col = 0; col < COL_KEY; col++)
		table_check(c, worksheet_set_column(ws, col, col, widths[col], NULL));
	table_put_mark(c, ws, COL_KEY, TABLE_SHEET_QUESTIONS);
	table_define_names(c, TABLE_SHEET_QUESTIONS, COL_KEY);
	table_put_merged(c, ws, 0, 0, COL_EVIDENCE, "Fragen des Prüfbogens",
	                 c->fmt.title);
	table_put_merged(c, ws, 1, 0, COL_EVIDENCE,
	                 "Bitte die gelben Felder ausfüllen: Ihre Angabe (bei Listen aus "
	                 "der Auswahl), eine kurze Erläuterung und wo der Nachweis im "
	                 "Ordner liegt. Leere Felder besprechen wir im Prüfgespräch.",
	                 c->fmt.intro);
	table_check(c, worksheet_set_row(ws, 1, 32, NULL));
	table_check(c, worksheet_set_row(ws, ROW_HEAD, 32, NULL));
	for (lxw_col_t col = 0; col < COLUMNS; col++)
		table_put_text(c, ws, ROW_HEAD, col, heading(col),
		               col < COL_KEY ? c->fmt.head : c->fmt.machine);

	for (size_t qi = 0; qi < f->question_count && c->err == LXW_NO_ERROR; qi++) {
		const struct form_question *q = &f->questions[qi];
		const struct town_item *town = &c->s->town->items[qi];
		char *number = interview_number(f, qi);
		char *section =
		    xasprintf("%zu %s", q->section + 1, f->sections[q->section].title);
		char *cond = condition(f, q);
		char *text = cond != NULL ? xasprintf("(%s)\n%s", cond, q->text)
		                          : xstrdup(q->text);
		char *help = help_text(q), *answers = answers_text(q);

		table_put_text(c, ws, row, COL_NUMBER, number, c->fmt.cell);
		table_put_text(c, ws, row, COL_SECTION, section, c->fmt.cell);
		table_put_text(c, ws, row, COL_QUESTION, text, c->fmt.cell);
		table_put_text(c, ws, row, COL_HELP, help, c->fmt.cell);
		table_put_text(c, ws, row, COL_ANSWERS, answers, c->fmt.cell);
		if (kind_list_multiple(q)) {
			static const char *const na[] = {"entfällt"};
			if (q->na_allowed) {
				table_put_text(c, ws, row, COL_TOWN,
				               town->answer.state == ANSWER_NA ? na[0]
				                                               : "",
				               c->fmt.input_list);
				table_dropdown(c, ws, row, COL_TOWN, na, 1);
			} else {
				table_put_text(c, ws, row, COL_TOWN, "", c->fmt.blank);
			}
		} else if (kind_input(q) == KIND_INPUT_LIST) {
			size_t n;
			char **entries = table_entries(q, &n);
			char *shown = list_shown(q, &town->answer);
			table_put_text(c, ws, row, COL_TOWN, shown, c->fmt.input_list);
			table_dropdown(c, ws, row, COL_TOWN, (const char *const *)entries,
			               n);
			free(shown);
			table_entries_free(entries, n);
		} else {
			put_typed(c, ws, row, q, &town->answer);
		}
		table_put_text(c, ws, row, COL_TEXT, town->text, c->fmt.input);
		table_put_text(c, ws, row, COL_EVIDENCE, town->evidence, c->fmt.input);
		table_put_text(c, ws, row, COL_KEY, q->full_id, c->fmt.machine);
		{
			char *shown = answer_display(q, &town->answer);
			const char *texts[COL_KEY] = {number,     section,       text,
			                              help,       answers,       shown,
			                              town->text, town->evidence};
			table_row_height(c, ws, row, texts, widths, COL_KEY, 2);
			free(shown);
		}
		row++;
		if (kind_list_multiple(q))
			row = put_options(c, ws, row, qi, number, section);
		free(answers);
		free(help);
		free(text);
		free(cond);
		free(section);
		free(number);
	}
	if (row > ROW_HEAD + 1)
		table_check(c,
		            worksheet_autofilter(ws, ROW_HEAD, 0, row - 1, COL_EVIDENCE));
	table_sheet_setup(c, ws, ROW_HEAD, 1);
}

/* ---- reading ---- */

struct question_read {
	unsigned main_row; /* the row of the question's own line, 0: none yet */
	uint64_t stated;   /* multi: options marked Ja or Nein */
	uint64_t chosen;   /* multi: options marked Ja */
	uint64_t seen;     /* multi: option rows seen */
	int na;            /* multi: "entfällt" in the question's row */
	int bad;           /* multi: an option cell was not readable */
	char ref[80];      /* the cell of its Angabe */
};

static void *
questions_begin(struct table_read *r)
{
	return xcalloc(r->f->question_count + 1, sizeof(struct question_read));
}

/* Take the answer value (in `set` syntax) of qi from cell, or report it. */
static void
take_answer(struct table_read *r, const struct table_cell *cell, size_t qi,
            const char *value, const char *shown)
{
	const struct form_question *q = &r->f->questions[qi];
	struct answer a = {0};
	char *why = NULL, *key;

	if (answer_parse(q, value, &a, &why) != 0) {
		if (kind_input(q) == KIND_INPUT_LIST && !kind_list_multiple(q)) {
			size_t n;
			char **entries = table_entries(q, &n);
			struct buf allowed = {0};
			for (size_t i = 0; i < n; i++)
				buf_printf(&allowed, "%s%s", i ? ", " : "", entries[i]);
			table_problem(
			    r, cell, (long)qi,
			    "„%s“ ist keine Antwort auf eine %s-Frage (erlaubt: %s)",
			    shown, kind_label(q), allowed.data);
			buf_free(&allowed);
			table_entries_free(entries, n);
		} else {
			table_problem(r, cell, (long)qi, "%s", why);
		}
		free(why);
		return;
	}
	{
		char *canonical = answer_format(q, &a);
		key = xasprintf(TOWN_PREFIX "%s", q->full_id);
		table_take(r, cell, (long)qi, key, canonical);
		free(key);
		free(canonical);
	}
	answer_clear(&a);
}

/* The Angabe of a question's own row. */
static void
read_answer(struct table_read *r, struct question_read *st, size_t qi,
            const struct table_cell *cell)
{
	const struct form_question *q = &r->f->questions[qi];
	char *shown, *value;

	snprintf(st->ref, sizeof st->ref, "%s", cell->ref);
	if (!table_cell_filled(cell))
		return;
	if (cell->error) {
		table_problem(r, cell, (long)qi, "Fehlerwert %s statt einer Angabe",
		              cell->text);
		return;
	}
	shown = utf8_shorten(cell->text, SHOWN_MAX);
	if (kind_list_multiple(q)) {
		if (table_same_word(cell->text, "entfällt") ||
		    table_same_word(cell->text, ANSWER_NA_VALUE))
			st->na = 1;
		else
			table_problem(r, cell, (long)qi,
			              "„%s“: bei dieser Frage die Optionen in den Zeilen "
			              "darunter mit Ja oder Nein markieren",
			              shown);
		free(shown);
		return;
	}
	if (kind_input(q) == KIND_INPUT_LIST) {
		value = table_entry_value(q, cell->text);
		take_answer(r, cell, qi, value, shown);
		free(value);
		free(shown);
		return;
	}
	/* typed: a number or date cell comes as its value; a number where a
	 * date is asked may be a date whose format got lost */
	{
		struct answer a = {0};
		char *why = NULL, *trim = table_cell_string(r, cell, (long)qi);
		char serial[11];
		if (trim == NULL) {
			free(shown);
			return;
		}
		if (answer_parse(q, trim, &a, &why) != 0 && cell->number && !cell->date &&
		    kind_cell(q) == KIND_CELL_DATE &&
		    xlsxread_serial_to_date(cell->value, r->date1904, serial) == 0) {
			char *german = date_display(serial);
			take_answer(r, cell, qi, german, shown);
			free(german);
		} else {
			take_answer(r, cell, qi, trim, shown);
		}
		answer_clear(&a);
		free(why);
		free(trim);
	}
	free(shown);
}

/* An option row of a multi question. */
static void
read_option(struct table_read *r, struct question_read *st, size_t qi, const char *option,
            const struct table_cell *id_cell, const struct table_cell *cell)
{
	const struct form_question *q = &r->f->questions[qi];
	int o = kind_list_multiple(q) ? form_find_option(q, option) : -1, mark;
	char *shown;

	if (o < 0) {
		table_problem(r, id_cell, (long)qi,
		              "„%s“ ist keine Option der Frage „%s“ (die Tabelle passt "
		              "nicht zu diesem Prüfbogen)",
		              option, q->full_id);
		return;
	}
	if (st->seen & (UINT64_C(1) << o)) {
		table_problem(r, id_cell, (long)qi,
		              "die Option „%s“ der Frage „%s“ steht zweimal in der "
		              "Tabelle",
		              option, q->full_id);
		return;
	}
	st->seen |= UINT64_C(1) << o;
	if (!table_cell_filled(cell))
		return;
	shown = utf8_shorten(cell->text, SHOWN_MAX);
	mark = cell->error ? -1 : table_mark_value(cell->text);
	if (mark < 0) {
		table_problem(r, cell, (long)qi,
		              "„%s“: bei „%s“ bitte „Ja“ oder „Nein“ wählen", shown,
		              q->options[o].label);
		st->bad = 1;
	} else {
		st->stated |= UINT64_C(1) << o;
		if (mark)
			st->chosen |= UINT64_C(1) << o;
		if (st->ref[0] == '\0')
			snprintf(st->ref, sizeof st->ref, "%s", cell->ref);
	}
	free(shown);
}

static void
questions_row(struct table_read *r, void *state, const char *key,
              const struct table_row *row)
{
	struct question_read *all = state;
	const struct table_cell *id_cell = table_cell(r, row, HEAD_KEY);
	const struct table_cell *option = table_cell(r, row, HEAD_OPTION);
	int qi = form_find_question(r->f, key);
	struct question_read *st;

	if (qi < 0) {
		table_problem(r, id_cell, -1,
		              "„%s“ ist keine Frage dieses Prüfbogens (die Zeile wurde "
		              "verändert, oder die Tabelle passt nicht zu ihm)",
		              key);
		return;
	}
	st = &all[qi];
	if (table_cell_filled(option)) {
		char *id = table_cell_string(r, option, qi);
		if (id != NULL)
			read_option(r, st, (size_t)qi, id, id_cell,
			            table_cell(r, row, TOWN_ANSWER_LABEL));
		free(id);
		return;
	}
	if (st->main_row != 0) {
		table_problem(
		    r, id_cell, qi,
		    "die Frage „%s“ steht zweimal in der Tabelle (auch in Zeile "
		    "%u); die zweite Zeile ist nicht übernommen",
		    key, st->main_row);
		return;
	}
	st->main_row = row->row;
	read_answer(r, st, (size_t)qi, table_cell(r, row, TOWN_ANSWER_LABEL));
	for (size_t i = 0; i < vocab_town_item.count; i++) {
		const struct vocab_field *vf = &vocab_town_item.fields[i];
		const struct table_cell *cell = table_cell(r, row, vf->label);
		char *text = table_cell_string(r, cell, qi);
		if (text != NULL) {
			char *k = xasprintf(TOWN_PREFIX "%s:%s", key, vf->key);
			table_take(r, cell, qi, k, text);
			free(k);
		}
		free(text);
	}
}

/* A multi question's answer from its option rows (and "entfällt"). */
static void
questions_end(struct table_read *r, void *state)
{
	struct question_read *all = state;

	for (size_t qi = 0; qi < r->f->question_count; qi++) {
		const struct form_question *q = &r->f->questions[qi];
		struct question_read *st = &all[qi];
		struct table_cell at = {.text = ""};
		struct buf b = {0};

		if (!kind_list_multiple(q) || st->bad || (st->stated == 0 && !st->na))
			continue;
		snprintf(at.ref, sizeof at.ref, "%s", st->ref);
		if (st->na && st->chosen != 0) {
			table_problem(
			    r, &at, (long)qi,
			    "„entfällt“ und markierte Optionen zugleich (Frage %s)",
			    q->full_id);
			continue;
		}
		if (st->na) {
			take_answer(r, &at, qi, ANSWER_NA_VALUE, "entfällt");
			continue;
		}
		for (size_t o = 0; o < q->option_count; o++)
			if (st->chosen & (UINT64_C(1) << o))
				buf_printf(&b, "%s%s", b.len ? "," : "",
				           q->options[o].id);
		buf_adds(&b, "");
		take_answer(r, &at, qi, b.data, b.data);
		buf_free(&b);
	}
	free(all);
}

const struct table_sheet table_sheet_questions = {
    .name = TABLE_SHEET_QUESTIONS,
    .part = TOWN_PART_QUESTIONS,
    .key_head = HEAD_KEY,
    .write = questions_write,
    .read_begin = questions_begin,
    .read_row = questions_row,
    .read_end = questions_end,
};

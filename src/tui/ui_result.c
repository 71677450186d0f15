/*
 * ui_result.c: the Ergebnis (F6): per Handlungsfeld a bar with points, max,
 * percent and the minimum marked; Sonderpunkte, Endpunktzahl, verdict
 * (bestanden / nicht bestanden / vorläufig), gültig bis, points missing,
 * the answers that stand on missing or overdue evidence, and every
 * recommendation with the question's number and text. The screen scrolls
 * (↑/↓, Bild↑/Bild↓, Pos1/Ende); `x` writes the Ergebnisformular through
 * export_xlsx. Everything comes from score_compute; no rule lives here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "model/export.h"
#include "model/interview.h"
#include "model/score.h"
#include "tui/ui.h"
#include "lib/util.h"

static struct score_result result;
static int have_result;
static int top; /* first shown row of the scrolled part */

/* Compute the verdict afresh. */
static void
result_init(struct ui *ui)
{
	if (have_result)
		score_result_free(&result);
	score_compute(ui->session, &result);
	have_result = 1;
	top = 0;
}

/* The scrolled part is laid out as rows of wrapped entries. */
struct layout {
	struct ui *ui;
	int draw;     /* 0: only count rows */
	int row;      /* rows laid out so far */
	int y0, h, w; /* the box the scrolled part is drawn into */
};

/* One entry: text wrapped under itself from column indent. */
static void
entry(struct layout *l, int indent, attr_t attr, const char *text)
{
	int n = ui_wrap_count(l->w - indent, text);
	int y = l->y0 + l->row - top;

	if (n < 1)
		n = 1;
	if (l->draw && y + n > l->y0 && y < l->y0 + l->h) {
		/* an entry scrolled half out of the top shows its rest */
		int skip = y < l->y0 ? l->y0 - y : 0;
		if (skip == 0)
			ui_wrap(y, 1 + indent, l->w - indent, l->y0 + l->h - y, text,
			        attr);
		else
			ui_put(l->y0, 1 + indent, l->w - indent, "…", attr);
	}
	l->row += n;
}

/* printf into entry. */
static void __attribute__((format(printf, 4, 5)))
entryf(struct layout *l, int indent, attr_t attr, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	entry(l, indent, attr, s);
	free(s);
}

/* "3.7 Gibt es …": a question as a person finds it (caller frees). */
static char *
question_named(const struct form *f, size_t qi)
{
	char *number = interview_number(f, qi), *s;

	s = xasprintf("%s %s", number, f->questions[qi].text);
	free(number);
	return s;
}

/* Lay out everything below the bars; returns the number of rows. */
static int
layout_rest(struct ui *ui, int draw, int y0, int h)
{
	const struct session *s = ui->session;
	const struct form *f = s->form;
	struct layout l = {ui, draw, 0, y0, h, ui->cols - 2};
	char today[11], pct[32];
	size_t conditional = 0, overdue = 0;

	score_percent_de(result.total, result.max, pct);
	entryf(&l, 0, A_NORMAL, "Punkte der Handlungsfelder: %d · Sonderpunkte: %d",
	       result.total - result.bonus, result.bonus);
	entryf(&l, 0, A_BOLD, "Endpunktzahl: %d von %d (%s %%)", result.total, result.max,
	       pct);
	{
		const char *verdict = result.passed ? "bestanden" : "nicht bestanden";
		attr_t a =
		    result.passed ? ui->attrs[ROLE_OK] | A_BOLD : ui->attrs[ROLE_ERROR];
		if (result.provisional)
			entryf(&l, 0, a, "Ergebnis: vorläufig %s (%d %s offen)", verdict,
			       result.open, result.open == 1 ? "Frage" : "Fragen");
		else
			entryf(&l, 0, a, "Ergebnis: %s", verdict);
	}
	if (result.passed && result.valid_until[0] != '\0') {
		char *d = date_display(result.valid_until);
		entryf(&l, 0, A_NORMAL, "Gültig bis: %s", d);
		free(d);
	} else if (!result.passed) {
		entryf(&l, 0, A_NORMAL, "Es %s %d %s zum Bestehen.",
		       result.missing == 1 ? "fehlt" : "fehlen", result.missing,
		       result.missing == 1 ? "Punkt" : "Punkte");
	}
	for (size_t i = 0; i < result.section_count; i++) {
		const struct score_section *sec = &result.sections[i];
		if (!sec->below_min)
			continue;
		score_percent_de(sec->points, sec->max, pct);
		entryf(&l, 0, ui->attrs[ROLE_ERROR],
		       "%zu %s: %s %% von mindestens %d %% – es %s %d %s", i + 1,
		       f->sections[i].title, pct, f->pass_section_min_percent,
		       sec->needed == 1 ? "fehlt" : "fehlen", sec->needed,
		       sec->needed == 1 ? "Punkt" : "Punkte");
	}

	/* answers that stand on evidence not (yet) handed over */
	date_today(today);
	for (size_t qi = 0; qi < f->question_count; qi++) {
		conditional += score_conditional(s, qi) != 0;
		overdue += score_evidence_overdue(s, qi, today) != 0;
	}
	if (conditional + overdue > 0) {
		l.row++;
		entry(&l, 0, ui->attrs[ROLE_TITLE], "Nachweise");
	}
	for (size_t qi = 0; qi < f->question_count; qi++) {
		char *name;
		if (score_conditional(s, qi)) {
			name = question_named(f, qi);
			entryf(&l, 0, ui->attrs[ROLE_ERROR],
			       "Nachweis fehlt (Punkte unter Vorbehalt): %s", name);
			free(name);
		} else if (score_evidence_overdue(s, qi, today)) {
			char *due = date_display(s->items[qi].evidence_due);
			name = question_named(f, qi);
			entryf(&l, 0, ui->attrs[ROLE_ERROR],
			       "Nachweis überfällig seit %s: %s", due, name);
			free(name);
			free(due);
		}
	}

	if (result.recommendation_count > 0) {
		int weak = 0;
		for (size_t i = 0; i < result.recommendation_count; i++)
			weak |= result.recommendations[i].weak_section;
		l.row++;
		entryf(&l, 0, ui->attrs[ROLE_TITLE], "Empfehlungen (%zu)%s",
		       result.recommendation_count,
		       weak ? " – fett: Handlungsfeld unter dem Minimum" : "");
	}
	for (size_t i = 0; i < result.recommendation_count; i++) {
		const struct score_recommendation *r = &result.recommendations[i];
		char *name = question_named(f, r->question);
		entryf(&l, 0, r->weak_section ? A_BOLD : A_NORMAL, "+%d  %s", r->gain,
		       name);
		entryf(&l, 5, A_NORMAL, "→ %s", score_recommendation_label(r));
		if (r->own != NULL)
			entryf(&l, 5, A_NORMAL, "Eigene Empfehlung: %s", r->own);
		free(name);
	}
	return l.row;
}

/* Rows above the scrolled part: the bars and their legend. */
static int
fixed_rows(const struct ui *ui)
{
	return 1 + (int)ui->session->form->section_count + 1;
}

/* Draw the result. */
static void
result_draw(struct ui *ui)
{
	const struct session *s = ui->session;
	const struct form *f = s->form;
	static const char *const keys[] = {"x",   "Export XLSX", "↑↓", "blättern",
	                                   "Esc", "zurück",      "1",  "Hilfe",
	                                   "10",  "Ende",        NULL};
	int y = 1, w = ui->cols - 2, name_w = 24, bar_w, last = ui->rows - 3, total;
	char *right;

	right = xasprintf("%s · %s", s->meta.kommune != NULL ? s->meta.kommune : "",
	                  s->meta.kind == AUDIT_RENEWAL ? "Re-Audit" : "Erstaudit");
	ui_frame(ui, "Ergebnis", right, keys);
	free(right);
	if (ui->cols < 80)
		name_w = 18;
	bar_w = w - name_w - 22;
	if (bar_w < 10)
		bar_w = 10;
	for (size_t i = 0; i < result.section_count && i < f->section_count && y <= last;
	     i++, y++) {
		const struct score_section *sec = &result.sections[i];
		ui_putf(y, 1, name_w - 1,
		        sec->below_min ? ui->attrs[ROLE_ERROR] : A_NORMAL, "%zu %s",
		        i + 1, f->sections[i].title);
		ui_bar(ui, y, name_w + 1, bar_w, sec->points, sec->max,
		       f->pass_section_min_percent);
		if (sec->has_percent) {
			char pct[32];
			score_percent_de(sec->points, sec->max, pct);
			ui_putf(y, name_w + bar_w + 2, 20,
			        sec->below_min ? ui->attrs[ROLE_ERROR] : A_NORMAL,
			        "%3d/%-3d %5s %%%s", sec->points, sec->max, pct,
			        sec->open > 0 ? " …" : "");
		} else
			ui_putf(y, name_w + bar_w + 2, 20, A_NORMAL, "%3d/%-3d",
			        sec->points, sec->max);
	}
	if (y <= last)
		ui_putf(y++, 1, w, ui->attrs[ROLE_DIM],
		        "Mindestens %d %% je Handlungsfeld (|), %d %% insgesamt; … = "
		        "Fragen offen",
		        f->pass_section_min_percent, f->pass_total_percent);
	y = fixed_rows(ui) + 1;
	total = layout_rest(ui, 0, y, last - y + 1);
	if (top > total - (last - y + 1))
		top = total - (last - y + 1);
	if (top < 0)
		top = 0;
	layout_rest(ui, 1, y, last - y + 1);
	if (top > 0)
		ui_put(y - 1, ui->cols - 12, 11, "▲ mehr", ui->attrs[ROLE_DIM]);
	if (top + (last - y + 1) < total)
		ui_put(last, ui->cols - 12, 11, "▼ mehr", ui->attrs[ROLE_DIM]);
}

/* Write the Ergebnisformular next to the session. */
static void
export_now(struct ui *ui)
{
	char *path = export_default_path(ui->session), *why = NULL;

	if (export_xlsx(ui->session, path, &why) == 0)
		ui_message(ui, 0, "Ergebnisformular geschrieben: %s", path);
	else
		ui_message(ui, 1, "Export fehlgeschlagen: %s", why != NULL ? why : path);
	free(why);
	free(path);
}

/* Keys of the result screen: scrolling stays on this screen. */
static int
result_key(struct ui *ui, int key)
{
	int page = ui->rows - 3 - fixed_rows(ui) - 1;

	if (page < 1)
		page = 1;
	switch (key) {
	case 'x':
	case 'X':
		export_now(ui);
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_DOWN):
		top++;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_UP):
		top = top > 0 ? top - 1 : 0;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_NPAGE):
	case ' ':
		top += page;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_PPAGE):
		top = top > page ? top - page : 0;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_HOME):
		top = 0;
		return UI_HANDLED | UI_REDRAW;
	case UI_KEY(KEY_END):
		top = 1 << 20; /* draw clamps it */
		return UI_HANDLED | UI_REDRAW;
	case UI_ESC:
		ui_back(ui);
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

const struct ui_screen ui_result_screen = {
    .name = "Ergebnis",
    .init = result_init,
    .draw = result_draw,
    .key = result_key,
    .resize = NULL,
    .flush = NULL,
};

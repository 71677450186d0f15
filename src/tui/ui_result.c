/*
 * ui_result.c: the Ergebnis (F6): per Handlungsfeld a bar with points, max,
 * percent and the minimum marked; Sonderpunkte, Endpunktzahl, verdict
 * (bestanden / nicht bestanden / vorläufig), gültig bis, points missing,
 * the answers that stand on missing or overdue evidence, and every
 * recommendation with the question's number and text. While
 * screen_points_shown says no (the Gespräch), it says why and how to show
 * them instead, and lists only the evidence and the recommendations
 * without their gains. The lower part scrolls (↑/↓, Bild↑/Bild↓,
 * Pos1/Ende); `x` writes the Ergebnisformular (save_workbook). Everything
 * comes from score_compute; no rule lives here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/date.h"
#include "model/audit.h"
#include "lib/util.h"
#include "model/history.h"
#include "model/vocab.h"
#include "model/interview.h"
#include "model/score.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/screens.h"
#include "tui/text.h"

struct result {
	struct score_result score;
	int have_score;
	int top; /* first shown row of the scrolled part */
};

/* The scrolled part is laid out as rows of wrapped entries. */
struct layout {
	const struct ui *ui;
	int draw;     /* 0: only count rows */
	int top;      /* first shown row */
	int row;      /* rows laid out so far */
	int y0, h, w; /* the box the scrolled part is drawn into */
};

/* One entry: text wrapped under itself from column indent. */
static void
entry(struct layout *l, int indent, attr_t attr, const char *text)
{
	int n = text_wrap_count(l->w - indent, text);
	int y = l->y0 + l->row - l->top;

	if (n < 1)
		n = 1;
	if (l->draw && y + n > l->y0 && y < l->y0 + l->h) {
		/* an entry scrolled half out of the top shows its rest */
		int skip = y < l->y0 ? l->y0 - y : 0;
		if (skip == 0)
			text_wrap(y, 1 + indent, l->w - indent, l->y0 + l->h - y, text,
			          attr);
		else
			text_put(l->y0, 1 + indent, l->w - indent, "…", attr);
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

/* Why the points are not shown, and how to show them (the fixed part while
 * they are hidden). */
static const char hidden_text[] =
    "Punkte, Ergebnis und Empfehlungen mit ihrem Gewinn sind im Gespräch "
    "verborgen: die Kommune sieht den Bildschirm mit, und das Gespräch endet "
    "ohne Punkte. Strg-P zeigt sie nur für Sie (Strg-P verbirgt sie wieder); "
    "nach dem Gespräch Strg-W: Phase „Auswertung“.";

/* Rows above the scrolled part: the bars and their legend, or the text
 * saying why they are hidden. */
static int
fixed_rows(const struct ui *ui)
{
	if (!screen_points_shown(ui))
		return 1 + text_wrap_count(ui->cols - 2, hidden_text);
	return 1 + (int)ui->session->form->section_count + 1;
}

/* The first row and the height of the scrolled part. */
static void
scroll_box(const struct ui *ui, int *y0, int *h)
{
	*y0 = fixed_rows(ui) + 1;
	*h = ui->rows - 3 - *y0 + 1;
}

/* Lay out everything below the bars; returns the number of rows. */
static int
layout_rest(const struct ui *ui, const struct result *st, int draw)
{
	const struct session *s = ui->session;
	const struct form *f = s->form;
	const struct score_result *r = &st->score;
	struct layout l = {ui, draw, st->top, 0, 0, 0, ui->cols - 2};
	int shown = screen_points_shown(ui);
	char today[11], pct[32];
	size_t conditional = 0, overdue = 0;

	scroll_box(ui, &l.y0, &l.h);
	if (!shown)
		goto evidence;
	score_percent_de(r->total, r->max, pct);
	entryf(&l, 0, A_NORMAL, "Punkte der Handlungsfelder: %d · Sonderpunkte: %d",
	       r->total - r->bonus, r->bonus);
	entryf(&l, 0, A_BOLD, "Endpunktzahl: %d von %d (%s %%)", r->total, r->max, pct);
	{
		const char *verdict = r->passed ? "bestanden" : "nicht bestanden";
		attr_t a =
		    r->passed ? ui->attrs[ROLE_OK] | A_BOLD : ui->attrs[ROLE_ERROR];
		if (r->provisional)
			entryf(&l, 0, a, "Ergebnis: vorläufig %s (%d %s offen)", verdict,
			       r->open, r->open == 1 ? "Frage" : "Fragen");
		else if (audit_provisional(ui->session, r))
			entryf(&l, 0, a,
			       "Ergebnis: vorläufig %s (das Audit ist noch nicht "
			       "abgeschlossen: Strg-W)",
			       verdict);
		else
			entryf(&l, 0, a, "Ergebnis: %s", verdict);
	}
	if (r->passed && r->valid_until[0] != '\0') {
		char *d = date_display(r->valid_until);
		entryf(&l, 0, A_NORMAL, "Gültig bis: %s", d);
		free(d);
	} else if (!r->passed) {
		entryf(&l, 0, A_NORMAL, "Es %s %d %s zum Bestehen.",
		       r->missing == 1 ? "fehlt" : "fehlen", r->missing,
		       r->missing == 1 ? "Punkt" : "Punkte");
	}
	for (size_t i = 0; i < r->section_count; i++) {
		const struct score_section *sec = &r->sections[i];
		if (!sec->below_min)
			continue;
		score_percent_de(sec->points, sec->max, pct);
		entryf(&l, 0, ui->attrs[ROLE_ERROR],
		       "%zu %s: %s %% von mindestens %d %% – es %s %d %s", i + 1,
		       f->sections[i].title, pct, f->pass_section_min_percent,
		       sec->needed == 1 ? "fehlt" : "fehlen", sec->needed,
		       sec->needed == 1 ? "Punkt" : "Punkte");
	}

evidence:
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
			entryf(&l, 0, ui->attrs[ROLE_ERROR], "Nachweis fehlt%s: %s",
			       shown ? " (Punkte unter Vorbehalt)" : "", name);
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

	if (r->recommendation_count > 0) {
		int weak = 0;
		for (size_t i = 0; i < r->recommendation_count; i++)
			weak |= r->recommendations[i].weak_section;
		l.row++;
		entryf(&l, 0, ui->attrs[ROLE_TITLE], "Empfehlungen (%zu)%s",
		       r->recommendation_count,
		       weak && shown ? " – fett: Handlungsfeld unter dem Minimum" : "");
	}
	for (size_t i = 0; i < r->recommendation_count; i++) {
		const struct score_recommendation *rec = &r->recommendations[i];
		char *name = question_named(f, rec->question);
		if (shown)
			entryf(&l, 0, rec->weak_section ? A_BOLD : A_NORMAL, "+%d  %s",
			       rec->gain, name);
		else
			entryf(&l, 0, A_NORMAL, "•  %s", name);
		entryf(&l, 5, A_NORMAL, "→ %s", score_recommendation_label(rec));
		if (rec->own != NULL)
			entryf(&l, 5, A_NORMAL, "Eigene Empfehlung: %s", rec->own);
		free(name);
	}
	return l.row;
}

/* Keep the scroll position within the text. */
static void
clamp(const struct ui *ui, struct result *st)
{
	int y0, h, total = layout_rest(ui, st, 0);

	scroll_box(ui, &y0, &h);
	if (st->top > total - h)
		st->top = total - h;
	if (st->top < 0)
		st->top = 0;
}

/* Entering: compute the verdict afresh. */
static void *
result_init(struct ui *ui, void *state)
{
	struct result *st = state != NULL ? state : xcalloc(1, sizeof *st);

	if (st->have_score)
		score_result_free(&st->score);
	score_compute(ui->session, &st->score);
	st->have_score = 1;
	st->top = 0;
	return st;
}

/* Free the state. */
static void
result_free(void *state)
{
	struct result *st = state;

	if (st->have_score)
		score_result_free(&st->score);
	free(st);
}

/* The terminal size changed. */
static void
result_resize(struct ui *ui, void *state)
{
	if (ui->session != NULL)
		clamp(ui, state);
}

/* Draw the result. */
static void
result_draw(const struct ui *ui, const void *state)
{
	const struct result *st = state;
	const struct session *s = ui->session;
	const struct form *f = s->form;
	const struct score_result *r = &st->score;
	int y = 1, w = ui->cols - 2, name_w = 24, bar_w, last = ui->rows - 3, total, y0,
	    h;
	char *right;

	right = xasprintf("%s · %s · %s", s->meta.kommune != NULL ? s->meta.kommune : "",
	                  vocab_art.items[s->meta.kind].label,
	                  vocab_phase.items[session_phase(s)].label);
	frame_draw(ui, "Ergebnis", right);
	free(right);
	if (!screen_points_shown(ui)) {
		text_wrap(y, 1, w, fixed_rows(ui) - 1, hidden_text,
		          ui->attrs[ROLE_TITLE]);
		goto rest;
	}
	if (ui->cols < 80)
		name_w = 18;
	bar_w = w - name_w - 22;
	if (bar_w < 10)
		bar_w = 10;
	for (size_t i = 0; i < r->section_count && i < f->section_count && y <= last;
	     i++, y++) {
		const struct score_section *sec = &r->sections[i];
		text_putf(y, 1, name_w - 1,
		          sec->below_min ? ui->attrs[ROLE_ERROR] : A_NORMAL, "%zu %s",
		          i + 1, f->sections[i].title);
		frame_points(ui, y, name_w + 1, bar_w, sec->points, sec->max,
		             f->pass_section_min_percent);
		if (sec->has_percent) {
			char pct[32];
			score_percent_de(sec->points, sec->max, pct);
			text_putf(y, name_w + bar_w + 2, 20,
			          sec->below_min ? ui->attrs[ROLE_ERROR] : A_NORMAL,
			          "%3d/%-3d %5s %%%s", sec->points, sec->max, pct,
			          sec->open > 0 ? " …" : "");
		} else
			text_putf(y, name_w + bar_w + 2, 20, A_NORMAL, "%3d/%-3d",
			          sec->points, sec->max);
	}
	if (y <= last)
		text_putf(y++, 1, w, ui->attrs[ROLE_DIM],
		          "Mindestens %d %% je Handlungsfeld (|), %d %% insgesamt; … = "
		          "Fragen offen",
		          f->pass_section_min_percent, f->pass_total_percent);
rest:
	scroll_box(ui, &y0, &h);
	total = layout_rest(ui, st, 1);
	if (st->top > 0)
		text_put(y0 - 1, ui->cols - 12, 11, "▲ mehr", ui->attrs[ROLE_DIM]);
	if (st->top + h < total)
		text_put(last, ui->cols - 12, 11, "▼ mehr", ui->attrs[ROLE_DIM]);
}

/* x: write the Ergebnisformular next to the session. */
static int
result_export(struct ui *ui, void *state, int key)
{
	(void)state;
	(void)key;
	save_workbook(ui, ui->session);
	return UI_HANDLED | UI_REDRAW;
}

/* ↑ ↓ Bild↑ Bild↓ Leertaste Pos1 Ende: scroll (this screen's own keys, so
 * Bild↓ does not move the interview). */
static int
result_scroll(struct ui *ui, void *state, int key)
{
	struct result *st = state;
	int page = ui->rows - 3 - fixed_rows(ui) - 1;

	if (page < 1)
		page = 1;
	switch (key) {
	case UI_KEY(KEY_DOWN):
		st->top++;
		break;
	case UI_KEY(KEY_UP):
		st->top = st->top > 0 ? st->top - 1 : 0;
		break;
	case UI_KEY(KEY_NPAGE):
	case ' ':
		st->top += page;
		break;
	case UI_KEY(KEY_PPAGE):
		st->top = st->top > page ? st->top - page : 0;
		break;
	case UI_KEY(KEY_HOME):
		st->top = 0;
		break;
	default: /* Ende */
		st->top = 1 << 20;
		break;
	}
	clamp(ui, st);
	return UI_HANDLED | UI_REDRAW;
}

static const struct ui_binding result_bindings[] = {
    {'x', 'X', "x", "Export XLSX", "das Ergebnisformular (XLSX) schreiben",
     result_export},
    {UI_KEY(KEY_UP), UI_KEY(KEY_DOWN), "↑↓", "blättern",
     "blättern; auch Bild↑ Bild↓, Leertaste, Pos1, Ende", result_scroll},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, result_scroll},
    {' ', 0, NULL, NULL, NULL, result_scroll},
    {UI_KEY(KEY_HOME), UI_KEY(KEY_END), NULL, NULL, NULL, result_scroll},
    {UI_ESC, 0, "Esc", "zurück", NULL, screen_back_key},
};

const struct ui_screen ui_result_screen = {
    .name = "Ergebnis",
    .init = result_init,
    .free = result_free,
    .draw = result_draw,
    .resize = result_resize,
    .bindings = result_bindings,
    .binding_count = BIND_COUNT(result_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(10),
};

/*
 * ui_result.c: the Ergebnis (F6): per Handlungsfeld a bar with points, max,
 * percent and the minimum marked; Sonderpunkte, Endpunktzahl, verdict
 * (bestanden / nicht bestanden / vorläufig), gültig bis, points missing and
 * the top recommendations; `x` writes the Ergebnisformular through
 * export_xlsx. Everything comes from score_compute; no rule lives here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "score.h"
#include "ui.h"
#include "util.h"

static struct score_result result;
static int have_result;

/* Compute the verdict afresh. */
static void
result_init(struct ui *ui)
{
	if (have_result)
		score_result_free(&result);
	score_compute(ui->session, &result);
	have_result = 1;
}

/* Draw the result. */
static void
result_draw(struct ui *ui)
{
	const struct session *s = ui->session;
	const struct form *f = s->form;
	static const char *const keys[] = {"x",     "Export XLSX", "Esc",  "zurück", "1",
	                                   "Hilfe", "10",          "Ende", NULL};
	int y = 1, w = ui->cols - 2, name_w = 24, bar_w, last = ui->rows - 3;
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
		        "Mindestens %d %% je Feld (|), %d %% insgesamt; … = Fragen offen",
		        f->pass_section_min_percent, f->pass_total_percent);
	y++;
	if (y <= last) {
		char pct[32];
		score_percent_de(result.total, result.max, pct);
		ui_putf(y++, 1, w, A_NORMAL,
		        "Sonderpunkte: %d    Endpunktzahl: %d von %d (%s %%)",
		        result.bonus, result.total, result.max, pct);
	}
	if (y <= last) {
		const char *verdict = result.passed ? "bestanden" : "nicht bestanden";
		attr_t a =
		    result.passed ? ui->attrs[ROLE_OK] | A_BOLD : ui->attrs[ROLE_ERROR];
		if (result.provisional)
			ui_putf(y++, 1, w, a, "Ergebnis: vorläufig %s (%d Fragen offen)",
			        verdict, result.open);
		else
			ui_putf(y++, 1, w, a, "Ergebnis: %s", verdict);
	}
	if (y <= last) {
		if (result.passed && result.valid_until[0] != '\0')
			ui_putf(y++, 1, w, A_NORMAL, "Gültig bis: %s",
			        result.valid_until);
		else if (!result.passed)
			ui_putf(y++, 1, w, A_NORMAL, "Es fehlen %d Punkte zum Bestehen.",
			        result.missing);
	}
	for (size_t i = 0; i < result.section_count && y <= last; i++)
		if (result.sections[i].summary != NULL)
			ui_putf(y++, 1, w, ui->attrs[ROLE_ERROR], "%zu: %s", i + 1,
			        result.sections[i].summary);
	if (result.recommendation_count > 0 && y + 1 <= last) {
		y++;
		ui_put(y++, 1, w, "Wichtigste Empfehlungen", ui->attrs[ROLE_TITLE]);
	}
	for (size_t i = 0; i < result.recommendation_count && y <= last; i++) {
		const struct score_recommendation *r = &result.recommendations[i];
		const char *text = r->own != NULL ? r->own : r->text;
		ui_putf(y++, 1, w, r->weak_section ? A_BOLD : A_NORMAL,
		        "+%-3d %zu %s: %s", r->gain,
		        f->questions[r->question].section + 1,
		        f->questions[r->question].id,
		        text != NULL ? text : f->questions[r->question].text);
	}
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

/* Keys of the result screen. */
static int
result_key(struct ui *ui, int key)
{
	switch (key) {
	case 'x':
	case 'X':
		export_now(ui);
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
};

/*
 * ui_goals.c: the Entwicklungsziele (F7): the agreed goals with Ziel,
 * Maßnahmen, Messgröße, Frist, Verantwortlich and the questions the goal
 * addresses (numbers like "2.3" or ids; the workbook marks their
 * recommendations); in a re-audit first the previous goals that exist
 * (copied from the linked previous audit) with their status (erreicht /
 * teilweise / nicht erreicht) and the Sonderpunkte each earns (from the
 * form). Every commit is saved at once through ui_set.
 */
#include "config.h"

#include <stdlib.h>

#include "model/score.h"
#include "tui/ui.h"
#include "lib/util.h"

static struct ui_fields fields;
static char *status_labels[4];

static const char *const goal_keys[] = {"ziel",  "massnahmen",     "messgroesse",
                                        "frist", "verantwortlich", "fragen"};
static const char *const goal_names[] = {"Ziel",  "Maßnahmen",      "Messgröße",
                                         "Frist", "Verantwortlich", "Fragen (Nr.)"};
#define GOAL_FIELDS (sizeof goal_keys / sizeof goal_keys[0])
static const char *const status_values[] = {"", "erreicht", "teilweise",
                                            "nicht_erreicht"};

/* One text of a goal by field index. */
static const char *
goal_text(const struct session_goal *g, size_t k)
{
	const char *v[] = {g->goal,     g->measures,    g->indicator,
	                   g->deadline, g->responsible, g->questions};
	return v[k];
}

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui)
{
	const struct session *s = ui->session;
	const struct form *f = s->form;
	size_t sel = fields.selected;

	ui_fields_clear(&fields);
	for (int i = 0; i < 4; i++)
		free(status_labels[i]);
	status_labels[0] = xstrdup("– (noch nicht bewertet)");
	status_labels[1] =
	    xasprintf("erreicht (+%d %s)", f->bonus_reached,
	              f->bonus_reached == 1 ? "Sonderpunkt" : "Sonderpunkte");
	status_labels[2] =
	    xasprintf("teilweise (+%d %s)", f->bonus_partial,
	              f->bonus_partial == 1 ? "Sonderpunkt" : "Sonderpunkte");
	status_labels[3] =
	    xasprintf("nicht erreicht (+%d %s)", f->bonus_not_reached,
	              f->bonus_not_reached == 1 ? "Sonderpunkt" : "Sonderpunkte");
	if (s->meta.kind == AUDIT_RENEWAL) {
		int shown = 0;
		ui_fields_add(&fields, FIELD_HEADING, "Ziele aus dem letzten Audit", NULL,
		              NULL);
		/* only goals that exist in the linked previous audit earn Sonderpunkte */
		for (int n = 1; n <= f->goal_count; n++) {
			const struct session_goal *g = &s->previous_goals[n - 1];
			char *label, *key;
			struct ui_field *fl;
			if (!score_previous_goal_exists(s, n - 1))
				continue;
			label = xasprintf("Ziel %d", n);
			key = xasprintf("prevgoal.%d", n);
			ui_fields_add(&fields, FIELD_INFO, label, NULL, g->goal);
			fl = ui_fields_add(&fields, FIELD_CHOICE, "  Status", key,
			                   status_values[s->previous_status[n - 1]]);
			fl->choices = status_values;
			fl->choice_labels = (const char *const *)status_labels;
			fl->choice_count = 4;
			free(label);
			free(key);
			shown++;
		}
		if (shown == 0)
			ui_fields_add(
			    &fields, FIELD_INFO,
			    s->meta.previous == NULL ? "Kein vorheriges Audit"
			                             : "Keine Ziele übernommen",
			    NULL,
			    s->meta.previous == NULL
			        ? "verknüpfen auf F8 (Vorheriges Audit); ohne "
			          "Ziele gibt es keine Sonderpunkte"
			        : "das vorherige Audit hat keine Entwicklungsziele");
	}
	for (int n = 1; n <= f->goal_count; n++) {
		char *h = xasprintf("Entwicklungsziel %d", n);
		ui_fields_add(&fields, FIELD_HEADING, h, NULL, NULL);
		free(h);
		for (size_t k = 0; k < GOAL_FIELDS; k++) {
			char *key = xasprintf("goal.%d.%s", n, goal_keys[k]);
			/* Ziel, Maßnahmen and Messgröße may take several lines */
			ui_fields_add(&fields, FIELD_TEXT, goal_names[k], key,
			              goal_text(&s->goals[n - 1], k))
			    ->multiline = k < 3;
			free(key);
		}
	}
	fields.selected = sel < fields.count ? sel : 0;
}

/* Entering the screen. */
static void
goals_init(struct ui *ui)
{
	fields.selected = 0;
	fields.top = 0;
	build(ui);
}

/* Draw the goals. */
static void
goals_draw(struct ui *ui)
{
	static const char *const keys[] = {"Enter", "bearbeiten", "Esc", "zurück",
	                                   "1",     "Hilfe",      "6",   "Ergebnis",
	                                   "10",    "Ende",       NULL};
	static const char *const edit_keys[] = {"Strg-S", "speichern", "Esc", "verwerfen",
	                                        NULL};
	char *right = NULL;

	if (ui->session->meta.kind == AUDIT_RENEWAL) {
		struct score_result r;
		score_compute(ui->session, &r);
		right = xasprintf("Sonderpunkte: %d", r.bonus);
		score_result_free(&r);
	}
	ui_frame(ui, "Entwicklungsziele",
	         right != NULL ? right : ui->session->meta.kommune,
	         fields.edit.active && fields.edit.multiline ? edit_keys : keys);
	free(right);
	ui_fields_draw(ui, &fields, 2, 1, ui->cols - 2, ui->rows - 10);
	ui_fields_detail(ui, &fields, ui->rows - 8, 1, ui->cols - 2, 5);
}

/* Save a goal text being typed before the screen is left. */
static int
goals_flush(struct ui *ui, int quitting)
{
	(void)quitting;
	return ui_fields_flush(ui, &fields, build);
}

/* Keys of the goals screen. */
static int
goals_key(struct ui *ui, int key)
{
	return ui_fields_save_key(ui, &fields, key, build);
}

const struct ui_screen ui_goals_screen = {
    .name = "Entwicklungsziele",
    .init = goals_init,
    .draw = goals_draw,
    .key = goals_key,
    .resize = NULL,
    .flush = goals_flush,
};

/*
 * ui_goals.c: the Entwicklungsziele (F7): the agreed goals with the
 * vocabulary's goal fields (Ziel, Maßnahmen, Messgröße, Frist,
 * Verantwortlich, the questions the goal addresses); in a re-audit first
 * the previous goals that exist in the linked previous audit, with their
 * status and the Sonderpunkte each status earns (score_goal_bonus: only
 * these goals earn Sonderpunkte). Every change is saved at once.
 */
#include "config.h"

#include <stdlib.h>

#include "lib/util.h"
#include "model/score.h"
#include "tui/fieldscreen.h"
#include "tui/frame.h"
#include "tui/screens.h"

/* Where the list and the editor box go. */
static void
layout(struct ui *ui, struct ui_fields *f)
{
	fields_layout(f, ui->cols - 2, ui->rows - 10, ui->cols - 2, 5);
}

/* The status field of previous goal n, its choices with the Sonderpunkte. */
static void
add_status(struct ui *ui, struct ui_fields *f, int n)
{
	char *key = xasprintf("prevgoal.%d", n), *v = session_get(ui->session, key);
	struct ui_field *fl =
	    fields_add(f, FIELD_CHOICE, "  Status", key, v != NULL ? v : "");

	fields_add_choice(fl, "", "– (noch nicht bewertet)");
	for (size_t i = 0; i < vocab_goal_status.count; i++) {
		/* the values follow enum goal_status after GOAL_OPEN */
		int bonus =
		    score_goal_bonus(ui->session->form, (enum goal_status)(i + 1));
		char *label =
		    xasprintf("%s (+%d %s)", vocab_goal_status.items[i].label, bonus,
		              bonus == 1 ? "Sonderpunkt" : "Sonderpunkte");
		fields_add_choice(fl, vocab_goal_status.items[i].value, label);
		free(label);
	}
	free(key);
	free(v);
}

/* The previous audit's goals that exist, with their status. */
static void
add_previous(struct ui *ui, struct ui_fields *f)
{
	const struct session *s = ui->session;
	int shown = 0;

	fields_add(f, FIELD_HEADING, "Ziele aus dem letzten Audit", NULL, NULL);
	for (int n = 1; n <= s->form->goal_count; n++) {
		char *label;
		if (!score_previous_goal_exists(s, n - 1))
			continue;
		label = xasprintf("Ziel %d", n);
		fields_add(f, FIELD_INFO, label, NULL, s->previous_goals[n - 1].goal);
		add_status(ui, f, n);
		free(label);
		shown++;
	}
	if (shown == 0)
		fields_add(
		    f, FIELD_INFO,
		    s->meta.previous == NULL ? "Kein vorheriges Audit"
		                             : "Keine Ziele übernommen",
		    NULL,
		    s->meta.previous == NULL
		        ? "verknüpfen auf F8 (Vorheriges Audit); ohne Ziele gibt es "
		          "keine Sonderpunkte"
		        : "das vorherige Audit hat keine Entwicklungsziele");
}

/* Refill the fields from the session, keeping the selection. */
static void
build(struct ui *ui, struct ui_fields *f, struct ui_field *changed, const char *value)
{
	const struct session *s = ui->session;
	size_t sel = f->selected;

	(void)changed;
	(void)value;
	fields_clear(f);
	if (s->meta.kind == AUDIT_RENEWAL)
		add_previous(ui, f);
	for (int n = 1; n <= s->form->goal_count; n++) {
		char *h = xasprintf("Entwicklungsziel %d", n);
		fields_add(f, FIELD_HEADING, h, NULL, NULL);
		free(h);
		for (size_t k = 0; k < vocab_goal.count; k++) {
			char *key = xasprintf("goal.%d.%s", n, vocab_goal.fields[k].key);
			fields_add_record(f, s, &vocab_goal.fields[k], NULL, key, NULL);
			free(key);
		}
	}
	f->selected = sel < f->count ? sel : 0;
	layout(ui, f);
}

/* Entering the screen. */
static void *
goals_init(struct ui *ui, void *state)
{
	struct ui_fields *f = fieldscreen_state(state, build);

	f->selected = 0;
	f->top = 0;
	build(ui, f, NULL, NULL);
	return f;
}

/* The terminal size changed. */
static void
goals_resize(struct ui *ui, void *state)
{
	layout(ui, state);
}

/* Draw the goals. */
static void
goals_draw(const struct ui *ui, const void *state)
{
	const struct ui_fields *f = state;
	char *right = NULL;

	if (ui->session->meta.kind == AUDIT_RENEWAL) {
		struct score_result r;
		score_compute(ui->session, &r);
		right = xasprintf("Sonderpunkte: %d", r.bonus);
		score_result_free(&r);
	}
	fieldscreen_frame(ui, f, "Entwicklungsziele",
	                  right != NULL ? right : ui->session->meta.kommune);
	free(right);
	fields_draw(ui, f, 2, 1);
	fields_detail(ui, f, ui->rows - 8, 1);
}

const struct ui_screen ui_goals_screen = {
    .name = "Ziele",
    .init = goals_init,
    .free = fieldscreen_free,
    .draw = goals_draw,
    .key = fieldscreen_key,
    .resize = goals_resize,
    .flush = fieldscreen_flush,
    .bindings = fieldscreen_bindings,
    .binding_count = BIND_COUNT(fieldscreen_bindings),
    .bar_globals = UI_BAR_F(1) | UI_BAR_F(6) | UI_BAR_F(10),
};

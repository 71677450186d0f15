/*
 * ui_goals.c: the Entwicklungsziele (F7): the agreed goals with the
 * vocabulary's goal fields (Ziel, Maßnahmen, Messgröße, Frist,
 * Verantwortlich, the questions the goal addresses); in a re-audit first
 * the previous goals that exist in the linked previous audit, with their
 * status and the Sonderpunkte each status earns (score_goal_bonus: only
 * these goals earn Sonderpunkte; shown where screen_points_shown allows).
 * Every change is saved at once. Where the town proposed a goal in its
 * Dokumentationstabelle (model/town.h), its proposal stands above the
 * goal's fields with a button that takes it over; in a re-audit what the
 * town reports on each previous goal stands under it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "model/score.h"
#include "model/town.h"
#include "tui/fieldscreen.h"
#include "tui/frame.h"
#include "tui/save.h"
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
		    screen_points_shown(ui)
		        ? xasprintf("%s (+%d %s)", vocab_goal_status.items[i].label,
		                    bonus, bonus == 1 ? "Sonderpunkt" : "Sonderpunkte")
		        : xstrdup(vocab_goal_status.items[i].label);
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
		if (town_prevgoal_state(s, (size_t)n - 1) != NULL)
			fields_add(f, FIELD_INFO, "  Stand laut Kommune", NULL,
			           town_prevgoal_state(s, (size_t)n - 1));
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
		        ? "verknüpfen auf F8 (Vorheriges Audit); erst damit gibt es "
		          "Ziele zu bewerten"
		        : "das vorherige Audit hat keine Entwicklungsziele");
}

static void build(struct ui *ui, struct ui_fields *f, struct ui_field *changed,
                  const char *value);

/* The answer to „Ziel N ersetzen?“ (arg: the button's key, "town.goal.N"),
 * or the button of a goal without text: take the town's proposal over. */
static void
take_town_goal(struct ui *ui, void *arg)
{
	struct ui_fields *f = screen_state(ui, &ui_goals_screen);
	const char *key = arg;
	size_t n = (size_t)strtoul(key + strlen(TOWN_PREFIX "goal."), NULL, 10);
	char *why = NULL;

	if (save_reason_needed(ui, NULL))
		return;
	if (town_take_goal(ui->session, n - 1, &why) != 0) {
		screen_message(ui, 1, "%s", why);
		free(why);
		return;
	}
	if (save_now(ui) == 0) {
		char *saved = xstrdup(ui->status != NULL ? ui->status : "");
		screen_message(ui, 0,
		               "Vorschlag der Kommune als Ziel %zu übernommen · %s", n,
		               saved);
		free(saved);
	}
	if (f != NULL)
		build(ui, f, NULL, NULL);
}

/* The button „Vorschlag der Kommune übernehmen“: asks first when the goal
 * already has text. */
static int
press_take(struct ui *ui, void *owner)
{
	static const int yes[3] = {'j', 'J', 0};
	struct ui_fields *f = owner;
	const char *key = f->items[f->selected].key;
	size_t n = (size_t)strtoul(key + strlen(TOWN_PREFIX "goal."), NULL, 10);
	int filled = 0;

	for (size_t k = 0; k < vocab_goal.count; k++) {
		char *rk = xasprintf("goal.%zu.%s", n, vocab_goal.fields[k].key);
		char *v = session_get(ui->session, rk);
		filled |= v != NULL && v[0] != '\0';
		free(v);
		free(rk);
	}
	if (filled) {
		char *q =
		    xasprintf("Ziel %zu durch den Vorschlag der Kommune ersetzen? j: "
		              "ersetzen, andere Taste: behalten",
		              n);
		screen_ask(ui, q, yes, take_town_goal, (void *)key, "Ziel behalten");
		free(q);
	} else {
		take_town_goal(ui, (void *)key);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* The town's proposal for goal n (1-based) and the button to take it. */
static void
add_town_goal(struct ui *ui, struct ui_fields *f, int n)
{
	const struct session *s = ui->session;
	struct ui_field *button;
	char *key;

	if (!town_goal_proposed(s, (size_t)n - 1))
		return;
	fields_add(f, FIELD_INFO, "Vorschlag Kommune", NULL,
	           "aus der Dokumentationstabelle");
	for (size_t k = 0; k < vocab_goal.count; k++) {
		const char *v = town_goal_field(s, (size_t)n - 1, k);
		char *label;
		if (v == NULL || v[0] == '\0')
			continue;
		label = xasprintf("  %s", vocab_goal.fields[k].label);
		fields_add(f, FIELD_INFO, label, NULL, v);
		free(label);
	}
	key = xasprintf(TOWN_PREFIX "goal.%d", n);
	button =
	    fields_add(f, FIELD_BUTTON, "Vorschlag der Kommune übernehmen", key, NULL);
	button->press = press_take;
	free(key);
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
		add_town_goal(ui, f, n);
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

	f->owner = f; /* the button's press gets the list */
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

	if (ui->session->meta.kind == AUDIT_RENEWAL && screen_points_shown(ui)) {
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

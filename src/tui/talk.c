/*
 * talk.c: what the keys of the talk and the verdict do (talk.h). The rules
 * are the model's: whether points are hidden (session_points_hidden); this
 * file only asks and says what happened in the status line.
 */
#include "config.h"

#include "model/history.h"
#include "tui/keys.h"
#include "tui/screens.h"
#include "tui/talk.h"

static int
talk_points(struct ui *ui, void *state, int key)
{
	int phase = ui->session != NULL ? (int)session_phase(ui->session) : -1;

	(void)state;
	(void)key;
	if (ui->points_toggled && ui->phase_seen == phase)
		ui->points_toggled = 0;
	else {
		ui->points_toggled = 1;
		ui->phase_seen = phase;
	}
	/* F7 makes its choices with or without Sonderpunkte: made again */
	if (ui->depth == 1 && ui->stack[0] == &ui_goals_screen &&
	    screen_flush(ui, 0) == 0)
		screen_switch(ui, ui->stack[0]);
	screen_message(ui, 0, "%s",
	               screen_points_shown(ui)
	                   ? "Punkte sichtbar – Strg-P verbirgt sie wieder"
	                   : "Punkte verborgen – Strg-P zeigt sie");
	return UI_HANDLED | UI_REDRAW;
}

const struct ui_binding talk_bindings[] = {
    {UI_CTRL('p'), 0, "Strg-P", NULL,
     "Punkte zeigen oder verbergen (im Gespräch verborgen: die Kommune sieht mit)",
     talk_points},
};
const size_t talk_binding_count = BIND_COUNT(talk_bindings);

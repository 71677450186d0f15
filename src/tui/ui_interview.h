/*
 * ui_interview.h: what other screens may ask of the interview screen.
 * Included only by ui*.c.
 */
#ifndef UI_INTERVIEW_H
#define UI_INTERVIEW_H

#include <stddef.h>

struct ui;

/* Show question qi (resets the answer widget, remembers the cursor). */
void ui_interview_go(struct ui *ui, size_t qi);

/* The screen's flush: save a typed, unconfirmed answer (see struct ui_screen). */
int ui_interview_flush(struct ui *ui, int quitting);

#endif

/*
 * screens.h: every screen of the interview, for the screen table in
 * screen.c and for the screens and keys that switch to one. Each is
 * defined in its own ui_<name>.c.
 */
#ifndef SCREENS_H
#define SCREENS_H

#include <stddef.h>

#include "tui/screen.h"

extern const struct ui_screen ui_start_screen;       /* ui_start.c: the sessions */
extern const struct ui_screen ui_new_screen;         /* ui_new.c: „Neues Audit“ */
extern const struct ui_screen ui_interview_screen;   /* ui_interview.c */
extern const struct ui_screen ui_sections_screen;    /* ui_sections.c: F4 */
extern const struct ui_screen ui_note_screen;        /* ui_note.c: F2 */
extern const struct ui_screen ui_evidence_screen;    /* ui_evidence.c: F3 */
extern const struct ui_screen ui_goals_screen;       /* ui_goals.c: F7 */
extern const struct ui_screen ui_master_screen;      /* ui_master.c: F8 */
extern const struct ui_screen ui_review_screen;      /* ui_review.c: F5 */
extern const struct ui_screen ui_development_screen; /* ui_development.c: F5, v */
extern const struct ui_screen ui_result_screen;      /* ui_result.c: F6 */
extern const struct ui_screen ui_find_screen;        /* ui_find.c: F9 */
extern const struct ui_screen ui_help_screen;        /* ui_help.c: F1 */
extern const struct ui_screen ui_quit_save_screen;   /* ui_quit.c: the last save failed */
extern const struct ui_screen ui_quit_input_screen;  /* ui_quit.c: typed input unsaved */
extern const struct ui_screen ui_history_screen; /* ui_history.c: Strg-R, the changes */
extern const struct ui_screen ui_reason_screen;  /* ui_reason.c: reason of a change */

/* The screen table (screen.c): every screen once, in the help's order. */
extern const struct ui_screen *const screens[];
extern const size_t screen_count;

/* ui_interview.c: show question qi (after switching to the interview). */
void ui_interview_go(struct ui *ui, size_t qi);

/* ui_master.c: the master data fields F8 and the new-audit screen show. */
struct ui_fields;
struct vocab_field;
/* The master-data fields and the participant lines: values from s, or the
 * defaults (today's date, Erstaudit) without a session. */
void ui_master_fields(struct ui *ui, struct ui_fields *f, const struct session *s);
/* The fields of participant n (values from s, which may be NULL). */
void ui_master_participant(struct ui_fields *f, size_t n, const struct session *s);
/* The value a master-data field has before anyone typed (today for the
 * date, Erstaudit for the Art), or NULL. Borrowed. */
const char *ui_master_default(const struct vocab_field *vf, const char today[11]);
/* The IHK data/ihk.txt names for the Landkreis (caller frees), or NULL. */
char *ui_master_suggest_ihk(struct ui *ui, const char *landkreis);

#endif

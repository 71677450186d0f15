/*
 * save.h: the interview's save path. Every change of the open session goes
 * through the model's one entry point (session_change) and is saved at once
 * (audit_save); the status line says „Gespeichert HH:MM:SS“ or, in red,
 * why not. The TUI never changes or saves a session any other way. Also
 * the other files the interview writes: the rescue copy as text and the
 * Ergebnisformular.
 */
#ifndef SAVE_H
#define SAVE_H

#include <stddef.h>

#include "tui/screen.h"

/*
 * save_change: set record key to value (NULL: clear it), then save at once.
 * Returns 0 when the change is valid (saved, or after a failed save kept in
 * memory with the reason in red), -1 when the value was refused (reason in
 * the status line; nothing changed), also when the change needs a reason
 * that is not given yet (save_reason_needed).
 */
int save_change(struct ui *ui, const char *key, const char *value);

/* Whether changing record key (NULL: any record) needs a reason first: the
 * audit is abgeschlossen and none is given. Then 1, with the status line
 * saying so and the screen manager told to ask for one and run the key
 * again; else 0. */
int save_reason_needed(struct ui *ui, const char *key);

/* Save the session now (after a change made by a model function such as
 * reaudit_link); 0 or -1 (shown). */
int save_now(struct ui *ui);

/* Remember the question the auditor is on (saved with the next snapshot). */
void save_cursor(struct ui *ui, size_t question);

/* Whether the position on disk lags behind the one in memory. */
int save_cursor_pending(const struct ui *ui);

/* After a saved change of key: warn in the status line when the date it
 * holds now is implausible („Gespeichert, aber: …“). */
void save_date_warning(struct ui *ui, const char *key);

/* After a failed save: write the session as text into dir (the quit
 * dialog). 0 (the path is kept for the closing message), or -1 (shown). */
int save_elsewhere(struct ui *ui, const char *dir);

/* Write the Ergebnisformular of s beside it (F6, the start screen); the
 * outcome in the status line. */
void save_workbook(struct ui *ui, const struct session *s);

/* Write the Dokumentationstabelle of s beside it for the town (the start
 * screen); an existing file is never replaced here. The outcome in the
 * status line. */
void save_table(struct ui *ui, const struct session *s);

#endif

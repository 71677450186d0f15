/*
 * save.c: the interview's save path: session_change, then audit_save, with
 * the outcome in the status line; a failed save is remembered (red status
 * line, the quit dialog asks) and the change kept in memory. The session's
 * position (session.cursor) goes with the next snapshot. The rescue copy as
 * text after a failed save, and the Ergebnisformular (export_xlsx). Once the
 * audit is abgeschlossen a change needs a reason: save_change refuses it
 * and the screen manager asks for one (ui_reason.c). Never draws; screens
 * call it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/date.h"
#include "lib/util.h"
#include "model/audit.h"
#include "model/export.h"
#include "model/history.h"
#include "model/table.h"
#include "tui/save.h"

int
save_now(struct ui *ui)
{
	char *why = NULL;
	char stamp[16];
	time_t t = time(NULL);
	struct tm tm;

	if (ui->session == NULL)
		return 0;
	if (audit_save(ui->session, &why) != 0) {
		ui->save_failed = 1;
		free(ui->save_error);
		ui->save_error = why;
		return -1;
	}
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
	ui->save_failed = 0;
	free(ui->save_error);
	ui->save_error = NULL;
	screen_message(ui, 0, "Gespeichert %s", stamp);
	str_replace(&ui->saved_cursor, ui->session->cursor);
	return 0;
}

int
save_reason_needed(struct ui *ui, const char *key)
{
	if (ui->session == NULL || !session_change_needs_reason(ui->session, key))
		return 0;
	ui->retry.wanted = 1;
	screen_message(ui, 1,
	               "Das Audit ist abgeschlossen: jede Änderung braucht einen "
	               "Grund fürs Änderungsprotokoll");
	return 1;
}

int
save_change(struct ui *ui, const char *key, const char *value)
{
	char *why = NULL;

	if (ui->session == NULL || save_reason_needed(ui, key))
		return -1;
	if (session_change(ui->session, key, value, &why) != 0) {
		screen_message(ui, 1, "%s", why != NULL ? why : "ungültiger Wert");
		free(why);
		return -1;
	}
	save_now(ui);
	return 0;
}

void
save_cursor(struct ui *ui, size_t question)
{
	const char *id;
	char *why = NULL;

	if (ui->session == NULL || question >= ui->session->form->question_count)
		return;
	id = ui->session->form->questions[question].full_id;
	if (ui->session->cursor != NULL && strcmp(ui->session->cursor, id) == 0)
		return;
	if (session_change(ui->session, "session.cursor", id, &why) != 0)
		free(why);
}

int
save_cursor_pending(const struct ui *ui)
{
	const char *a, *b = ui->saved_cursor;

	if (ui->session == NULL)
		return 0;
	a = ui->session->cursor;
	if (a == NULL || b == NULL)
		return a != b;
	return strcmp(a, b) != 0;
}

int
save_elsewhere(struct ui *ui, const char *dir)
{
	char *why = NULL, *path = NULL;

	if (session_rescue_save(ui->session, dir, &path, &why) != 0) {
		screen_message(ui, 1, "Sicherung fehlgeschlagen: %s", why);
		free(why);
		return -1;
	}
	screen_message(ui, 0, "Gesichert in %s (wiederherstellen: wohnort-audit load %s)",
	               path, path);
	ui->save_failed = 0; /* the data is safe on disk */
	str_replace(&ui->rescue_path, path);
	free(path);
	return 0;
}

void
save_date_warning(struct ui *ui, const char *key)
{
	char today[11], *w;

	date_today(today);
	w = session_date_warning(ui->session, key, today);
	if (w != NULL)
		screen_message(ui, 1, "Gespeichert, aber: %s", w);
	free(w);
}

/* The outcome of writing a file for a person, in the status line. The
 * directory is the session's, so messages name the file only: a long path
 * would push the reason off the two status rows. */
static void
say_written(struct ui *ui, int rc, const char *done, const char *failed, const char *path,
            const char *why)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	const char *text = why != NULL ? why : path;

	if (rc == 0)
		screen_message(ui, 0, "%s: %s", done, path + dir);
	else if (dir > 0 && strncmp(text, path, dir) == 0)
		screen_message(ui, 1, "%s: %s", failed, text + dir);
	else
		screen_message(ui, 1, "%s: %s", failed, text);
}

void
save_workbook(struct ui *ui, const struct session *s)
{
	char *path = export_default_path(s), *why = NULL;
	int rc = export_xlsx(s, path, &why);

	say_written(ui, rc, "Ergebnisformular geschrieben", "Export fehlgeschlagen", path,
	            why);
	free(why);
	free(path);
}

void
save_table(struct ui *ui, const struct session *s)
{
	char *path = table_default_path(s), *why = NULL;
	int rc = table_write(s, path, 0, NULL, &why);

	say_written(ui, rc, "Dokumentationstabelle für die Kommune geschrieben",
	            "Dokumentationstabelle", path, why);
	free(why);
	free(path);
}

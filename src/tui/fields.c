/*
 * fields.c: the field list of the new-audit screen, F2, F3, F7 and F8. Made
 * from the vocabulary tables; keys are the binding table fields_bindings,
 * an open editor takes every key first. A changed value goes to the list's
 * store hook, so the widget itself never decides whether a value is saved
 * (F2, F3, F7, F8: fields_save) or kept (the new-audit screen). Drawing
 * only reads: the keys and fields_layout keep the selection and the scroll
 * position right.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "lib/date.h"
#include "lib/util.h"
#include "tui/fields.h"
#include "tui/frame.h"
#include "tui/keys.h"
#include "tui/save.h"
#include "tui/text.h"

struct ui_field *
fields_add(struct ui_fields *f, enum ui_field_kind kind, const char *label,
           const char *key, const char *value)
{
	struct ui_field *fl;

	f->items = xreallocarray(f->items, f->count + 1, sizeof *f->items);
	fl = &f->items[f->count++];
	memset(fl, 0, sizeof *fl);
	fl->kind = kind;
	fl->label = xstrdup(label);
	fl->key = xstrdup(key);
	fl->value = xstrdup(value);
	return fl;
}

void
fields_add_choice(struct ui_field *fl, const char *value, const char *label)
{
	fl->choices =
	    xreallocarray(fl->choices, fl->choice_count + 1, sizeof *fl->choices);
	fl->choice_labels = xreallocarray(fl->choice_labels, fl->choice_count + 1,
	                                  sizeof *fl->choice_labels);
	fl->choices[fl->choice_count] = xstrdup(value);
	fl->choice_labels[fl->choice_count++] = xstrdup(label);
}

struct ui_field *
fields_add_vocab(struct ui_fields *f, const struct vocab_field *vf, const char *label,
                 const char *key, const char *value, const char *empty_label)
{
	struct ui_field *fl;

	if (label == NULL)
		label = vf->label;
	switch (vf->kind) {
	case VOCAB_DATE:
		return fields_add(f, FIELD_DATE, label, key, value);
	case VOCAB_CHOICE:
	case VOCAB_REFERENCE:
	case VOCAB_SESSION:
		fl = fields_add(f, FIELD_CHOICE, label, key, value != NULL ? value : "");
		if (empty_label != NULL)
			fields_add_choice(fl, "", empty_label);
		for (size_t i = 0; vf->values != NULL && i < vf->values->count; i++)
			fields_add_choice(fl, vf->values->items[i].value,
			                  vf->values->items[i].label);
		return fl;
	case VOCAB_LONGTEXT:
		fl = fields_add(f, FIELD_TEXT, label, key, value);
		fl->multiline = 1;
		return fl;
	default:
		return fields_add(f, FIELD_TEXT, label, key, value);
	}
}

struct ui_field *
fields_add_record(struct ui_fields *f, const struct session *s,
                  const struct vocab_field *vf, const char *label, const char *key,
                  const char *empty_label)
{
	char *value = session_get(s, key);
	struct ui_field *fl = fields_add_vocab(f, vf, label, key, value, empty_label);

	free(value);
	return fl;
}

void
fields_clear(struct ui_fields *f)
{
	for (size_t i = 0; i < f->count; i++) {
		struct ui_field *fl = &f->items[i];
		free(fl->label);
		free(fl->key);
		free(fl->value);
		for (size_t k = 0; k < fl->choice_count; k++) {
			free(fl->choices[k]);
			free(fl->choice_labels[k]);
		}
		free(fl->choices);
		free(fl->choice_labels);
	}
	free(f->items);
	f->items = NULL;
	f->count = f->selected = f->top = 0;
	f->typed_len = 0;
	edit_stop(&f->edit);
}

struct ui_field *
fields_find(struct ui_fields *f, const char *key)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->items[i].key != NULL && strcmp(f->items[i].key, key) == 0)
			return &f->items[i];
	return NULL;
}

/* Index of the field's value among its choices, or -1. */
static int
choice_index(const struct ui_field *fl)
{
	for (size_t k = 0; k < fl->choice_count; k++)
		if (fl->value != NULL && strcmp(fl->choices[k], fl->value) == 0)
			return (int)k;
	return -1;
}

const char *
fields_choice_label(const struct ui_field *fl)
{
	int k = choice_index(fl);

	if (k < 0)
		return fl->value != NULL && fl->value[0] != '\0' ? fl->value : "–";
	return fl->choice_labels[k];
}

/* Whether the field can take the selection. */
static int
selectable(const struct ui_field *fl)
{
	return !fl->hidden && fl->kind != FIELD_HEADING && fl->kind != FIELD_INFO;
}

/* Move the selection by dir (±1) to the next selectable field. */
static int
select_next(struct ui_fields *f, int dir)
{
	size_t i = f->selected;

	for (;;) {
		if (dir < 0 && i == 0)
			return 0;
		i = dir < 0 ? i - 1 : i + 1;
		if (i >= f->count)
			return 0;
		if (selectable(&f->items[i])) {
			f->selected = i;
			return 1;
		}
	}
}

/* Columns of the label column in a list width columns wide. */
static int
label_width(const struct ui_fields *f, int width)
{
	int label_w = 0;

	for (size_t i = 0; i < f->count; i++) {
		int w;
		if (f->items[i].hidden || f->items[i].kind == FIELD_HEADING ||
		    f->items[i].kind == FIELD_BUTTON)
			continue;
		w = text_width(f->items[i].label);
		if (w > label_w)
			label_w = w;
	}
	label_w += 2;
	return label_w > width / 2 ? width / 2 : label_w;
}

/* Keep the selection on a selectable field and in view, and the editor's
 * view on its cursor. */
static void
settle(struct ui_fields *f)
{
	size_t shown_before = 0;
	int width, height;

	if (f->count == 0)
		return;
	if (f->selected >= f->count)
		f->selected = 0;
	if (!selectable(&f->items[f->selected]) && !select_next(f, 1))
		select_next(f, -1);
	for (size_t i = 0; i < f->selected; i++)
		if (!f->items[i].hidden)
			shown_before++;
	if (shown_before < f->top)
		f->top = shown_before > 0 && f->items[0].kind == FIELD_HEADING
		             ? shown_before - 1
		             : shown_before;
	if (f->height > 0 && shown_before >= f->top + (size_t)f->height)
		f->top = shown_before - (size_t)f->height + 1;
	/* the editor's view is kept by its keys; it moves when its size does */
	if (f->edit.multiline)
		width = f->detail_width, height = f->detail_height - 1;
	else
		width = f->width - label_width(f, f->width), height = 1;
	if (width != f->edit.width || height != f->edit.height)
		edit_layout(&f->edit, width, height);
}

void
fields_layout(struct ui_fields *f, int width, int height, int detail_width,
              int detail_height)
{
	f->width = width;
	f->height = height;
	f->detail_width = detail_width;
	f->detail_height = detail_height;
	settle(f);
}

int
fields_editing(const struct ui_fields *f)
{
	return f->edit.active;
}

/* Take value into field fl: a date typed as TT.MM.JJJJ becomes ISO first;
 * then the field's or the list's store, and the changed hook. */
static int
take(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *value)
{
	char iso[11], *why = NULL;
	fields_store_fn *store = fl->store != NULL ? fl->store : f->store;

	if (fl->kind == FIELD_DATE && value[0] != '\0') {
		if (date_parse(value, iso, &why) != 0) {
			screen_message(ui, 1, "%s", why);
			free(why);
			return -1;
		}
		value = iso;
	}
	if (fl->key == NULL) {
		edit_stop(&f->edit);
		return 0;
	}
	if (store(ui, f, fl, value) != 0)
		return -1;
	edit_stop(&f->edit);
	if (f->changed != NULL)
		f->changed(ui, f, fl, value);
	settle(f);
	return 0;
}

/* Start the editor on field fl with start (a date shown as TT.MM.JJJJ). */
static void
start_editor(struct ui_fields *f, const struct ui_field *fl, const char *start)
{
	f->edit.multiline = fl->multiline;
	if (fl->kind == FIELD_DATE && start != NULL) {
		char *shown = date_display(start);
		edit_start(&f->edit, shown);
		free(shown);
	} else {
		edit_start(&f->edit, start);
	}
	settle(f);
}

/* The selected field (the list is not empty). */
static struct ui_field *
selected(struct ui_fields *f)
{
	return &f->items[f->selected];
}

/* ↑: the field above. */
static int
fields_up(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)key;
	select_next(state, -1);
	return UI_HANDLED | UI_REDRAW;
}

/* ↓, Tab: the field below. */
static int
fields_down(struct ui *ui, void *state, int key)
{
	(void)ui;
	(void)key;
	select_next(state, 1);
	return UI_HANDLED | UI_REDRAW;
}

/* Bild↑, Bild↓: eight fields up or down. */
static int
fields_page(struct ui *ui, void *state, int key)
{
	(void)ui;
	for (int i = 0; i < 8; i++)
		select_next(state, key == UI_KEY(KEY_PPAGE) ? -1 : 1);
	return UI_HANDLED | UI_REDRAW;
}

/* Pos1, Ende: the first or the last field. */
static int
fields_ends(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;

	(void)ui;
	if (key == UI_KEY(KEY_HOME)) {
		f->selected = 0;
		if (!selectable(&f->items[0]))
			select_next(f, 1);
	} else {
		f->selected = f->count - 1;
		if (!selectable(&f->items[f->selected]))
			select_next(f, -1);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* Take choice k of the selected choice field. */
static int
take_choice(struct ui *ui, struct ui_fields *f, int k)
{
	char *value = xstrdup(selected(f)->choices[k]);

	take(ui, f, selected(f), value);
	free(value);
	return UI_HANDLED | UI_REDRAW;
}

/* Leertaste, ←, →: the next or previous choice of a choice field. */
static int
fields_step(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;
	const struct ui_field *fl = selected(f);
	int k = choice_index(fl), n = (int)fl->choice_count;

	if (fl->kind != FIELD_CHOICE || n == 0)
		return 0;
	if (key == UI_KEY(KEY_LEFT))
		k = k <= 0 ? n - 1 : k - 1;
	else
		k = (k + 1) % n;
	return take_choice(ui, f, k);
}

/* 1 … 9: choice N of a choice field. */
static int
fields_digit(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;
	const struct ui_field *fl = selected(f);

	if (fl->kind != FIELD_CHOICE || key < '1' || key - '1' >= (int)fl->choice_count)
		return 0;
	return take_choice(ui, f, key - '1');
}

/* Enter: edit a text or date field, press a button; on a choice only a hint
 * (Enter never changes a choice). */
static int
fields_enter(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;
	struct ui_field *fl = selected(f);

	(void)key;
	switch (fl->kind) {
	case FIELD_CHOICE:
		if (fl->choice_count == 0)
			return 0;
		screen_message(
		    ui, 0,
		    "Auswahl: Leertaste, ←/→, Ziffer oder Anfangsbuchstaben tippen");
		return UI_HANDLED | UI_REDRAW;
	case FIELD_BUTTON:
		return fl->press(ui, f->owner);
	case FIELD_TEXT:
	case FIELD_DATE:
		start_editor(f, fl, fl->value);
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

/* Leertaste on a button: press it. */
static int
fields_press(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;

	(void)key;
	if (selected(f)->kind != FIELD_BUTTON)
		return 0;
	return selected(f)->press(ui, f->owner);
}

/* →: edit a text or date field (on a choice, → is the next choice). */
static int
fields_edit(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;
	struct ui_field *fl = selected(f);

	(void)ui;
	(void)key;
	if (fl->kind != FIELD_TEXT && fl->kind != FIELD_DATE)
		return 0;
	start_editor(f, fl, fl->value);
	return UI_HANDLED | UI_REDRAW;
}

/* The answer to „… leeren?“: empty the selected field. */
static void
empty_yes(struct ui *ui, void *arg)
{
	struct ui_fields *f = arg;

	take(ui, f, selected(f), "");
}

/* Entf: empty a text or date field, after asking. */
static int
fields_delete(struct ui *ui, void *state, int key)
{
	static const int yes[3] = {'j', 'J', UI_KEY(KEY_DC)};
	struct ui_fields *f = state;
	const struct ui_field *fl = selected(f);
	char *question;

	(void)key;
	if (fl->kind != FIELD_TEXT && fl->kind != FIELD_DATE)
		return 0;
	if (fl->value == NULL || fl->value[0] == '\0')
		return UI_HANDLED | UI_REDRAW;
	question = xasprintf("„%s“ leeren? j oder Entf: leeren, andere Taste: behalten",
	                     fl->label);
	screen_ask(ui, question, yes, empty_yes, f, "Feld behalten");
	free(question);
	return UI_HANDLED | UI_REDRAW;
}

/* Text folded for picking by typing: lower case, ä → a, ß → ss (caller frees). */
static wchar_t *
fold_for_pick(const char *utf8)
{
	size_t n;
	wchar_t *w = text_decode(utf8, &n);
	wchar_t *out = xreallocarray(NULL, 2 * n + 1, sizeof *out);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		wchar_t c = (wchar_t)towlower((wint_t)w[i]);
		if (c == L'ä')
			c = L'a';
		else if (c == L'ö')
			c = L'o';
		else if (c == L'ü')
			c = L'u';
		else if (c == L'ß') {
			out[k++] = L's';
			c = L's';
		}
		out[k++] = c;
	}
	out[k] = L'\0';
	free(w);
	return out;
}

/* Milliseconds on a monotonic clock. */
static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Pick a choice by typing: the letters typed within a second of each other
 * form the search; the first choice whose label starts with it wins, else
 * the first with a word that starts with it, else the first containing it.
 * Returns the index, or -1.
 */
static int
pick_by_typing(struct ui_fields *f, const struct ui_field *fl, int key)
{
	long t = now_ms();
	wchar_t *typed, one = (wchar_t)key;
	int best = -1, best_rank = 4;
	char *mb;
	size_t r;

	if (t - f->typed_at > 1000 || f->typed_field != f->selected)
		f->typed_len = 0;
	f->typed_at = t;
	f->typed_field = f->selected;
	mb = text_encode(&one, 1);
	r = strlen(mb);
	if (f->typed_len + r >= sizeof f->typed) {
		free(mb);
		return -1;
	}
	memcpy(f->typed + f->typed_len, mb, r);
	free(mb);
	f->typed_len += r;
	f->typed[f->typed_len] = '\0';
	typed = fold_for_pick(f->typed);
	for (size_t k = 0; k < fl->choice_count; k++) {
		wchar_t *l = fold_for_pick(fl->choice_labels[k]), *hit = wcsstr(l, typed);
		int rank = hit == NULL ? 4 : hit == l ? 0 : !iswalnum(hit[-1]) ? 1 : 2;
		/* "IHK Darmstadt": the word after a common "IHK " counts as a start */
		if (rank == 1 && wcsncmp(l, L"ihk ", 4) == 0 && hit == l + 4)
			rank = 0;
		if (rank < best_rank) {
			best_rank = rank;
			best = (int)k;
		}
		free(l);
	}
	free(typed);
	return best;
}

/* A character: on a choice, letters pick by their start; on a text field it
 * replaces a one-line value (a note goes on). */
static int
fields_type(struct ui *ui, void *state, int key)
{
	struct ui_fields *f = state;
	struct ui_field *fl = selected(f);
	int k;

	if (fl->kind == FIELD_CHOICE) {
		if (fl->choice_count == 0 || !iswalpha((wint_t)key))
			return 0;
		k = pick_by_typing(f, fl, key);
		if (k < 0) {
			screen_message(ui, 0, "Keine Auswahl passt zu „%s“", f->typed);
			f->typed_len = 0;
			return UI_HANDLED | UI_REDRAW;
		}
		return take_choice(ui, f, k);
	}
	if (fl->kind != FIELD_TEXT && fl->kind != FIELD_DATE)
		return 0;
	start_editor(f, fl, fl->multiline ? fl->value : NULL);
	edit_key(&f->edit, key);
	return UI_HANDLED | UI_REDRAW;
}

/* The keys of the field list; the help lists them under „Felder“. */
const struct ui_binding fields_bindings[] = {
    {UI_KEY(KEY_UP), 0, "↑ ↓ Tab", NULL, "Feld wählen; Bild↑ Bild↓, Pos1 Ende springen",
     fields_up},
    {UI_KEY(KEY_DOWN), '\t', NULL, NULL, NULL, fields_down},
    {UI_KEY(KEY_PPAGE), UI_KEY(KEY_NPAGE), NULL, NULL, NULL, fields_page},
    {UI_KEY(KEY_HOME), UI_KEY(KEY_END), NULL, NULL, NULL, fields_ends},
    {' ', UI_KEY(KEY_RIGHT), "Leertaste ← →", NULL,
     "Auswahlfeld: nächste, vorige Auswahl; Anfangsbuchstaben tippen sucht", fields_step},
    {UI_KEY(KEY_LEFT), 0, NULL, NULL, NULL, fields_step},
    {UI_KEYS_DIGIT, 0, "1 … 9", NULL, "Auswahlfeld: Auswahl N", fields_digit},
    {'\n', 0, "Enter, →", NULL,
     "Feld bearbeiten (Enter speichert, Esc verwirft); ändert keine Auswahl",
     fields_enter},
    {' ', 0, NULL, NULL, NULL, fields_press},
    {UI_KEY(KEY_RIGHT), 0, NULL, NULL, NULL, fields_edit},
    {UI_KEY(KEY_DC), 0, "Entf", NULL, "Feld leeren (fragt vorher)", fields_delete},
    {UI_KEYS_TEXT, 0, "Tippen", NULL,
     "ersetzt den Wert eines einzeiligen Feldes, in Notizen geht es weiter; "
     "Datum: TT.MM.JJJJ, auch 14.3.26 oder 2026-03-14",
     fields_type},
};
const size_t fields_binding_count = BIND_COUNT(fields_bindings);

/* The answer to „Änderungen verwerfen?“ for a changed note. */
static void
discard_yes(struct ui *ui, void *arg)
{
	struct ui_fields *f = arg;

	edit_stop(&f->edit);
	screen_message(ui, 0, "Eingabe verworfen");
}

/* A key while the editor is open. */
static int
editor_key(struct ui *ui, struct ui_fields *f, int key)
{
	static const int yes[3] = {'j', 'J', 0};
	char *value;

	settle(f);
	switch (edit_key(&f->edit, key)) {
	case EDIT_COMMIT:
		value = edit_text(&f->edit);
		take(ui, f, selected(f), value);
		free(value);
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CANCEL:
		if (f->edit.multiline && f->edit.changed) {
			screen_ask(ui,
			           "Änderungen verwerfen? j: verwerfen, andere Taste: "
			           "weiter bearbeiten",
			           yes, discard_yes, f,
			           "Weiter bearbeiten (Strg-S speichert)");
			return UI_HANDLED | UI_REDRAW;
		}
		edit_stop(&f->edit);
		screen_message(ui, 0, "Eingabe verworfen");
		return UI_HANDLED | UI_REDRAW;
	case EDIT_CHANGED:
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

int
fields_key(struct ui *ui, struct ui_fields *f, int key)
{
	int r;

	if (f->count == 0)
		return 0;
	settle(f);
	if (f->edit.active)
		return editor_key(ui, f, key);
	r = bind_run(fields_bindings, fields_binding_count, ui, f, key);
	if (r != 0)
		settle(f); /* (a button that created the audit left the list empty) */
	return r;
}

int
fields_flush(struct ui *ui, struct ui_fields *f, int changed_only)
{
	char *value;
	int r;

	if (!f->edit.active || f->count == 0)
		return 0;
	if (changed_only && !f->edit.changed) {
		edit_stop(&f->edit);
		return 0;
	}
	value = edit_text(&f->edit);
	r = take(ui, f, selected(f), value);
	free(value);
	return r;
}

int
fields_save(struct ui *ui, struct ui_fields *f, struct ui_field *fl, const char *value)
{
	(void)f;
	if (save_change(ui, fl->key, value[0] != '\0' ? value : NULL) != 0)
		return -1;
	if (fl->kind == FIELD_DATE && value[0] != '\0')
		save_date_warning(ui, fl->key);
	return 0;
}

void
fields_draw(const struct ui *ui, const struct ui_fields *f, int y, int x)
{
	int width = f->width, height = f->height, label_w = label_width(f, width),
	    row = 0;
	size_t vis = 0;

	if (height <= 0 || f->count == 0)
		return;
	for (size_t i = 0; i < f->count && row < height; i++) {
		const struct ui_field *fl = &f->items[i];
		int sel = i == f->selected;
		attr_t la = frame_row_attr(ui, sel);
		if (fl->hidden)
			continue;
		if (vis++ < f->top)
			continue;
		switch (fl->kind) {
		case FIELD_HEADING:
			text_put(y + row, x, width, fl->label, ui->attrs[ROLE_TITLE]);
			break;
		case FIELD_BUTTON:
			text_putf(y + row, x + label_w, width - label_w, la | A_BOLD,
			          "[ %s ]", fl->label);
			break;
		case FIELD_INFO:
			text_put(y + row, x, label_w - 1, fl->label, ui->attrs[ROLE_DIM]);
			text_put(y + row, x + label_w, width - label_w, fl->value,
			         ui->attrs[ROLE_DIM]);
			break;
		case FIELD_CHOICE:
			text_put(y + row, x, label_w - 1, fl->label, la);
			text_putf(y + row, x + label_w, width - label_w,
			          ui->attrs[ROLE_NORMAL], "‹ %s ›",
			          fields_choice_label(fl));
			break;
		default:
			text_put(y + row, x, label_w - 1, fl->label, la);
			if (sel && f->edit.active && !f->edit.multiline) {
				edit_draw(&f->edit, y + row, x + label_w, width - label_w,
				          ui->attrs[ROLE_SELECTED]);
			} else if (sel && f->edit.active) {
				text_put(y + row, x + label_w, width - label_w,
				         "(wird unten bearbeitet)", ui->attrs[ROLE_DIM]);
			} else {
				char *shown = fl->kind == FIELD_DATE
				                  ? date_display(fl->value)
				                  : xstrdup(fl->value);
				text_put(y + row, x + label_w, width - label_w,
				         shown != NULL ? shown : "",
				         ui->attrs[ROLE_NORMAL]);
				free(shown);
			}
			break;
		}
		row++;
	}
}

void
fields_detail(const struct ui *ui, const struct ui_fields *f, int y, int x)
{
	int width = f->detail_width, height = f->detail_height;
	const struct ui_field *fl;

	if (f->count == 0 || height <= 0)
		return;
	fl = &f->items[f->selected];
	if (f->edit.active && f->edit.multiline) {
		text_putf(y, x, width, ui->attrs[ROLE_TITLE],
		          "%s: Enter neue Zeile · Strg-S speichert · Esc verwirft",
		          fl->label);
		edit_draw_box(&f->edit, y + 1, x, width, height - 1,
		              ui->attrs[ROLE_SELECTED]);
		return;
	}
	if (f->edit.active)
		return;
	if ((fl->kind != FIELD_TEXT && fl->kind != FIELD_INFO) || fl->value == NULL ||
	    (text_width(fl->value) <= width / 2 && strchr(fl->value, '\n') == NULL))
		return;
	text_wrap(y, x, width, height, fl->value, ui->attrs[ROLE_DIM]);
}

/*
 * ui.h: the interview's screen manager, shared by ui.c and the ui_*.c
 * screens. Only files named ui*.c include this header (it pulls in curses).
 * Each screen exports one const struct ui_screen; key handlers change state
 * and return UI_* flags, draw functions only read state. Model changes go
 * through ui_set(), which saves at once.
 */
#ifndef UI_H
#define UI_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include <curses.h>

#include "model/session.h"

/* Key codes: characters are their wide-character value, curses key codes
 * (KEY_DOWN, KEY_F(1) …) are offset beyond Unicode by UI_KEY(). */
#define UI_KEYBASE 0x200000
#define UI_KEY(k) (UI_KEYBASE + (k))
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 27
/* An escape sequence that is no known key: consumed whole and ignored. */
#define UI_KEY_UNKNOWN (UI_KEYBASE - 1)
/* How long a lone Esc waits for a digit (Esc 1 … Esc 0 = F1 … F10) when
 * ESCDELAY is not set, in ms: a person types Esc then a digit within it. */
#define UI_ESC_WAIT_MS 500

/* Flags returned by key handlers. */
enum {
	UI_HANDLED = 1, /* the key was used */
	UI_REDRAW = 2,  /* the screen must be drawn again */
	UI_QUIT = 4,    /* leave the program */
};

/* Why quitting asks first. */
enum {
	QUIT_ASK_SAVE = 1, /* the last save failed */
	QUIT_ASK_INPUT,    /* typed input cannot be saved (invalid, or not created) */
};

/* Smallest usable terminal; below it a message asks for a larger window. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 18
/* From this width on the interview shows the Handlungsfeld list at the side. */
#define UI_SIDE_COLS 80

/* Colour/attribute roles; ui_attr() maps them to colours or monochrome. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_HEADER,   /* title line */
	ROLE_SELECTED, /* highlighted row */
	ROLE_ERROR,    /* failure messages */
	ROLE_OK,       /* saved, complete */
	ROLE_KEY,      /* key number in the key bar */
	ROLE_KEYLABEL, /* its label */
	ROLE_DIM,      /* hints, hidden items */
	ROLE_BAR,      /* filled part of a bar */
	ROLE_BAR_LOW,  /* bar below the minimum */
	ROLE_TITLE,    /* headings inside a screen */
	ROLE_COUNT,
};

struct ui;

struct ui_screen {
	const char *name;                 /* German title, also used in the header */
	void (*init)(struct ui *);        /* entering the screen */
	void (*draw)(struct ui *);        /* draw everything (only reads state) */
	int (*key)(struct ui *, int key); /* UI_* flags; 0 when not used */
	void (*resize)(struct ui *);      /* terminal size changed (may be NULL) */
	/*
	 * flush: save what is typed but not yet confirmed, before the screen
	 * is left by any key, on quitting (quitting set) and on a signal. 0
	 * when nothing is pending or it was saved; -1 when it cannot be (an
	 * invalid value, kept for correction, or on quitting something that
	 * must be confirmed), with the reason in the status line. May be NULL.
	 */
	int (*flush)(struct ui *, int quitting);
};

/*
 * A wide-character editor (cursor, Backspace, ←/→, Pos1/Ende, Strg-U). One
 * line: Enter finishes, and a text it starts with is replaced by the first
 * typed character (shown highlighted until then). Multi-line (set multiline
 * before ui_edit_start): Enter starts a new line, ↑/↓ move between lines,
 * Strg-S finishes; the text is wrapped as ui_wrap wraps. Esc cancels.
 */
struct ui_edit {
	wchar_t *text; /* len characters and a terminating L'\0' */
	size_t len, cap;
	size_t pos;    /* cursor, in characters */
	size_t scroll; /* one line: first shown character; multi-line: a character on
	                  the first shown line */
	int active;
	int multiline; /* kept across ui_edit_start / ui_edit_stop */
	int replace;   /* the next typed character replaces the text */
	int changed;   /* the text changed since ui_edit_start */
	int width;     /* columns of the last draw (for ↑/↓) */
};

/* Results of ui_edit_key. */
enum { EDIT_IGNORED = 0, EDIT_CHANGED, EDIT_COMMIT, EDIT_CANCEL };

struct ui {
	char *dir;               /* session directory */
	char *form_path;         /* --form FILE, or NULL for the bundled form */
	struct session *session; /* the open session (write lock), or NULL */
	const struct ui_screen *screen;
	const struct ui_screen *previous; /* where Esc from help etc. returns */
	int rows, cols;
	int color;
	attr_t attrs[ROLE_COUNT];
	size_t question; /* current question (interview) */
	char *status;    /* status line text (owned), NULL for none */
	int status_error;
	int save_failed;    /* the last save failed: changes only in memory */
	char *save_error;   /* its reason (owned) */
	char *saved_cursor; /* session.cursor as last written to disk */
	int quit_asked;     /* the quit question shown: QUIT_ASK_* or 0 */
};

/* The screens, listed in ui.c's table. */
extern const struct ui_screen ui_start_screen;
extern const struct ui_screen ui_new_screen;
extern const struct ui_screen ui_interview_screen;
extern const struct ui_screen ui_sections_screen;
extern const struct ui_screen ui_note_screen;
extern const struct ui_screen ui_evidence_screen;
extern const struct ui_screen ui_goals_screen;
extern const struct ui_screen ui_master_screen;
extern const struct ui_screen ui_review_screen;
extern const struct ui_screen ui_result_screen;
extern const struct ui_screen ui_help_screen;
extern const struct ui_screen ui_find_screen;

/* ui.c: screen switching and the save path. */

/* Switch to screen (calls its init); remembers the current one as previous. */
void ui_switch(struct ui *ui, const struct ui_screen *screen);

/*
 * ui_set: session_set(key, value) then session_save at once. Returns 0 when
 * the change is valid (saved or, after a failed save, kept in memory with the
 * reason in red), -1 when the value was refused (reason in the status line).
 */
int ui_set(struct ui *ui, const char *key, const char *value);

/* Save the session now (after changes made without ui_set); 0 or -1 (shown). */
int ui_save(struct ui *ui);

/* Remember the question the auditor is on (saved with the next snapshot). */
void ui_set_cursor(struct ui *ui, size_t question);

/* Whether a signal asks the program to end: long work stops early, the main
 * loop then saves and leaves. */
int ui_interrupted(void);

/* Put a message in the status line (printf-style); error paints it red. */
void ui_message(struct ui *ui, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Leave a side screen: back to the interview (or the start screen without a session). */
void ui_back(struct ui *ui);

/* Take over a freshly opened session (the UI owns it afterwards) and go to the interview.
 */
void ui_open_session(struct ui *ui, struct session *s);

/* One documented key binding; the help screen is generated from these tables. */
struct ui_binding {
	int key, key2;           /* 0 when unused */
	const char *keys;        /* as written in help, e.g. "F5, Esc 5" */
	const char *help;        /* German description */
	int (*run)(struct ui *); /* NULL: handled inside a screen */
};
extern const struct ui_binding ui_global_keys[];
extern const size_t ui_global_key_count;
extern const struct ui_binding ui_answer_keys[];
extern const size_t ui_answer_key_count;

/* ui_keys.c: reading keys. */

/* Read ESCDELAY (ms) for the wait after a lone Esc; forget keys read ahead. */
void ui_keys_init(void);
/* The wait after a lone Esc in ms (ESCDELAY or UI_ESC_WAIT_MS). */
int ui_keys_esc_wait(void);
/*
 * ui_read_key: the next key within timeout_ms: a character, UI_KEY(curses
 * key code), UI_ESC, an F-key for Esc + digit, UI_KEY_UNKNOWN for an escape
 * sequence that is no known key (all its bytes consumed), or -1 when no key
 * came in time.
 */
int ui_read_key(int timeout_ms);

/* ui_draw.c: shared widgets; all clip to the given width. */

/* Display width of UTF-8 text (invalid bytes count 1). */
int ui_text_width(const char *utf8);
/* Print UTF-8 text at y,x in at most width columns ("…" when cut); returns columns used.
 */
int ui_put(int y, int x, int width, const char *utf8, attr_t attr);
/* printf into ui_put. */
int ui_putf(int y, int x, int width, attr_t attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Word-wrap text into width columns from row y, at most max_lines rows; returns rows
 * used. */
int ui_wrap(int y, int x, int width, int max_lines, const char *utf8, attr_t attr);
/* Rows ui_wrap would use without a limit. */
int ui_wrap_count(int width, const char *utf8);
/* Fill row y from x over width columns with blanks in attr. */
void ui_fill(int y, int x, int width, attr_t attr);
/* The title line: left title, right-aligned extra text. */
void ui_header(struct ui *ui, const char *title, const char *right);
/* The status line (second-last row). */
void ui_status_line(struct ui *ui);
/* The key bar (last row): pairs of key and label, NULL-terminated; a label
 * "Lang|Kurz" is shortened to Kurz when the width demands it. */
void ui_keybar(struct ui *ui, const char *const *pairs);
/* ui_header, ui_status_line and ui_keybar: the frame every screen draws. */
void ui_frame(struct ui *ui, const char *title, const char *right,
              const char *const *keys);
/* A bar of points/max in width columns; min_percent marks the minimum with '|'. */
void ui_bar(struct ui *ui, int y, int x, int width, int points, int max, int min_percent);
/* The message shown instead of a screen when the terminal is too small. */
void ui_too_small(struct ui *ui);
/* Ask for the terminal cursor at y,x after this frame (editors); otherwise it is hidden.
 */
void ui_cursor_want(int y, int x);
/* Whether a cursor was asked for since the last call; clears the request. */
int ui_cursor_take(int *y, int *x);
/* Today as YYYY-MM-DD into out. */
void ui_today(char out[11]);

/* A list with one row per item and a selection (start screen, F5). */

/* Highlighted attribute when selected, else the normal one. */
attr_t ui_row_attr(const struct ui *ui, int selected);
/*
 * ↑/↓ move *selected within count items; PgDn/PgUp move it by page rows, or
 * are not used when page < 0. Returns UI_HANDLED | UI_REDRAW, or 0 when the
 * key is not one of these.
 */
int ui_list_key(size_t *selected, size_t count, int key, int page);
/* Draws item i in row y from x over width columns; the row is already blanked in a
 * (highlighted when selected), which the function may blank again in another. */
typedef void ui_list_row_fn(struct ui *ui, size_t i, int y, int x, int width, attr_t a);
/* count items from row y over height rows; moves *top so that selected is shown. */
void ui_list_draw(struct ui *ui, int y, int x, int width, int height, size_t count,
                  size_t selected, size_t *top, ui_list_row_fn *row);

/* Line editor. */
void ui_edit_start(struct ui_edit *e, const char *utf8);
void ui_edit_stop(struct ui_edit *e);
int ui_edit_key(struct ui_edit *e, int key);
char *ui_edit_text(const struct ui_edit *e); /* UTF-8, caller frees */
/* Draw into width columns at y,x and place the cursor there. */
void ui_edit_draw(struct ui_edit *e, int y, int x, int width, attr_t attr);
/* Draw a multi-line editor into height rows of width columns from y,x. */
void ui_edit_draw_box(struct ui_edit *e, int y, int x, int width, int height,
                      attr_t attr);

/* A list of labelled fields (new audit, notes, evidence, goals). */
enum ui_field_kind {
	FIELD_TEXT,
	FIELD_DATE,
	FIELD_CHOICE, /* cycles through choices (stored values) / labels */
	FIELD_BUTTON,
	FIELD_HEADING, /* not selectable */
	FIELD_INFO,    /* read-only text */
};

struct ui_field {
	enum ui_field_kind kind;
	char *label;                      /* owned */
	char *key;                        /* session key, or NULL (owned) */
	char *value;                      /* owned; NULL = empty */
	const char *const *choices;       /* FIELD_CHOICE: stored values */
	const char *const *choice_labels; /* shown instead of values, or NULL */
	size_t choice_count;
	char **owned_choices; /* when the choice list is built at run time */
	char **owned_labels;
	int hidden;
	int multiline; /* FIELD_TEXT: a note; Enter starts a new line, Strg-S saves */
	/* ui_fields_save_key: saves value (NULL = empty) instead of ui_set when
	 * set; 0, or -1 with the reason shown. */
	int (*save)(struct ui *, const char *value);
};

struct ui_fields {
	struct ui_field *items;
	size_t count;
	size_t selected;
	size_t top;
	struct ui_edit edit;
	char *result;   /* UI_FIELDS_COMMIT: the new value; _CONFIRM, _MESSAGE: the text
	                   to show (owned until the next key) */
	int confirm;    /* a question is asked: 1 discard the note, 2 empty the field */
	char typed[64]; /* picking a choice by typing: the letters so far */
	size_t typed_len, typed_field;
	long typed_at;
};

/*
 * Results of ui_fields_key (0: the key was not used). On UI_FIELDS_COMMIT
 * the editor stays open until the caller has saved the value (then it calls
 * ui_edit_stop), so an invalid value stays for correction.
 */
enum {
	UI_FIELDS_MOVED = 1,
	UI_FIELDS_EDITING,
	UI_FIELDS_COMMIT,  /* result: the new value */
	UI_FIELDS_BUTTON,  /* a button was pressed */
	UI_FIELDS_CANCEL,  /* the editor was closed without saving */
	UI_FIELDS_CONFIRM, /* result: a question to show (the next key answers it) */
	UI_FIELDS_MESSAGE, /* result: a hint to show */
};

struct ui_field *ui_fields_add(struct ui_fields *f, enum ui_field_kind kind,
                               const char *label, const char *key, const char *value);
void ui_fields_clear(struct ui_fields *f);
int ui_fields_key(struct ui_fields *f, int key);
void ui_fields_draw(struct ui *ui, struct ui_fields *f, int y, int x, int width,
                    int height);
/* The multi-line editor while a note is edited; else the selected field's
 * whole text, wrapped, when it is longer than half the width or has lines. */
void ui_fields_detail(struct ui *ui, struct ui_fields *f, int y, int x, int width,
                      int height);
/*
 * Keys of a field list whose every commit is saved at once through ui_set
 * (notes, evidence, goals, master data): after a saved change rebuild(ui)
 * refills f; Esc outside the editor frees f and leaves with ui_back.
 * Returns UI_* flags, 0 when the key was not used.
 */
int ui_fields_save_key(struct ui *ui, struct ui_fields *f, int key,
                       void (*rebuild)(struct ui *));
/* The flush of such a screen: save what its editor holds (see struct ui_screen). */
int ui_fields_flush(struct ui *ui, struct ui_fields *f, void (*rebuild)(struct ui *));
/* ui_master.c: link the previous audit at path (NULL: refused) and save. */
int ui_master_link_previous(struct ui *ui, const char *path);
/* ui_new.c: the master data and participant fields (values from s, or empty). */
void ui_master_fields(struct ui *ui, struct ui_fields *f, const struct session *s);
/* The label shown for a choice field's value. */
const char *ui_field_choice_label(const struct ui_field *fl);

#endif

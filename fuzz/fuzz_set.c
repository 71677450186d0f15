/*
 * fuzz_set.c: libFuzzer target for the value syntax of `wohnort-audit set`.
 * Every input is tried as an answer to every question of the bundled
 * Prüfbogen (answer_parse) and as a record of a fresh session (session_change)
 * over the small corpus form tests/corpus/form-valid.yaml (small, so that
 * the dump round trip, which parses the embedded form, stays fast). Checked promises: no
 * crash; an accepted value earns between 0 and the question's maximum; its canonical form
 * parses back to the same answer; a rejected value says why and leaves the answer
 * untouched; a session_change that succeeds can be read back and survives dump and load.
 * Built by fuzz/run.sh only; not part of the program.
 *
 * Input layout: byte 0 picks the mode (bit 0: clear instead of set; bits 1-7:
 * which question of the small form gives the key when the rest has no TAB); the rest is
 * "KEY<TAB>VALUE" or just VALUE.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/answer.h"
#include "model/form.h"
#include "fuzz_common.h"
#include "model/session.h"
#include "lib/util.h"

#ifndef FUZZ_FORM_PATH
#define FUZZ_FORM_PATH "forms/wohnort-muster.yaml"
#endif
#ifndef FUZZ_SMALL_FORM_PATH
#define FUZZ_SMALL_FORM_PATH "tests/corpus/form-valid.yaml"
#endif

static struct form *form; /* bundled form, for answer_parse; never freed */
static char *small_text;  /* small form, copied into each session */
static size_t small_len;
static struct form *small_form; /* for picking keys; never freed */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read and load the form at path, or exit. */
static struct form *
load_or_exit(const char *path, char **text, size_t *len)
{
	struct form_errors errors = {0};
	struct form *f;
	char *why = NULL;

	if (file_read_all(path, 16 << 20, text, len, &why) != 0) {
		fprintf(stderr, "fuzz_set: %s\n", why);
		exit(1);
	}
	f = form_load_string(*text, *len, path, &errors);
	if (f == NULL) {
		char *msg = form_errors_format(&errors);
		fprintf(stderr, "fuzz_set: %s does not load:\n%s", path, msg);
		exit(1);
	}
	form_errors_clear(&errors);
	return f;
}

/* Load both forms once ($WA_FUZZ_FORM, $WA_FUZZ_SMALL_FORM override the paths). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("WA_FUZZ_FORM");
	const char *small = getenv("WA_FUZZ_SMALL_FORM");
	char *text;
	size_t len;

	(void)argc, (void)argv;
	form = load_or_exit(path ? path : FUZZ_FORM_PATH, &text, &len);
	free(text);
	small_form =
	    load_or_exit(small ? small : FUZZ_SMALL_FORM_PATH, &small_text, &small_len);
	return 0;
}

/* Two answers to q are the same answer. */
static int
answer_equal(const struct form_question *q, const struct answer *a,
             const struct answer *b)
{
	if (a->state != b->state)
		return 0;
	if (a->state != ANSWER_GIVEN)
		return 1;
	switch (q->type) {
	case QUESTION_MULTI:
		return a->chosen == b->chosen;
	case QUESTION_TEXT:
	case QUESTION_DATE:
		return a->text != NULL && b->text != NULL &&
		       strcmp(a->text, b->text) == 0;
	default:
		return a->number == b->number;
	}
}

/* answer_parse of value against question q, with its round trip. */
static void
try_answer(const struct form_question *q, const char *value)
{
	struct answer a = {0}, back = {0};
	char *why = NULL, *canon, *label, *again;

	a.state = ANSWER_OPEN;
	a.number = 12345;
	if (answer_parse(q, value, &a, &why) != 0) {
		CHECK(why != NULL);
		CHECK(a.state == ANSWER_OPEN && a.number == 12345 && a.text == NULL);
		free(why);
		return;
	}
	CHECK(a.state != ANSWER_OPEN);
	CHECK(answer_points(q, &a) >= 0 && answer_points(q, &a) <= q->max_points);
	label = answer_label(q, &a);
	CHECK(label != NULL);
	free(label);
	canon = answer_format(q, &a);
	CHECK(canon != NULL);
	if (answer_parse(q, canon, &back, &why) != 0)
		CHECK(0); /* the canonical form must parse */
	CHECK(answer_equal(q, &a, &back));
	again = answer_format(q, &back);
	CHECK(again != NULL && strcmp(canon, again) == 0);
	free(canon);
	free(again);
	answer_clear(&a);
	answer_clear(&back);
}

/* session_change of key to value (NULL: clear) on a fresh session. */
static void
try_session(const char *key, const char *value)
{
	struct form_errors errors = {0};
	struct form *copy = form_load_string(small_text, small_len, "fuzz.yaml", &errors);
	struct session *s;
	char *why = NULL, *got;

	form_errors_clear(&errors);
	if (copy == NULL)
		return; /* session module not there yet */
	s = session_new(copy);
	if (session_change(s, key, value, &why) != 0) {
		CHECK(why != NULL);
		free(why);
		session_free(s);
		return;
	}
	got = session_get(s, key);
	if (value != NULL && got != NULL) {
		/* the stored value is canonical: setting it again is accepted */
		CHECK(session_change(s, key, got, &why) == 0);
	}
	free(got);
	fuzz_check_dump_roundtrip(s, "fuzz_set");
	session_free(s);
}

/* One fuzz input: mode byte, then "KEY<TAB>VALUE" or VALUE. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *tab, *key, *value;
	uint8_t mode;

	if (size < 1 || form == NULL || form->question_count == 0)
		return 0;
	mode = data[0];
	/* command-line arguments cannot hold NUL: cut there */
	text = xstrndup((const char *)data + 1, size - 1);
	tab = strchr(text, '\t');
	if (tab != NULL) {
		*tab = '\0';
		key = xstrdup(text);
		value = xstrdup(tab + 1);
	} else {
		key = xstrdup(
		    small_form->questions[(mode >> 1) % small_form->question_count]
		        .full_id);
		value = xstrdup(text);
	}
	for (size_t i = 0; i < form->question_count; i++)
		try_answer(&form->questions[i], value);
	try_session(key, (mode & 1) ? NULL : value);
	free(key);
	free(value);
	free(text);
	return 0;
}

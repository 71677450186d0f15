/*
 * fuzz_form.c: libFuzzer target for the Prüfbogen loader. Feeds arbitrary
 * bytes to form_load_string and checks the loader's promises: it never
 * crashes, a NULL form always comes with at least one positioned error, a
 * loaded form is internally consistent (indexes in range, derived maxima
 * right), and formatting the errors works. Built by fuzz/run.sh only; it is
 * not part of the program and must not be linked into it.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/form.h"
#include "fuzz_common.h"

/* Abort (a libFuzzer crash) when a promised property does not hold. */

/* Check the invariants of a form that the loader accepted. */
static void
check_form(const struct form *f)
{
	size_t next = 0;

	CHECK(f->id != NULL && f->title != NULL && f->edition != NULL);
	for (size_t s = 0; s < f->section_count; s++) {
		const struct form_section *sec = &f->sections[s];
		int sum = 0;

		CHECK(sec->first == next);
		CHECK(sec->first + sec->count <= f->question_count);
		for (size_t i = sec->first; i < sec->first + sec->count; i++)
			sum += f->questions[i].max_points;
		CHECK(sum == sec->max_points);
		next += sec->count;
		CHECK(form_find_section(f, sec->id) == (int)s);
	}
	CHECK(next == f->question_count);
	for (size_t i = 0; i < f->question_count; i++) {
		const struct form_question *q = &f->questions[i];

		CHECK(q->full_id != NULL && q->id != NULL && q->text != NULL);
		CHECK(q->section < f->section_count);
		CHECK(form_find_question(f, q->full_id) == (int)i);
		CHECK(q->max_points >= 0);
		CHECK(q->option_count <=
		      (q->type == QUESTION_MULTI ? FORM_MULTI_MAX_OPTIONS : (size_t)-1));
		for (size_t o = 0; o < q->option_count; o++) {
			CHECK(q->options[o].points >= 0);
			CHECK(form_find_option(q, q->options[o].id) == (int)o);
		}
		if (q->show_if_question >= 0) {
			/* show_if may only point backwards, so no cycle is possible */
			CHECK(q->show_if_question < (int)i);
			if (q->show_if_option >= 0)
				CHECK((size_t)q->show_if_option <
				      f->questions[q->show_if_question].option_count);
		}
		if (!form_type_scored(q->type))
			CHECK(q->max_points == 0);
		(void)form_type_name(q->type);
	}
	CHECK(strlen(f->sha256) == 64);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One fuzz input: the bytes of a form file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_errors errors = {0};
	struct form *f = form_load_string((const char *)data, size, "fuzz.yaml", &errors);

	if (f == NULL) {
		CHECK(errors.count > 0);
	} else {
		CHECK(f->source_len == size && memcmp(f->source, data, size) == 0);
		check_form(f);
	}
	for (size_t i = 0; i < errors.count; i++)
		CHECK(errors.items[i].message != NULL && errors.items[i].line >= 0);
	free(form_errors_format(&errors));
	form_errors_clear(&errors);
	form_free(f);
	return 0;
}

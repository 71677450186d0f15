/*
 * test_json.c: CUnit suite for the JSON emitter (src/lib/json.c): string escaping
 * of quotes, backslashes and every control character, UTF-8 passing through,
 * invalid bytes replaced, commas and nesting, numbers with one decimal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/json.h"
#include "test_main.h"

/* One escaping case: len bytes of input and the exact JSON string expected. */
struct escape_case {
	const char *input;
	size_t len;
	const char *expected;
};

static const struct escape_case escape_cases[] = {
    {"", 0, "\"\""},
    {"plain", 5, "\"plain\""},
    {"a\"b", 3, "\"a\\\"b\""},
    {"back\\slash", 10, "\"back\\\\slash\""},
    {"/", 1, "\"/\""},
    {"\n\r\t\b\f", 5, "\"\\n\\r\\t\\b\\f\""},
    {"\x01\x1f", 2, "\"\\u0001\\u001f\""},
    {"a\0b", 3, "\"a\\u0000b\""},
    {"\x7f", 1, "\"\\u007f\""}, /* DEL: never raw on a terminal */
    {"a\xc2\x9b"
     "2J",
     5, "\"a\\u009b2J\""},                                         /* C1 CSI */
    {"\xc2\x80\xc2\x9f\xc2\xa0", 6, "\"\\u0080\\u009f\xc2\xa0\""}, /* U+00A0 stays */
    {"Zuzug „leicht“ gemacht – Größe", strlen("Zuzug „leicht“ gemacht – Größe"),
     "\"Zuzug „leicht“ gemacht – Größe\""},
    {"\xf0\x9f\x98\x80", 4, "\"\xf0\x9f\x98\x80\""},  /* U+1F600 */
    {"a\xffz", 3, "\"a\\ufffdz\""},                   /* stray byte */
    {"\xc3", 1, "\"\\ufffd\""},                       /* truncated sequence */
    {"\xc0\xaf", 2, "\"\\ufffd\\ufffd\""},            /* overlong '/' */
    {"\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* surrogate */
    {"\xe2\x80\xa8", 3, "\"\xe2\x80\xa8\""},          /* U+2028 is valid JSON */
};

/* Every case escapes to exactly the expected text. */
static void
test_escape_table(void)
{
	for (size_t i = 0; i < sizeof escape_cases / sizeof escape_cases[0]; i++) {
		struct buf b = {0};
		json_escape(&b, escape_cases[i].input, escape_cases[i].len);
		CU_ASSERT_STRING_EQUAL(b.data, escape_cases[i].expected);
		if (strcmp(b.data, escape_cases[i].expected) != 0)
			fprintf(stderr, "case %zu: got %s\n", i, b.data);
		buf_free(&b);
	}
}

/* Nested objects and arrays get commas exactly between members. */
static void
test_structure(void)
{
	struct json j;
	char *text;

	json_init(&j);
	json_object_begin(&j);
	json_key(&j, "a");
	json_int(&j, -3);
	json_key(&j, "list");
	json_array_begin(&j);
	json_bool(&j, 1);
	json_bool(&j, 0);
	json_null(&j);
	json_string(&j, NULL);
	json_object_begin(&j);
	json_object_end(&j);
	json_array_begin(&j);
	json_array_end(&j);
	json_array_end(&j);
	json_key(&j, "s\"k");
	json_string(&j, "x");
	json_object_end(&j);
	text = json_finish(&j);
	CU_ASSERT_STRING_EQUAL(
	    text, "{\"a\":-3,\"list\":[true,false,null,null,{},[]],\"s\\\"k\":\"x\"}\n");
	free(text);
}

/* Numbers in tenths print with a '.' and one digit, whatever their sign. */
static void
test_tenths(void)
{
	static const struct {
		long long tenths;
		const char *expected;
	} cases[] = {
	    {0, "[0.0]\n"},    {5, "[0.5]\n"},   {600, "[60.0]\n"},
	    {599, "[59.9]\n"}, {-7, "[-0.7]\n"}, {1000, "[100.0]\n"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct json j;
		char *text;

		json_init(&j);
		json_array_begin(&j);
		json_tenths(&j, cases[i].tenths);
		json_array_end(&j);
		text = json_finish(&j);
		CU_ASSERT_STRING_EQUAL(text, cases[i].expected);
		free(text);
	}
}

/* json_free releases an unfinished document and may be called twice. */
static void
test_free(void)
{
	struct json j;

	json_init(&j);
	json_object_begin(&j);
	json_key(&j, "k");
	json_free(&j);
	CU_ASSERT_PTR_NULL(j.out.data);
	json_free(&j);
}

static CU_TestInfo json_tests[] = {
    {"escape table", test_escape_table},
    {"structure and commas", test_structure},
    {"tenths", test_tenths},
    {"free", test_free},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"json", NULL, NULL, NULL, NULL, json_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}

/*
 * test_util.c: CUnit tests of src/lib/util.c: the one strict integer parser
 * (signs, leading zeros, ranges, overflow at both ends of long, embedded
 * blanks and bytes after the number) and the locale-independent slug.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "test_main.h"

static void
test_parse_integer(void)
{
	static const struct {
		const char *s;
		unsigned flags;
		long lo, hi;
		int ok;
		long value;
	} cases[] = {
	    {"0", 0, 0, 10, 1, 0},
	    {"7", 0, 0, 10, 1, 7},
	    {"10", 0, 0, 10, 1, 10},
	    {"11", 0, 0, 10, 0, 0},
	    {"07", 0, 0, 10, 0, 0},
	    {"07", PARSE_LEADING_ZERO, 0, 10, 1, 7},
	    {"-3", 0, -10, 10, 0, 0},
	    {"-3", PARSE_SIGN, -10, 10, 1, -3},
	    {"+3", PARSE_SIGN, -10, 10, 1, 3},
	    {"-3", PARSE_SIGN, 0, 10, 0, 0},
	    {"-", PARSE_SIGN, -10, 10, 0, 0},
	    {"", 0, 0, 10, 0, 0},
	    {" 3", 0, 0, 10, 0, 0},
	    {"3 ", 0, 0, 10, 0, 0},
	    {"3a", 0, 0, 10, 0, 0},
	    {"0x3", 0, 0, 10, 0, 0},
	    {"1e3", 0, 0, 10000, 0, 0},
	    {"9223372036854775807", 0, LONG_MIN, LONG_MAX, 1, LONG_MAX},
	    {"9223372036854775808", 0, LONG_MIN, LONG_MAX, 0, 0},
	    {"-9223372036854775808", PARSE_SIGN, LONG_MIN, LONG_MAX, 1, LONG_MIN},
	    {"-9223372036854775809", PARSE_SIGN, LONG_MIN, LONG_MAX, 0, 0},
	    {"99999999999999999999999", 0, LONG_MIN, LONG_MAX, 0, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long v = 42;
		int ok = parse_integer(cases[i].s, strlen(cases[i].s), cases[i].flags,
		                       cases[i].lo, cases[i].hi, &v);
		if (ok != cases[i].ok)
			fprintf(stderr, "\ncase %zu (%s)\n", i, cases[i].s);
		CU_ASSERT_EQUAL(ok, cases[i].ok);
		CU_ASSERT_EQUAL(v, cases[i].ok ? cases[i].value : 42);
	}
	/* only len bytes count: "12" of "123" */
	{
		long v = 0;
		CU_ASSERT_TRUE(parse_integer("123", 2, 0, 0, 100, &v));
		CU_ASSERT_EQUAL(v, 12);
		CU_ASSERT_FALSE(parse_integer(NULL, 0, 0, 0, 100, &v));
	}
}

/* parse_long: sign and leading zeros allowed, the whole string. */
static void
test_parse_long(void)
{
	long v = 0;

	CU_ASSERT_TRUE(parse_long("-007", &v));
	CU_ASSERT_EQUAL(v, -7);
	CU_ASSERT_TRUE(parse_long("+12", &v));
	CU_ASSERT_EQUAL(v, 12);
	CU_ASSERT_FALSE(parse_long("12,5", &v));
	CU_ASSERT_FALSE(parse_long("", &v));
	CU_ASSERT_FALSE(parse_long(NULL, &v));
	CU_ASSERT_EQUAL(v, 12);
}

/* Slugs are ASCII and the same in every locale. */
static void
test_slug(void)
{
	static const struct {
		const char *text, *slug;
		size_t max;
	} cases[] = {
	    {"Steinbach (Taunus)", "steinbach-taunus", 40},
	    {"Groß-Gerau", "gross-gerau", 40},
	    {"Königsbronn", "koenigsbronn", 40},
	    {"  ", "audit", 40},
	    {"ISTANBUL", "istanbul", 40},
	    {"Bad Vilbel am Main", "bad-vilbel", 10},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = slug_make(cases[i].text, cases[i].max);
		CU_ASSERT_STRING_EQUAL(s, cases[i].slug);
		free(s);
	}
}

/* One tab-separated field: the four characters escaped, the rest kept. */
static void
test_field(void)
{
	struct buf b = {0};
	char *out;

	buf_add_field(&b, "a\\b\tc\nd\re €");
	buf_add_field(&b, NULL);
	buf_add_field(&b, "");
	out = buf_steal(&b);
	CU_ASSERT_STRING_EQUAL(out, "a\\\\b\\tc\\nd\\re €");
	free(out);
}

static CU_TestInfo util_tests[] = {
    {"a tab-separated field", test_field},
    {"the strict integer parser", test_parse_integer},
    {"parse_long", test_parse_long},
    {"slugs", test_slug},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"util", NULL, NULL, NULL, NULL, util_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}

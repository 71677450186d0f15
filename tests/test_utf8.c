/*
 * test_utf8.c: CUnit tests of src/lib/utf8.c: validation (overlongs,
 * surrogates, values above U+10FFFF, truncated sequences), decoding with
 * U+FFFD for every bad byte (and never '?'), encoding round trip over the
 * whole code space, counting, shortening, and the sanitiser that every text
 * printed to a terminal (and every cell of the workbook) goes through.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "test_main.h"

#define R UTF8_REPLACEMENT_TEXT

static void
test_valid(void)
{
	static const struct {
		const char *s;
		int valid;
		size_t bad;
	} cases[] = {
	    {"", 1, 0},
	    {"Größe € 𝄞", 1, 0},
	    {"a\xc3", 0, 1},            /* truncated */
	    {"ab\x80", 0, 2},           /* stray continuation */
	    {"\xc0\xaf", 0, 0},         /* overlong '/' */
	    {"x\xe0\x80\xaf", 0, 1},    /* overlong */
	    {"\xed\xa0\x80", 0, 0},     /* surrogate U+D800 */
	    {"\xf4\x90\x80\x80", 0, 0}, /* U+110000 */
	    {"\xf4\x8f\xbf\xbf", 1, 0}, /* U+10FFFF */
	    {"\xef\xbf\xbd", 1, 0},     /* U+FFFD itself */
	    {"ok\xff", 0, 2},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t bad = 99;
		CU_ASSERT_EQUAL(utf8_valid(cases[i].s, strlen(cases[i].s), &bad),
		                cases[i].valid);
		if (!cases[i].valid)
			CU_ASSERT_EQUAL(bad, cases[i].bad);
	}
	/* an embedded NUL is a character, not the end */
	CU_ASSERT_TRUE(utf8_valid("a\0b", 3, NULL));
}

/* Decoding: every bad byte is U+FFFD (not '?') and takes exactly one byte. */
static void
test_decode(void)
{
	static const struct {
		const char *s;
		uint32_t cp;
		size_t taken;
		int bad;
	} cases[] = {
	    {"A", 'A', 1, 0},
	    {"ä", 0xe4, 2, 0},
	    {"€", 0x20ac, 3, 0},
	    {"𝄞", 0x1d11e, 4, 0},
	    {"\xef\xbf\xbd", 0xfffd, 3, 0},
	    {"\xc2\x85", 0x85, 2, 0},
	    {"\x80", 0xfffd, 1, 1},
	    {"\xc3", 0xfffd, 1, 1},
	    {"\xc3(", 0xfffd, 1, 1},
	    {"\xc0\xaf", 0xfffd, 1, 1},
	    {"\xed\xa0\x80", 0xfffd, 1, 1},
	    {"\xf8\x88\x80\x80\x80", 0xfffd, 1, 1},
	    {"\xff", 0xfffd, 1, 1},
	};
	uint32_t cp = 0;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = utf8_decode(cases[i].s, strlen(cases[i].s), &cp);
		CU_ASSERT_EQUAL(n, cases[i].taken);
		CU_ASSERT_EQUAL(cp, cases[i].cp);
		CU_ASSERT_NOT_EQUAL(cp, (uint32_t)'?');
		CU_ASSERT_EQUAL(utf8_decode_bad(n, cp), cases[i].bad);
	}
	CU_ASSERT_EQUAL(utf8_decode("", 0, &cp), 0);
	/* a sequence cut by the length given is bad even if more bytes follow */
	CU_ASSERT_EQUAL(utf8_decode("€", 2, &cp), 1);
	CU_ASSERT_EQUAL(cp, UTF8_REPLACEMENT);
}

/* Every code point encodes and decodes back; invalid ones become U+FFFD. */
static void
test_encode_round_trip(void)
{
	char out[4];
	uint32_t back;
	size_t n;
	int failures = 0;

	for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		n = utf8_encode(cp, out);
		if (!utf8_valid(out, n, NULL) || utf8_decode(out, n, &back) != n ||
		    back != cp)
			failures++;
	}
	CU_ASSERT_EQUAL(failures, 0);
	CU_ASSERT_EQUAL(utf8_encode(0x24, out), 1);
	CU_ASSERT_EQUAL(utf8_encode(0xa2, out), 2);
	CU_ASSERT_EQUAL(utf8_encode(0x20ac, out), 3);
	CU_ASSERT_EQUAL(utf8_encode(0x10348, out), 4);
	n = utf8_encode(0xd800, out);
	CU_ASSERT_EQUAL(n, 3);
	CU_ASSERT_EQUAL(memcmp(out, R, 3), 0);
	n = utf8_encode(0x110000, out);
	CU_ASSERT_EQUAL(memcmp(out, R, 3), 0);
}

static void
test_count_and_shorten(void)
{
	char *s;

	CU_ASSERT_EQUAL(utf8_chars(""), 0);
	CU_ASSERT_EQUAL(utf8_chars("Größe"), 5);
	CU_ASSERT_EQUAL(utf8_chars("€𝄞a"), 3);
	CU_ASSERT_EQUAL(utf8_count("Größe", 4), 3); /* "Grö" */
	CU_ASSERT_EQUAL(utf8_count("Größe", 3), 3); /* "Gr" and the start of ö */
	s = utf8_shorten("Straßenbahnhaltestelle", 6);
	CU_ASSERT_STRING_EQUAL(s, "Straße…");
	free(s);
	s = utf8_shorten("Straße", 6);
	CU_ASSERT_STRING_EQUAL(s, "Straße");
	free(s);
	s = utf8_shorten("", 3);
	CU_ASSERT_STRING_EQUAL(s, "");
	free(s);
	CU_ASSERT_TRUE(utf8_is_control(0));
	CU_ASSERT_TRUE(utf8_is_control(0x1b));
	CU_ASSERT_TRUE(utf8_is_control(0x7f));
	CU_ASSERT_TRUE(utf8_is_control(0x9b));
	CU_ASSERT_FALSE(utf8_is_control(0xa0));
	CU_ASSERT_FALSE(utf8_is_control(' '));
}

/* One case of utf8_sanitize. */
struct sanitize_case {
	const char *in;
	unsigned flags;
	const char *out;
};

static const struct sanitize_case sanitize_cases[] = {
    /* the terminal filter (flags 0, or one line) */
    {"plain Größe", 0, "plain Größe"},
    {"a\tb\nc", 0, "a\tb\nc"},
    {"a\tb\nc\rd", UTF8_ONE_LINE, "a b c d"},
    {"\033]0;x\007", 0, R "]0;x" R},
    {"cr\rlf", 0, "cr" R "lf"},
    {"del\x7f", 0, "del" R},
    {"c1\xc2\x9b"
     "2J",
     0, "c1" R "2J"},
    {"nbsp\xc2\xa0", 0, "nbsp\xc2\xa0"},
    {"bad\xff\xc3", 0, "bad" R R},
    {"\xe2\x80\x93 dash", 0, "\xe2\x80\x93 dash"},
    {"\xe2\x80", 0, R R},
    /* the workbook's cells: CR and CR LF are line breaks, C1 stays */
    {"a\r\nb\rc\n", UTF8_CR_NEWLINE | UTF8_KEEP_C1, "a\nb\nc\n"},
    {"c1\xc2\x85", UTF8_CR_NEWLINE | UTF8_KEEP_C1, "c1\xc2\x85"},
    {"esc\033", UTF8_CR_NEWLINE | UTF8_KEEP_C1, "esc" R},
    {"bad\x80", UTF8_CR_NEWLINE | UTF8_KEEP_C1, "bad" R},
};

static void
test_sanitize(void)
{
	for (size_t i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0]; i++) {
		const struct sanitize_case *c = &sanitize_cases[i];
		char *got = utf8_sanitize(c->in, strlen(c->in), c->flags);
		CU_ASSERT_STRING_EQUAL(got, c->out);
		CU_ASSERT_TRUE(utf8_valid(got, strlen(got), NULL));
		if (strcmp(got, c->out) != 0)
			fprintf(stderr, "\ncase %zu: got \"%s\"\n", i, got);
		free(got);
	}
	{
		char *empty = utf8_sanitize(NULL, 0, 0);
		CU_ASSERT_STRING_EQUAL(empty, "");
		free(empty);
	}
}

static CU_TestInfo utf8_tests[] = {
    {"validation", test_valid},
    {"decoding gives U+FFFD for bad bytes", test_decode},
    {"encoding round trip", test_encode_round_trip},
    {"counting and shortening", test_count_and_shorten},
    {"sanitising for a terminal and a cell", test_sanitize},
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    {"utf8", NULL, NULL, NULL, NULL, utf8_tests},
    CU_SUITE_INFO_NULL,
};

int
main(void)
{
	return test_run(suites);
}

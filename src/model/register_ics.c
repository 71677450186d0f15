/*
 * register_ics.c: the register's dated items as an iCalendar file (RFC
 * 5545) built with libical: one all-day VEVENT per item (DTSTART and DTEND
 * with VALUE=DATE), a VALARM some days before, a German SUMMARY, a UID
 * that stays the same for the same town, kind and goal or evidence (so an
 * import updates instead of duplicating), DTSTAMP from the Stichtag (the
 * same register gives the same file). The text is made in memory and put
 * in place with atomicfile_write_all. Model code: never prints.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "lib/atomicfile.h"
#include "lib/date.h"
#include "lib/sha256.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "model/register.h"
#include "model/outfile.h"

/* The product identifier: how this program's calendars are recognised. */
#define ICS_PRODID "-//wohnort-audit//Register " PACKAGE_VERSION "//DE"
#define ICS_PRODID_PREFIX "PRODID:-//wohnort-audit//"

/* Per kind of item: the UID's name for it and the alarm's lead time. */
static const struct {
	const char *uid_name;
	int alarm_days;
} kinds[REGISTER_ITEM_COUNT] = {
    {"ablauf", REGISTER_ALARM_EXPIRY_DAYS},
    {"planung", REGISTER_ALARM_EXPIRY_DAYS},
    {"ziel", REGISTER_ALARM_DEADLINE_DAYS},
    {"nachweis", REGISTER_ALARM_DEADLINE_DAYS},
};

char *
register_item_uid(const struct register_result *r, const struct register_item *item)
{
	char hex[65], *seed;

	if (item->kind == REGISTER_ITEM_EVIDENCE)
		seed = xasprintf("wohnort-audit register\n%s\n%s\n%s",
		                 r->towns[item->town].key, kinds[item->kind].uid_name,
		                 item->id != NULL ? item->id : "");
	else
		seed = xasprintf("wohnort-audit register\n%s\n%s\n%zu",
		                 r->towns[item->town].key, kinds[item->kind].uid_name,
		                 item->number);
	sha256_hex(seed, strlen(seed), hex);
	free(seed);
	return xasprintf("%s@wohnort-audit", hex);
}

/* An all-day date for libical. */
static struct icaltimetype
ical_date(const char *iso)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = atoi(iso);
	t.month = atoi(iso + 5);
	t.day = atoi(iso + 8);
	t.is_date = 1;
	return t;
}

/* What the event's description says, in German (caller frees). */
static char *
item_description(const struct register_result *r, const struct register_item *it)
{
	const struct register_town *t = &r->towns[it->town];
	const struct register_audit *a = r->entries[t->latest].audit;
	struct buf b = {0};
	char *day, *clean;

	clean = utf8_sanitize(t->kommune, strlen(t->kommune), UTF8_ONE_LINE);
	buf_printf(&b, "Kommune: %s\n", clean);
	free(clean);
	if (t->landkreis[0] != '\0') {
		clean = utf8_sanitize(t->landkreis, strlen(t->landkreis), UTF8_ONE_LINE);
		buf_printf(&b, "Landkreis: %s\n", clean);
		free(clean);
	}
	if (t->ihk[0] != '\0') {
		clean = utf8_sanitize(t->ihk, strlen(t->ihk), UTF8_ONE_LINE);
		buf_printf(&b, "IHK: %s\n", clean);
		free(clean);
	}
	day = date_display(a->datum);
	buf_printf(&b, "Letztes Audit: %s am %s (%s)\n", register_kind_label(a->kind),
	           day, register_verdict_label(a->verdict));
	free(day);
	if (t->valid_until[0] != '\0') {
		day = date_display(t->valid_until);
		buf_printf(&b, "Siegel gültig bis: %s\n", day);
		free(day);
	}
	if (it->kind == REGISTER_ITEM_GOAL || it->kind == REGISTER_ITEM_EVIDENCE) {
		clean = utf8_sanitize(it->detail,
		                      it->detail != NULL ? strlen(it->detail) : 0, 0);
		if (it->kind == REGISTER_ITEM_GOAL)
			buf_printf(&b, "Entwicklungsziel %zu: %s\n", it->number, clean);
		else
			buf_printf(&b, "Nachweis: %s\n", clean);
		free(clean);
	}
	day = date_display(r->stichtag);
	buf_printf(&b, "Stand: Register vom Stichtag %s", day);
	free(day);
	return buf_steal(&b);
}

/* The event of one item. */
static icalcomponent *
item_event(const struct register_result *r, const struct register_item *it,
           struct icaltimetype stamp)
{
	struct icaltriggertype trigger;
	icalcomponent *event, *alarm;
	char next[11], *uid, *summary, *description;

	uid = register_item_uid(r, it);
	summary = register_item_summary(r, it);
	description = item_description(r, it);
	memset(&trigger, 0, sizeof trigger);
	trigger.time = icaltime_null_time();
	trigger.duration = icaldurationtype_null_duration();
	trigger.duration.is_neg = 1;
	trigger.duration.days = (unsigned)kinds[it->kind].alarm_days;
	alarm = icalcomponent_vanew(ICAL_VALARM_COMPONENT,
	                            icalproperty_new_action(ICAL_ACTION_DISPLAY),
	                            icalproperty_new_trigger(trigger),
	                            icalproperty_new_description(summary), (void *)0);
	event = icalcomponent_vanew(
	    ICAL_VEVENT_COMPONENT, icalproperty_new_uid(uid),
	    icalproperty_new_dtstamp(stamp),
	    icalproperty_new_dtstart(ical_date(it->date)),
	    icalproperty_new_summary(summary), icalproperty_new_description(description),
	    icalproperty_new_categories("Ausgezeichneter Wohnort"),
	    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT), alarm, (void *)0);
	/* the day after, as RFC 5545 wants for one whole day (the last
	 * representable day has none: then DTSTART alone means that day) */
	if (date_add_days(it->date, 1, next) == 0)
		icalcomponent_add_property(event,
		                           icalproperty_new_dtend(ical_date(next)));
	free(uid);
	free(summary);
	free(description);
	return event;
}

/* Append libical's text of component c to b and free both. 0, or -1 when
 * libical gave no text. */
static int
add_component(struct buf *b, icalcomponent *c)
{
	char *text = icalcomponent_as_ical_string_r(c);

	icalcomponent_free(c);
	if (text == NULL)
		return -1;
	buf_adds(b, text);
	icalmemory_free_buffer(text);
	return 0;
}

/*
 * The whole calendar as text (caller frees with free), NULL when libical
 * fails. Each event is made, written and freed in turn inside the
 * calendar's frame (its text up to "END:VCALENDAR"), which keeps a large
 * register's calendar from holding every event's tree at once.
 */
static char *
calendar_text(const struct register_result *r)
{
	static const char end[] = "END:VCALENDAR\r\n";
	struct icaltimetype stamp = ical_date(r->stichtag);
	icalcomponent *cal;
	icalproperty *name;
	struct buf b = {0};
	size_t frame;

	/* DTSTAMP must be a UTC date-time: the Stichtag at midnight UTC */
	stamp.is_date = 0;
	stamp.hour = stamp.minute = stamp.second = 0;
	stamp.zone = icaltimezone_get_utc_timezone();
	name = icalproperty_new_x("Ausgezeichneter Wohnort – Register");
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	cal = icalcomponent_vanew(
	    ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
	    icalproperty_new_prodid(ICS_PRODID), icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(ICAL_METHOD_PUBLISH), name, (void *)0);
	if (add_component(&b, cal) != 0 || b.len < sizeof end - 1 ||
	    strcmp(b.data + b.len - (sizeof end - 1), end) != 0) {
		buf_free(&b);
		return NULL;
	}
	frame = b.len - (sizeof end - 1);
	b.len = frame;
	for (size_t i = 0; i < r->item_count; i++)
		if (add_component(&b, item_event(r, &r->items[i], stamp)) != 0) {
			buf_free(&b);
			return NULL;
		}
	buf_adds(&b, end);
	return buf_steal(&b);
}

/* Whether path is a calendar this program wrote (its PRODID near the top). */
static int
own_calendar(const char *path)
{
	char *data = NULL, *why = NULL;
	size_t len = 0;
	int own;

	if (file_read_all(path, 64u << 20, &data, &len, &why) != 0) {
		free(why);
		return 0;
	}
	own = strncmp(data, "BEGIN:VCALENDAR", 15) == 0 &&
	      strstr(data, "\r\n" ICS_PRODID_PREFIX) != NULL;
	free(data);
	return own;
}

int
register_write_ics(const struct register_result *r, const char *path, unsigned flags,
                   char **why)
{
	char *text;
	int rc;

	if (r == NULL || !date_iso_valid(r->stichtag)) {
		*why = xstrdup("Register: kein berechnetes Register");
		return -1;
	}
	if (outfile_check(path, NULL, flags & REGISTER_FORCE ? OUTFILE_FORCE : 0,
	                  own_calendar, "Kalenderdatei", why) != 0)
		return -1;
	text = calendar_text(r);
	if (text == NULL) {
		*why = xasprintf("%s: Kalender kann nicht erzeugt werden (libical: %s)",
		                 path, icalerror_strerror(icalerrno));
		return -1;
	}
	rc =
	    atomicfile_write_all(path, text, strlen(text), ATOMICFILE_REPLACE, NULL, why);
	free(text);
	return rc;
}

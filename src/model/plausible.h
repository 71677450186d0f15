/*
 * plausible.h: which dates of an audit are implausible: warned about, and
 * still accepted (impossible dates are refused earlier, by date_parse).
 *   DATE_ROLE_AUDIT  the audit date more than a year after today, or more
 *                    than PLAUSIBLE_AUDIT_PAST_YEARS years before today;
 *   DATE_ROLE_ANSWER the date answer to a question (a council decision, a
 *                    concept adopted …) after the audit, or more than
 *                    PLAUSIBLE_ANSWER_PAST_YEARS years before it;
 *   DATE_ROLE_DUE    an evidence due date (nachzureichen bis) before the
 *                    audit, or more than a year after it.
 * "The audit" is meta.datum, or today when the session has none. For a
 * record of a session, session_date_warning (session.h) finds the role.
 * Model code: never prints, never exits.
 */
#ifndef PLAUSIBLE_H
#define PLAUSIBLE_H

#define PLAUSIBLE_AUDIT_PAST_YEARS 10
#define PLAUSIBLE_ANSWER_PAST_YEARS 50

/* What a date stands for; decides which dates are implausible. */
enum date_role {
	DATE_ROLE_AUDIT,  /* meta.datum */
	DATE_ROLE_ANSWER, /* the answer to a date question */
	DATE_ROLE_DUE,    /* SECTION.QUESTION:evidence_due */
};

/*
 * plausible_date_warning: the German warning for an implausible date
 * (caller frees), or NULL when iso is plausible for role. audit is the
 * audit date (ISO) or NULL (then today is used); today is ISO. iso must be
 * valid (date_iso_valid).
 */
char *plausible_date_warning(enum date_role role, const char *iso, const char *audit,
                             const char *today);

#endif

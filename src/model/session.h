/*
 * session.h: one audit interview and its crash-safe store. A session embeds
 * the form text it was started with, so it stays readable when forms/ changes.
 * Each save writes a complete tinycdb snapshot (temp file, fsync, rename,
 * directory fsync) and keeps the previous generation as PATH.prev.
 * Never prints or exits; errors come back as *why strings the caller frees.
 *
 * Record keys (also the KEY syntax of `wohnort-audit set` and of dump lines):
 *   SECTION.QUESTION                 the answer, in answer_parse syntax
 *   SECTION.QUESTION:note            Notiz
 *   SECTION.QUESTION:recommendation  the auditor's own recommendation
 *   SECTION.QUESTION:evidence        vorgelegt | nachzureichen | fehlt
 *   SECTION.QUESTION:evidence_due    YYYY-MM-DD (with nachzureichen)
 *   SECTION.QUESTION:evidence_text   free description of the evidence
 *   meta.kommune meta.landkreis meta.zentralitaet meta.ihk meta.auditor
 *   meta.datum (YYYY-MM-DD) meta.art (erst|re) meta.vorher (previous session)
 *   participant.N.name participant.N.funktion          (N = 1, 2, …)
 *   goal.N.ziel goal.N.massnahmen goal.N.messgroesse goal.N.frist goal.N.verantwortlich
 *   goal.N.fragen                    questions the goal addresses: question ids or
 *                                    numbers ("2.3"), comma- or space-separated;
 *                                    stored as ids in form order
 *   prevgoal.N (erreicht|teilweise|nicht_erreicht) prevgoal.N.ziel …  (re-audit;
 *                                    model/reaudit.c copies them from the previous
 *                                    session; a status is refused for a goal
 *                                    without its Ziel, clearing the Ziel clears it)
 *   session.cursor                   full id of the question to resume at
 *   session.phase                    gespraech (unset) | auswertung | abgeschlossen
 *   session.history.N                the change history (history.h); read only
 *   town.*                           the town's statements from its
 *                                    Dokumentationstabelle (model/town.h)
 *   previous.dump                    re-audit: a read-only copy of the previous audit,
 *                                    the complete session_dump text of that session
 *                                    (embedding its own form, without its own
 *                                    previous.dump) in one record; model/reaudit.c
 *                                    writes it when linking, so the session stays
 *                                    self-contained when the old file is gone. Parsed
 *                                    when set or loaded into s->previous; refused
 *                                    when it is no valid dump. Its answers, notes and
 *                                    points are read there (score_compute on its own
 *                                    form), never changed: replacing the whole record
 *                                    (linking again) is the only change.
 * plus bookkeeping records written by session_save (format, form.*, summary.*,
 * checksum) that session_change refuses. Each kind of key belongs to one
 * record family (session_family.h), which validates, stores and dumps it.
 *
 * Snapshot file (tinycdb, one value per key), in this order: format
 * (SESSION_FORMAT), form.id, form.edition, form.sha256, the set records in
 * dump order, form.text (the embedded YAML), the summary records the caller
 * gives (audit_summary in model/audit.h: summary.answered|total|points|max|
 * kommune|datum|art for session_list; summary.verdict, valid_until,
 * validity_first, validity_renewal, section.N and evidence.N for the
 * register, which reads Landkreis, IHK and the goals from their own records;
 * a snapshot without summary.verdict was saved by a version before the
 * register), session.generation (1, 2, …),
 * session.saved (UTC, YYYY-MM-DDTHH:MM:SSZ) and checksum: 8 lower-case hex
 * digits of zlib crc32 over every other record in file order, each fed as
 * 4-byte big-endian key length, key, 4-byte big-endian value length, value.
 * Beside it: PATH.prev (previous generation), PATH.lock (flock; text
 * "PID user@host since HH:MM"), PATH.damaged (a damaged file replaced after
 * a fallback to .prev), PATH.tmp-* (temp files, removed by the next writer).
 * Where the file system has neither RENAME_EXCHANGE nor hard links (exFAT,
 * FAT32) PATH.prev is a copy of the old snapshot made before the new one is
 * renamed into place. None of these is ever opened through a symbolic link;
 * a session given as a link is resolved once and worked on at its target.
 */
#ifndef SESSION_H
#define SESSION_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "model/answer.h"
#include "model/form.h"

enum evidence_status {
	EVIDENCE_NONE = 0,
	EVIDENCE_PRESENTED, /* vorgelegt */
	EVIDENCE_DUE,       /* nachzureichen (with a due date) */
	EVIDENCE_MISSING,   /* fehlt */
};

enum goal_status {
	GOAL_OPEN = 0,
	GOAL_REACHED,     /* erreicht */
	GOAL_PARTIAL,     /* teilweise */
	GOAL_NOT_REACHED, /* nicht_erreicht */
};

enum audit_kind {
	AUDIT_FIRST = 0, /* Erstaudit */
	AUDIT_RENEWAL,   /* Re-Audit */
};

struct session_item {
	struct answer answer;
	char *note;
	char *recommendation;
	enum evidence_status evidence;
	char *evidence_due;
	char *evidence_text;
};

struct session_participant {
	char *name;
	char *function;
};

struct session_goal {
	char *goal;        /* Ziel */
	char *measures;    /* Maßnahmen */
	char *indicator;   /* Messgröße */
	char *deadline;    /* Frist */
	char *responsible; /* Verantwortlich */
	char *questions;   /* Fragen: full ids it addresses, "a.x,b.y" in form order */
};

struct session_meta {
	char *kommune;
	char *landkreis;
	char *zentralitaet; /* Oberzentrum | Mittelzentrum | Unterzentrum | Kleinzentrum |
	                       Verwaltungsgemeinschaft */
	char *ihk;
	char *auditor;
	char *datum; /* YYYY-MM-DD */
	enum audit_kind kind;
	char *previous; /* re-audit: path of the previous session, or NULL */
};

struct session {
	struct form *form; /* owned */
	struct session_meta meta;
	struct session_participant *participants;
	size_t participant_count;
	struct session_item *items; /* form->question_count entries, same order */
	struct session_goal *goals; /* form->goal_count entries */
	struct session_goal *previous_goals; /* form->goal_count entries (re-audit) */
	enum goal_status *previous_status;   /* form->goal_count entries */
	char *cursor;                        /* full question id to resume at, or NULL */
	/* re-audit: the previous audit, parsed from previous.dump (its own form,
	 * read-only for everyone; owned), and that record's text; NULL when none */
	struct session *previous;
	char *previous_text;
	struct session_log *log;  /* phase and change history (history.h) */
	char *path;               /* session file; NULL until created */
	unsigned long generation; /* snapshots written so far */
	int unprotected; /* set by session_save: the file system keeps no permissions
	                    (exFAT, FAT32, NTFS), so the file is readable by every
	                    local user; see session_privacy_warning */
	/* the town's statements from its Dokumentationstabelle (model/town.h) */
	struct session_town *town;
	/* private to session.c */
	int lock_fd;
	dev_t file_dev;
	ino_t file_ino;
	off_t file_size;
	struct timespec file_mtime;
	int loaded_from_previous; /* opened from PATH.prev: the next save keeps .prev */
	unsigned long form_text_crc; /* CRC-32 of the form.text record, once computed */
	int form_text_crc_set;
};

enum session_mode {
	SESSION_READ_ONLY,
	SESSION_WRITE, /* takes the advisory lock; refused when another process holds it
	                */
};

/* A new, empty, unsaved session over form (ownership of form passes to it). */
struct session *session_new(struct form *form);

/* One key/value record a caller hands to the store (both owned). */
struct session_pair {
	char *key;
	char *value;
};

/* A list of records; zero-initialise, fill with session_pairs_add. */
struct session_pairs {
	struct session_pair *items;
	size_t count;
};

/* Append a copy of key and value. */
void session_pairs_add(struct session_pairs *l, const char *key, const char *value);

/* Free the records and empty the list. */
void session_pairs_clear(struct session_pairs *l);

/*
 * session_create_file: give s a file in dir named after a slug of Kommune and
 * Datum (steinbach-taunus-2026-11-23.cdb; -2, -3 … when taken), never
 * overwriting an existing file, take the write lock and save the first
 * snapshot with the summary records (see session_save). dir is created 0700
 * if missing. Returns 0 or -1 with *why. Callers use audit_create
 * (model/audit.h), which brings the summary.
 */
int session_create_file(struct session *s, const char *dir,
                        const struct session_pairs *summary, char **why);

/*
 * session_open: load the snapshot at path (a symbolic link is resolved first:
 * s->path is the real file). A damaged current generation
 * (bad checksum, truncated, foreign, wrong format version) falls back to
 * PATH.prev and says so in *notice (caller frees; NULL when nothing to say);
 * when neither is good, NULL with *why. SESSION_WRITE also takes the lock and
 * is refused, naming the holder, when another process has it; errno is then
 * EWOULDBLOCK (any other failure leaves errno something else).
 */
struct session *session_open(const char *path, enum session_mode mode, char **notice,
                             char **why);

/*
 * session_save: write a complete new snapshot of s to s->path atomically and
 * keep the old one as PATH.prev. summary (may be NULL) holds the summary.*
 * records `list` reads, written as given after the content records: the
 * store computes nothing itself, so scoring rules never change what it
 * writes (a key outside summary.* is refused). On failure (ENOSPC, EROFS,
 * EACCES, the file replaced by someone else …) the file on disk is
 * untouched, s is unchanged and -1 comes back with *why; the caller may
 * retry later. Callers use audit_save (model/audit.h), which brings the
 * summary.
 */
int session_save(struct session *s, const struct session_pairs *summary, char **why);

/*
 * session_privacy_warning: a German warning, for a person, when other local
 * users can read the session at s->path: the file system keeps no
 * permissions (s->unprotected after a save), or the directory holding it is
 * readable or searchable by group or others. NULL when neither. Caller frees.
 */
char *session_privacy_warning(const struct session *s);

/*
 * session_rescue_save: write the dump of s (session_dump) into dir as a new
 * file "<session name>-sicherung.txt" (-2, -3 … when taken); an existing file
 * is never replaced. For saving the answers elsewhere after the session file
 * could not be saved. Returns 0 and the path in *path (caller frees), or -1
 * with *why.
 */
int session_rescue_save(const struct session *s, const char *dir, char **path,
                        char **why);

/* 1 when the file at path (not followed if a symbolic link) begins like a
 * snapshot of this program (a cdb whose first record is the format), else 0. */
int session_file_is_session(const char *path);

/* Release the lock and free everything; session_free(NULL) does nothing. */
void session_free(struct session *s);

/*
 * session_change: THE one way to change a session: set the record key
 * (syntax above) to value, or clear it when value is NULL. Validates first
 * and changes nothing on error (-1, *why lists what is allowed). Does not
 * save (audit_save in model/audit.h does). Every caller (the command line,
 * the interview, re-audit linking, imports, undo) changes a session through
 * this function and never writes struct session's fields itself: the change
 * history (history.h) is recorded here, in memory with the change, so the
 * next snapshot holds both; a change made around it would be lost from it.
 * (Reading the fields is fine.) After Abgeschlossen a change is refused
 * without a reason (session_change_reason in history.h).
 */
int session_change(struct session *s, const char *key, const char *value, char **why);

/* The former name of session_change, kept until every caller has moved to
 * it; it is session_change. */
int session_set(struct session *s, const char *key, const char *value, char **why);

/* The canonical value of a record key, or NULL when unset. Caller frees. */
char *session_get(const struct session *s, const char *key);

/*
 * session_dump: every record, one per line "KEY<TAB>VALUE", in a fixed order;
 * backslash, tab, newline and carriage return in values are written as \\ \t
 * \n \r, every other control character (C0, DEL, and each byte of a C1
 * control U+0080..U+009F) as \xHH, so the text is safe on a terminal. The
 * result round-trips through session_from_dump. Caller frees.
 */
char *session_dump(const struct session *s);

/* Build an unsaved session from dump text (path unset). NULL with *why (naming
 * the line) when the text is not a valid dump. */
struct session *session_from_dump(const char *text, size_t len, char **why);

/* Number of participants in use; session_change("participant.N.…") grows the list. */

/* What `list` and the start screen show, read without parsing the form. */
struct session_summary {
	char *path;
	char *kommune;
	char *datum;
	char *art; /* "erst" | "re" */
	int answered;
	int total;
	int points;
	int max_points;
	char *verdict;     /* summary.verdict (model/audit.h), NULL when absent */
	char *valid_until; /* summary.valid_until: YYYY-MM-DD or "", NULL when absent */
	char *error; /* non-NULL when the file could not be read; other fields may be NULL
	              */
};

/*
 * Summaries of every *.cdb in dir, sorted by file name. Each file is checked
 * before it is shown: structure, format, the checksum over every record, and
 * that the summary agrees with the master data; a file that fails gets
 * error set (and says so when its .prev would be opened instead). Returns 0
 * or -1 with *why.
 */
int session_list(const char *dir, struct session_summary **out, size_t *count,
                 char **why);
void session_summaries_free(struct session_summary *list, size_t count);

/*
 * Reading many snapshots fast without loading their forms (the register):
 * session_scan_file checks the file at path as session_list does (a regular
 * file, followed when a symbolic link; the cdb structure, the format and the
 * checksum over every record) and then hands each record to each (may be
 * NULL) in file order; key and value (not NUL-terminated) are borrowed for
 * the call only. *file (may be NULL) receives the file's status once it is
 * open. Returns 0, or -1 with *why (German, without the path; caller frees):
 * each is then never called. PATH.prev is not looked at; no lock is taken
 * or tested. scan keeps what one file teaches the next (the checksum of a
 * form text they share); session_scan_new never fails, session_scan_free(NULL)
 * does nothing.
 */
struct stat;
struct session_scan;
typedef void (*session_scan_fn)(void *ctx, const char *key, size_t key_len,
                                const char *value, size_t value_len);
struct session_scan *session_scan_new(void);
int session_scan_file(struct session_scan *scan, const char *path, session_scan_fn each,
                      void *ctx, struct stat *file, char **why);
void session_scan_free(struct session_scan *scan);

/* The format record every snapshot and dump starts with. */
#define SESSION_FORMAT "wohnort-audit-session 1"

/*
 * session_goal_addresses: 1 when goal g (of s->goals or s->previous_goals)
 * names question qi in its Fragen, else 0.
 */
int session_goal_addresses(const struct session *s, const struct session_goal *g,
                           size_t qi);

/* Labels for people: "vorgelegt", "nachzureichen", "fehlt", "" for NONE. */
const char *session_evidence_name(enum evidence_status e);
/* "erreicht", "teilweise", "nicht_erreicht", "" for OPEN. */
const char *session_goal_status_name(enum goal_status g);

/*
 * session_date_warning: plausible_date_warning (model/plausible.h) for the record key of
 * session s as it stands now (after session_change): meta.datum, FRAGE:evidence_due or
 * the answer of a date question; NULL for any other key, an unset value or a plausible
 * date. Caller frees.
 */
char *session_date_warning(const struct session *s, const char *key, const char *today);

#endif

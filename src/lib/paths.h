/*
 * paths.h: where things live. The session directory (option, environment,
 * XDG default), the data directory (source tree when run from the build
 * tree, $(pkgdatadir) when installed) and the user's and the system's
 * configuration directories. Creates directories; prints nothing.
 */
#ifndef PATHS_H
#define PATHS_H

/*
 * paths_session_dir: the session directory: option if not NULL, else
 * $WOHNORT_AUDIT_DIR, else $XDG_DATA_HOME/wohnort-audit, else
 * ~/.local/share/wohnort-audit. With create, the directory and missing
 * parents are created mode 0700; an existing directory keeps its mode (see
 * session_privacy_warning). A path too long for the system is refused before
 * anything is created, and a failed create leaves no directory behind.
 * Returns a string the caller frees, or NULL with *why set (caller frees).
 */
char *paths_session_dir(const char *option, int create, char **why);

/*
 * paths_data_dir: the directory holding forms/ and the reference data:
 * $WOHNORT_AUDIT_DATADIR if set, else the source tree when this binary runs
 * from the build tree, else PKGDATADIR. Returns a borrowed, static string.
 */
const char *paths_data_dir(void);

/* The bundled default form: <data dir>/forms/wohnort-muster.yaml. Caller frees. */
char *paths_default_form(void);

/* A reference file: <data dir>/data/NAME, e.g. paths_data_file("ihk.txt"). Caller frees.
 */
char *paths_data_file(const char *name);

/*
 * paths_config_dir: the user's configuration directory of the program:
 * $XDG_CONFIG_HOME/wohnort-audit when XDG_CONFIG_HOME is an absolute path,
 * else ~/.config/wohnort-audit; NULL when HOME is not an absolute path
 * either. Creates nothing. Caller frees.
 */
char *paths_config_dir(void);

/*
 * paths_system_config_dir: the system's configuration directory of the
 * program: $WOHNORT_AUDIT_SYSCONFDIR/wohnort-audit when that variable is set
 * and not empty (for tests, so that they never read the machine's /etc),
 * else SYSCONFDIR/wohnort-audit (/etc/wohnort-audit in the Debian package).
 * Caller frees.
 */
char *paths_system_config_dir(void);

#endif

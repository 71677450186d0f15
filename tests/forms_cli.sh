#!/bin/sh
# forms_cli.sh: black-box test of where Prüfbögen come from, with temporary
# directories for the user's configuration (XDG_CONFIG_HOME, and ~/.config
# without it), the machine's (WOHNORT_AUDIT_SYSCONFDIR stands for /etc) and
# the bundled form of the source tree. Covers: `forms` lists id, edition,
# title, path and state in search order (user, system, bundled; names in
# byte order; *.yml too, hidden and other files not), the first form of an
# id wins and the later one is "verdeckt", an invalid form shows its first
# error as FILE:LINE:COLUMN and makes the exit 2, an unreadable directory is
# named; `new`, `questions` and `interview` take a form id or a path for
# --form; an unknown id is refused naming the directories and creates
# nothing; an invalid form found before the one taken is warned about; the
# configuration file's `form` (id, path relative to the file; the user's
# over the machine's) is the default of `new` and `questions` and marked
# "Vorgabe" by `forms`; every broken configuration line is refused with
# FILE:LINE and creates nothing; `--version` lists the editions found.
set -u
BIN=${WA_BIN:?}
SRC=${WA_SRCDIR:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/wa-forms-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT INT TERM
unset WOHNORT_AUDIT_DATADIR
export XDG_CONFIG_HOME="$T/cfg" WOHNORT_AUDIT_SYSCONFDIR="$T/etc" WOHNORT_AUDIT_DIR="$T/s"
USER_FORMS="$T/cfg/wohnort-audit/forms"
SYS_FORMS="$T/etc/wohnort-audit/forms"
BUNDLED="$SRC/forms/wohnort-muster.yaml"
BUNDLED_EDITION=$(sed -n 's/^edition: *//p' "$BUNDLED")
MINIMAL="$SRC/tests/data/forms/minimal.yaml"
fails=0
checks=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run COMMAND...: stdout, stderr and status in $T/out, $T/err, $rc
run() { "$@" >"$T/out" 2>"$T/err" </dev/null; rc=$?; checks=$((checks + 1)); }
want() { [ "$rc" = "$1" ] || { fail "$2: exit $rc, want $1"; sed 's/^/  | /' "$T/err"; }; }
# has FILE TEXT DESCRIPTION: TEXT (fixed string) is in FILE
has() { grep -qF -- "$2" "$1" || { fail "$3: no „$2“"; sed 's/^/  | /' "$1"; }; }
# form ID EDITION FILE: the minimal form with another id and edition
form() { sed -e "s/^form: .*/form: $1/" -e "s/^edition: .*/edition: $2/" "$MINIMAL" >"$3"; }
# sessions: the number of sessions created
sessions() { find "$T/s" -name '*.cdb' 2>/dev/null | wc -l; }
# dumped SESSION KEY: the value of a record
dumped() { "$BIN" dump "$1" | awk -F'\t' -v k="$2" '$1 == k { print $2 }'; }

# --- nothing but the bundled form ---------------------------------------
run "$BIN" forms
want 0 "forms with the bundled form only"
# the second model edition beside it (its name sorts first), usable too
NEXT="$SRC/forms/wohnort-muster-2026.yaml"
{
	printf 'wohnort-muster\t%s\t%s\t%s\tgültig\n' "$(sed -n 's/^edition: *//p' "$NEXT")" \
		"$(sed -n 's/^title: *//p' "$NEXT")" "$NEXT"
	printf 'wohnort-muster\t%s\t%s\t%s\tgültig, Vorgabe\n' "$BUNDLED_EDITION" \
		"$(sed -n 's/^title: *//p' "$BUNDLED")" "$BUNDLED"
} >"$T/want"
cmp -s "$T/want" "$T/out" || { fail "forms: the bundled form"; diff "$T/want" "$T/out"; }

# --- forms in every place -----------------------------------------------
mkdir -p "$USER_FORMS" "$SYS_FORMS"
form ihk-a 2026-01-01 "$USER_FORMS/b-ihk-a.yaml"
form ihk-c 2026-02-02 "$USER_FORMS/a-ihk-c.yml"
form hidden 2026-01-01 "$USER_FORMS/.versteckt.yaml"
form other 2026-01-01 "$USER_FORMS/notiz.txt"
printf 'form: kaputt\ntitle: [\n' >"$USER_FORMS/c-kaputt.yaml"
form ihk-a 2023-01-01 "$SYS_FORMS/ihk-a.yaml"
form ihk-b 2025-03-31 "$SYS_FORMS/ihk-b.yaml"
run "$BIN" forms
want 2 "forms with an invalid form"
awk -F'\t' '{ print $1 "|" $2 "|" $4 "|" $5 }' "$T/out" >"$T/got"
cat >"$T/want" <<EOF
ihk-c|2026-02-02|$USER_FORMS/a-ihk-c.yml|gültig
ihk-a|2026-01-01|$USER_FORMS/b-ihk-a.yaml|gültig
-|-|$USER_FORMS/c-kaputt.yaml|ungültig: $USER_FORMS/c-kaputt.yaml:3:1: YAML syntax: flow sequence without a closing bracket
ihk-a|2023-01-01|$SYS_FORMS/ihk-a.yaml|verdeckt von $USER_FORMS/b-ihk-a.yaml
ihk-b|2025-03-31|$SYS_FORMS/ihk-b.yaml|gültig
wohnort-muster|$(sed -n 's/^edition: *//p' "$NEXT")|$NEXT|gültig
wohnort-muster|$BUNDLED_EDITION|$BUNDLED|gültig, Vorgabe
EOF
cmp -s "$T/want" "$T/got" || { fail "forms: order and states"; diff "$T/want" "$T/got"; }
awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' "$T/out" || fail "forms: a line without five fields"
awk -F'\t' '$1 == "ihk-b" { print $3 }' "$T/out" | grep -qx "Kleiner Prüfbogen" ||
	fail "forms: the title of ihk-b"
[ ! -s "$T/err" ] || { fail "forms: stderr"; cat "$T/err"; }

# --- --form ID, --form PATH ----------------------------------------------
run "$BIN" new --kommune Aheim --form ihk-a
want 0 "new --form ihk-a"
s=$(cat "$T/out")
[ "$(dumped "$s" form.edition)" = 2026-01-01 ] || fail "new --form ihk-a: not the user's edition"
[ ! -s "$T/err" ] || { fail "new --form ihk-a: stderr"; cat "$T/err"; }
run "$BIN" new --kommune Bheim --form ihk-b
want 0 "new --form ihk-b"
[ "$(dumped "$(cat "$T/out")" form.id)" = ihk-b ] || fail "new --form ihk-b: another form"
# an invalid form before the one taken is warned about, the session made
run "$BIN" new --kommune Cheim
want 0 "new with the bundled form"
[ "$(dumped "$(cat "$T/out")" form.id)" = wohnort-muster ] || fail "new: not the bundled form"
has "$T/err" "Warnung: ungültiger Prüfbogen übergangen: $USER_FORMS/c-kaputt.yaml:3:1:" \
	"new: warning about the invalid form before"
run "$BIN" new --kommune Dheim --form "$SYS_FORMS/ihk-a.yaml"
want 0 "new --form PATH of a shadowed form"
[ "$(dumped "$(cat "$T/out")" form.edition)" = 2023-01-01 ] || fail "new --form PATH: another file"
run "$BIN" questions --form ihk-c
want 0 "questions --form ihk-c"
"$BIN" questions --form "$MINIMAL" | cmp -s - "$T/out" || fail "questions --form ihk-c: other questions"
before=$(sessions)
run "$BIN" new --kommune Eheim --form ihk-z
want 2 "new --form unknown id"
has "$T/err" "„ihk-z“" "new --form ihk-z: names the id"
has "$T/err" "$SYS_FORMS" "new --form ihk-z: names the directories"
has "$T/err" "$USER_FORMS/c-kaputt.yaml" "new --form ihk-z: names the invalid form"
[ "$(sessions)" -eq "$before" ] || fail "new --form ihk-z created a session"
run "$BIN" questions --form kaputt
want 2 "questions --form of an invalid form's id"
run "$BIN" interview --form ihk-z
want 2 "interview --form unknown id (refused before the terminal)"
has "$T/err" "„ihk-z“" "interview --form ihk-z: names the id"

# --- --version ----------------------------------------------------------
run "$BIN" --version
want 0 "--version"
head -1 "$T/out" | grep -qx "wohnort-audit [0-9][0-9.]*" || fail "--version: first line $(head -1 "$T/out")"
has "$T/out" "  ihk-a  2026-01-01  $USER_FORMS/b-ihk-a.yaml" "--version: the user's ihk-a"
has "$T/out" "  ihk-b  2025-03-31  $SYS_FORMS/ihk-b.yaml" "--version: ihk-b"
has "$T/out" "  wohnort-muster  $BUNDLED_EDITION  $BUNDLED" "--version: the bundled form"
has "$T/out" "ungültig: $USER_FORMS/c-kaputt.yaml" "--version: the invalid form"
grep -q "2023-01-01" "$T/out" && fail "--version lists the shadowed edition"
"$BIN" version | cmp -s - "$T/out" || fail "version and --version differ"
rm "$USER_FORMS/c-kaputt.yaml"

# --- the configuration file ---------------------------------------------
CFG="$T/cfg/wohnort-audit/config"
SYS_CFG="$T/etc/wohnort-audit/config"
printf '# Vorgabe der IHK\nform = ihk-b\n' >"$SYS_CFG"
run "$BIN" new --kommune Fheim
want 0 "new with the machine's default"
[ "$(dumped "$(cat "$T/out")" form.id)" = ihk-b ] || fail "machine's config: not ihk-b"
printf 'form = ihk-c\n' >"$CFG"
run "$BIN" new --kommune Gheim
want 0 "new with the user's default"
[ "$(dumped "$(cat "$T/out")" form.id)" = ihk-c ] || fail "user's config does not win"
run "$BIN" questions
"$BIN" questions --form "$MINIMAL" | cmp -s - "$T/out" || fail "questions: not the default form"
run "$BIN" new --kommune Hheim --form wohnort-muster
[ "$(dumped "$(cat "$T/out")" form.id)" = wohnort-muster ] || fail "--form does not win over config"
run "$BIN" forms
want 0 "forms with a default"
awk -F'\t' '$5 ~ /Vorgabe/ { print $1 }' "$T/out" | grep -qx ihk-c || fail "forms: ihk-c is not marked"
[ "$(grep -c Vorgabe "$T/out")" -eq 1 ] || fail "forms: more than one Vorgabe"
# a path relative to the configuration file, outside the form directories
mkdir -p "$T/cfg/wohnort-audit/lizenz"
form ihk-d 2026-04-04 "$T/cfg/wohnort-audit/lizenz/d.yaml"
printf 'form = lizenz/d.yaml\r\n' >"$CFG"
run "$BIN" new --kommune Iheim
want 0 "new with a relative path in the config"
[ "$(dumped "$(cat "$T/out")" form.id)" = ihk-d ] || fail "relative path in config"
run "$BIN" forms
want 0 "forms with a default outside the directories"
tail -1 "$T/out" | awk -F'\t' '{ print $1 "|" $4 "|" $5 }' | grep -qxF \
	"ihk-d|$T/cfg/wohnort-audit/lizenz/d.yaml|gültig, Vorgabe" || fail "forms: the default outside"

# every broken line: FILE:LINE, exit 2, nothing created
check_config() { # TEXT LINE WHAT DESCRIPTION
	printf "$1" >"$CFG"
	before=$(sessions)
	run "$BIN" new --kommune Kaputtheim
	want 2 "config $4"
	has "$T/err" "$CFG:$2: " "config $4: FILE:LINE"
	has "$T/err" "$3" "config $4: the reason"
	[ "$(sessions)" -eq "$before" ] || fail "config $4: a session was created"
	run "$BIN" forms
	want 2 "forms with config $4"
	has "$T/err" "$CFG:$2: " "forms with config $4: FILE:LINE"
}
check_config '# eins\nform ihk-a\n' 2 "kein „=“" "without ="
check_config 'farbe = rot\n' 1 "unbekannter Schlüssel „farbe“ (bekannt: form)" "unknown key"
check_config 'form =\n' 1 "ohne Wert" "empty value"
check_config 'form = ihk-a\nform = ihk-b\n' 2 "steht schon in Zeile 1" "key twice"
check_config '\n\nform = ihk-q\n' 3 "„ihk-q“" "unknown form id"
check_config 'form = ihk-\001a\n' 1 "Steuerzeichen" "control character"
check_config 'form = ihk-\374\n' 1 "UTF-8" "invalid UTF-8"
printf 'form = gibts/nicht.yaml\n' >"$CFG"
run "$BIN" new --kommune Jheim
want 2 "config names a missing file"
has "$T/err" "$T/cfg/wohnort-audit/gibts/nicht.yaml" "config missing file: named"
# --form does not read the configuration
printf 'kaputt\n' >"$CFG"
run "$BIN" new --kommune Kheim --form ihk-a
want 0 "new --form with a broken config"
rm -f "$CFG" "$SYS_CFG"

# --- the user's directory without XDG_CONFIG_HOME: ~/.config ------------
mkdir -p "$T/home/.config/wohnort-audit/forms"
form ihk-home 2026-05-05 "$T/home/.config/wohnort-audit/forms/h.yaml"
run env -u XDG_CONFIG_HOME HOME="$T/home" "$BIN" forms
want 0 "forms with ~/.config"
has "$T/out" "$T/home/.config/wohnort-audit/forms/h.yaml" "forms: ~/.config/wohnort-audit/forms"

# --- a forms directory that cannot be read -------------------------------
rm -rf "$SYS_FORMS"
echo "keine Verzeichnis" >"$SYS_FORMS"
run "$BIN" forms
want 2 "forms with a file in place of a directory"
awk -F'\t' -v d="$SYS_FORMS" '$4 == d && $5 ~ /^ungültig: / { ok = 1 } END { exit !ok }' "$T/out" ||
	fail "forms: the unreadable directory is not named"

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]

#!/bin/sh
# tests/reliability_security.sh: covers the security promises. (1) With
# umask 000 the session directory is 0700 and every session file 0600; an
# existing loose --dir keeps its mode and the user is warned (symbolic links,
# lock files and .prev are covered by tests/reliability_paths.sh); the
# exported workbook, which carries the confidential score, is 0600 too.
# (2) Master data cannot steer file names: Kommune values such as ../../etc/x, /, only dots, control
# characters and 10,000 characters give one file with a safe name inside
# --dir and nothing elsewhere (checked with strace over every created path
# when available, and with find). (3) Export keeps =, +, -, @ text from master
# data, participants, goals and text answers as strings, never formulas (the
# export module's own test covers notes). (4) A failed export leaves no temp
# file. (5) No command opens an AF_INET/AF_INET6 socket (strace; that part is
# left out when strace or ptrace is unavailable).
. "$WA_SRCDIR/tests/reliability_lib.sh"

have_strace=0
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	have_strace=1
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" # LSan cannot run under ptrace
	export ASAN_OPTIONS
else
	echo "strace unavailable: the created-path and network checks are left out" >&2
fi

mode_of() { stat -c %a "$1"; }

# (1) permissions under umask 000
dir=$work/sessions
run 60 sh -c 'umask 000; exec "$0" new --kommune "Steinbach (Taunus)" --datum 2026-11-23 --dir "$1"' "$WA_BIN" "$dir"
expect_refusal "new with umask 000" 0 || finish
session=$(tail -1 "$work/out")
[ "$(mode_of "$dir")" = 700 ] && ok || fail "session directory is $(mode_of "$dir"), not 700"
[ "$(mode_of "$session")" = 600 ] && ok || fail "session file is $(mode_of "$session"), not 600"
run 60 sh -c 'umask 000; exec "$0" set "$1" meta.auditor "Erika Muster"' "$WA_BIN" "$session"
expect_refusal "set with umask 000" 0
run 60 sh -c 'umask 000; exec "$0" set "$1" meta.ihk "IHK Frankfurt am Main"' "$WA_BIN" "$session"
expect_refusal "second set with umask 000" 0
run 60 sh -c 'umask 000; exec "$0" export "$1" -o "$2"' "$WA_BIN" "$session" "$work/umask.xlsx"
expect_refusal "export with umask 000" 0
for f in "$dir"/*; do
	[ -e "$f" ] || continue
	m=$(mode_of "$f")
	[ "$m" = 600 ] && ok || fail "$(basename "$f") is $m, not 600"
done
# The workbook carries the confidential score: owner-only like the session.
[ "$(mode_of "$work/umask.xlsx")" = 600 ] && ok ||
	fail "exported workbook under umask 000 is $(mode_of "$work/umask.xlsx"), not 600"
loose=$work/loose
mkdir -m 777 "$loose"
chmod 777 "$loose"
run 60 "$WA_BIN" new --kommune Lockerstadt --datum 2026-11-23 --dir "$loose"
expect_refusal "new in an existing 0777 directory" 0
# the directory may be shared on purpose: it keeps its mode, the user is warned
[ "$(mode_of "$loose")" = 777 ] && ok || fail "new changed an existing 0777 --dir to $(mode_of "$loose")"
expect_err_names "new in an existing 0777 directory" "chmod 700"
for f in "$loose"/*; do
	[ "$(mode_of "$f")" = 600 ] && ok || fail "$(basename "$f") in a 0777 directory is $(mode_of "$f")"
done

# (2) no path traversal from master data
long=$("$PY" -c 'print("Ä" * 5000 + "x" * 5000)')
i=0
for kommune in "../../etc/x" "/" "/etc/passwd" "..." "." "$(printf 'a\nb\tc\rd')" "$long" \
	"Bad Soden/../../../x" "C:\\Windows\\x" "$(printf '\033[31mrot')" "NUL-ish %00 x" "~root"; do
	i=$((i + 1))
	t=$work/trav-$i
	mkdir -p "$t/cwd"
	if [ $have_strace = 1 ]; then
		rc=0
		(cd "$t/cwd" && strace -f -qq -e trace=openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat \
			-o "$t/trace" "$WA_BIN" new --kommune "$kommune" --datum 2026-11-23 --ihk "$kommune" \
			--auditor "$kommune" --landkreis "$kommune" --dir "$t/s") >"$work/out" 2>"$work/err" </dev/null || rc=$?
	else
		(cd "$t/cwd" && run 60 "$WA_BIN" new --kommune "$kommune" --datum 2026-11-23 --ihk "$kommune" \
			--auditor "$kommune" --landkreis "$kommune" --dir "$t/s")
	fi
	label="new --kommune #$i"
	expect_no_crash "$label" || continue
	case $rc in 0 | 2) ok ;; *) fail "$label: exit $rc" ;; esac
	# nothing outside the session directory, at most one file inside
	other=$(cd "$t" && find . -mindepth 1 ! -path ./s ! -path './s/*' ! -path ./cwd ! -name trace -print)
	[ -z "$other" ] && ok || fail "$label: created outside --dir: $other"
	if [ $rc -eq 0 ]; then
		made=$(ls -A "$t/s" | grep -v '\.lock$')
		[ "$(printf '%s\n' "$made" | wc -l)" -eq 1 ] && ok || fail "$label: files in --dir: $made"
		case $made in
		*/* | .* | *..* | '') fail "$label: unsafe file name '$made'" ;;
		*) ok ;;
		esac
		[ "${#made}" -le 255 ] && ok || fail "$label: file name of ${#made} bytes"
		printf '%s' "$made" | LC_ALL=C grep -q '^[a-z0-9][a-z0-9.-]*$' && ok ||
			fail "$label: file name '$made' is not a plain ASCII slug"
	fi
	if [ $have_strace = 1 ]; then
		# every path created or written must lie in --dir or be an unnamed temp file
		"$PY" "$WA_SRCDIR/tests/reliability_security_trace.py" "$t/trace" "$t/s" "$t/cwd" >"$work/check" 2>&1 && ok || { fail "$label: wrote outside --dir:"; sed 's/^/    /' "$work/check" >&2; }
	fi
done
# a date cannot be a path either
run 60 "$WA_BIN" new --kommune Datumstadt --datum "../../../2026-11-23" --dir "$work/datum"
expect_refusal "new --datum with a path" 2

# (3) export keeps formula-like text as strings
x=$work/inj
run 60 "$WA_BIN" new --kommune "=HYPERLINK(\"http://x\",\"INJ01\")" --datum 2026-11-23 --dir "$x"
expect_refusal "new with a formula as Kommune" 0 || finish
s=$(tail -1 "$work/out")
"$WA_BIN" questions >"$work/questions"
q_text=$(awk -F'\t' '$3 == "text" && $5 == "-" { print $1; exit }' "$work/questions")
q_yes=$(awk -F'\t' '$3 == "yesno" { print $1; exit }' "$work/questions")
for kv in "meta.auditor=+INJ02" "meta.ihk=-INJ03" "meta.landkreis=@INJ04" \
	"participant.1.name==INJ05+1" "participant.1.funktion=+INJ06" "goal.1.ziel=-INJ07-1" \
	"goal.1.massnahmen=@SUM(INJ08)" "goal.1.messgroesse==1+INJ09" "$q_text==cmd|' /C calc'!INJ10"; do
	run 60 "$WA_BIN" set "$s" "${kv%%=*}" "${kv#*=}"
	expect_refusal "set ${kv%%=*} to a formula-like text" 0
done
run 60 "$WA_BIN" set "$s" "$q_yes" nein --recommendation "=INJ11*2"
expect_refusal "set a formula-like recommendation" 0
run 60 "$WA_BIN" export "$s" -o "$work/inj.xlsx"
if expect_refusal "export of formula-like texts" 0; then
	"$PY" "$WA_SRCDIR/tests/reliability_security_formulas.py" "$work/inj.xlsx" >"$work/check" 2>&1 && ok || { fail "export turned text into formulas:"; sed 's/^/    /' "$work/check" >&2; }
	cat "$work/check"
fi

# (4) a failed export leaves no temp file behind
mkdir -p "$work/exp/ziel.xlsx"
run 60 "$WA_BIN" export "$s" -o "$work/exp/ziel.xlsx"
expect_refusal "export onto a directory" 2
left=$(ls -A "$work/exp" | grep -v -x ziel.xlsx || true)
[ -z "$left" ] && ok || fail "failed export left: $left"
run 60 "$WA_BIN" export "$s" -o "$work/gibtsnicht/x.xlsx"
expect_refusal "export into a missing directory" 2
[ ! -e "$work/gibtsnicht" ] && ok || fail "failed export created $work/gibtsnicht"
left=$(ls -A "$x" | grep -e '\.tmp' -e 'tmp-' || true)
[ -z "$left" ] && ok || fail "temp files left in the session directory: $left"

# (5) no network
if [ $have_strace = 1 ]; then
	: >"$work/net"
	for args in "new --kommune Netzstadt --datum 2026-11-23 --dir $work/net-s" \
		"set $s meta.auditor Netz" "score $s" "score $s --format json" "dump $s" \
		"export $s -o $work/net.xlsx" "list --dir $x" "questions" \
		"check-form $WA_SRCDIR/tests/corpus/form-valid.yaml"; do
		# shellcheck disable=SC2086
		strace -f -qq -e trace=socket,connect -o "$work/net.trace" "$WA_BIN" $args >/dev/null 2>&1 </dev/null
		cat "$work/net.trace" >>"$work/net"
		if grep -E 'AF_INET|AF_INET6|PF_INET' "$work/net.trace" >/dev/null; then
			fail "$args opened a network socket: $(grep -E 'AF_INET|PF_INET' "$work/net.trace" | head -2)"
		else
			ok
		fi
	done
fi

finish

#!/usr/bin/env bash
# tests/run.sh: run every test and count.  Each test prints lines
# "PASS name", "FAIL name: why" or "SKIP name: why"; anything else is shown
# as is.  The last line is "N passed, N failed, N skipped".
#
#   tests/run.sh [PATTERN]      only tests whose file name contains PATTERN
#
# Unit tests are build/tests/test_*; the rest are tests/t_*.sh, which use the
# install made by ./install.sh (its prefix is read from .ccmux-prefix, or
# CCMUX_PREFIX, default /opt/ccmux).
set -u
cd "$(dirname "$0")/.."
pattern=${1:-}
passed=0 failed=0 skipped=0
failures=()

if [ -z "${CCMUX_PREFIX:-}" ]; then
	if [ -s .ccmux-prefix ]; then
		CCMUX_PREFIX=$(cat .ccmux-prefix)
	else
		CCMUX_PREFIX=/opt/ccmux
	fi
fi
export CCMUX_PREFIX
export CCMUX_SRC=$PWD
export CCMUX_BIN=${CCMUX_BIN:-$PWD/ccmux}
units=${CCMUX_UNITS:-build/tests}

run_one() {
	local name=$1 line
	shift
	while IFS= read -r line; do
		case "$line" in
		"PASS "*) passed=$((passed + 1)) ;;
		"FAIL "*) failed=$((failed + 1)); failures+=("$name: ${line#FAIL }"); echo "$line" ;;
		"SKIP "*) skipped=$((skipped + 1)); echo "$line" ;;
		*) echo "  $line" ;;
		esac
	done < <("$@" 2>&1; rc=$?; [ $rc = 0 ] || echo "FAIL $name: exited $rc")
}

for t in "$units"/test_* tests/t_*.sh; do
	[ -e "$t" ] || continue
	case "$t" in *"$pattern"*) ;; *) continue ;; esac
	start=$(date +%s)
	echo "-- $t"
	case "$t" in
	*.sh) run_one "$t" bash "$t" ;;
	*) run_one "$t" "$t" ;;
	esac
	echo "   ($(( $(date +%s) - start ))s)"
done

if [ ${#failures[@]} -gt 0 ]; then
	echo "failures:"
	printf '  %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]

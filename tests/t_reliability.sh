#!/usr/bin/env bash
# t_reliability.sh: never loop, never change an argument, never lose a log
# line, no shell anywhere.
. "$(dirname "$0")/lib.sh"
make_prefix --bare
make_fake_root "$T/root" <<'X'
x86_64-linux-gnu gcc-12.2.0 gcc,g++,cpp
x86_64-linux-gnu binutils-2.40 ar
x86_64-linux-gnu sysroot
X
export CCMUX_ROOT=$T/root FAKE_LOG=$T/fake.log
farm x86_64-linux-gnu-gcc x86_64-linux-gnu-gcc-13 x86_64-linux-gnu-ar cc gcc
cd "$T"

# ---- loops: each ends at once with exit 2 and "recursive invocation"
loop_case() {
	local name=$1; shift
	local start end rc
	start=$(date +%s%N)
	timeout 10 "$@" >/dev/null 2>"$T/loop.err"
	rc=$?
	end=$(date +%s%N)
	if [ $rc = 2 ] && grep -q "recursive invocation" "$T/loop.err" &&
	   [ $(( (end - start) / 1000000 )) -lt 1000 ]; then
		pass "loop: $name"
	else
		fail "loop: $name" "rc=$rc after $(( (end - start) / 1000000 )) ms: $(head -c 300 "$T/loop.err")"
	fi
}
mkdir -p "$T/self/x86_64-linux-gnu/gcc-13.1.0/bin"
ln -s "$P/bin/ccmux" "$T/self/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-gcc"
loop_case "a shard that is ccmux itself" env CCMUX_ROOT="$T/self" "$P/bin/x86_64-linux-gnu-gcc" -c a.c
# a shard that calls "gcc" through PATH, where the farm comes first
mkdir -p "$T/pathy/x86_64-linux-gnu/gcc-13.1.0/bin" "$T/farmdir/x86_64-linux-gnu/bin"
printf '#!/bin/sh\nexec gcc "$@"\n' > "$T/pathy/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-gcc"
chmod +x "$T/pathy/x86_64-linux-gnu/gcc-13.1.0/bin/x86_64-linux-gnu-gcc"
ln -s "$P/bin/ccmux" "$T/farmdir/x86_64-linux-gnu/bin/gcc"
loop_case "farm first on PATH" env CCMUX_ROOT="$T/pathy" PATH="$T/farmdir/x86_64-linux-gnu/bin:$PATH" "$P/bin/x86_64-linux-gnu-gcc" -c a.c
# the chosen shard (a preferred version) is a link back to ccmux while other
# shards exist: the nested call must not quietly compile with another GCC
loop_case "a preferred shard that is ccmux itself, others installed" env CCMUX_ROOT="$T/self:$T/root" "$P/bin/x86_64-linux-gnu-gcc-13" -c a.c
loop_case "bare cc with CCMUX_TARGET and a self shard" env CCMUX_ROOT="$T/self" CCMUX_TARGET=x86_64-linux-gnu "$P/bin/cc" -c a.c
loop_case "CCMUX_LAUNCHER=ccmux" env PATH="$P/bin:$PATH" CCMUX_LAUNCHER=ccmux "$P/bin/x86_64-linux-gnu-gcc" -c a.c
loop_case "CCMUX_LAUNCHER is a farm name" env CCMUX_LAUNCHER="$P/bin/x86_64-linux-gnu-gcc" "$P/bin/x86_64-linux-gnu-gcc" -c a.c
# a ccache-style masquerade: its gcc runs "gcc" from PATH, which is ccmux
mkdir -p "$T/masq"
printf '#!/bin/sh\nshift\nexec gcc "$@"\n' > "$T/masq/gcc"
chmod +x "$T/masq/gcc"
loop_case "CCMUX_LAUNCHER is a masquerade entry" env PATH="$T/farmdir/x86_64-linux-gnu/bin:$PATH" CCMUX_LAUNCHER="$T/masq/gcc" "$P/bin/x86_64-linux-gnu-gcc" -c a.c
timeout 10 env CCMUX_LAUNCHER="$T/masq" "$P/bin/x86_64-linux-gnu-gcc" -c a.c 2>"$T/err"
check "CCMUX_LAUNCHER is a masquerade directory" "2 is a directory" "$? $(grep -o 'is a directory' "$T/err")"
timeout 10 env CCMUX_DEPTH=8 "$P/bin/x86_64-linux-gnu-gcc" -c a.c 2>/dev/null
check "CCMUX_DEPTH at the limit" 2 $?

# ---- arguments pass byte for byte, in order
args_case() {
	local name=$1 tool=$2; shift 2
	rm -f "$FAKE_LOG"
	"$P/bin/$tool" "$@" >/dev/null 2>"$T/err"
	printf '%s\0' "$@" > "$T/want"
	# the fake's log is argv0 NUL arg NUL ... newline: the user's arguments
	# must stand in it whole and in order
	if [ -f "$FAKE_LOG" ] && python3 - "$T/want" "$FAKE_LOG" <<'PY'
import sys
want = open(sys.argv[1], 'rb').read()
got = open(sys.argv[2], 'rb').read()[:-1]
sys.exit(0 if b'\0' + want in got else 1)
PY
	then pass "args: $name"; else fail "args: $name" "not passed through intact: $(head -c 300 "$T/err")"; fi
}
args_case "spaces and quotes" x86_64-linux-gnu-gcc -c "a b.c" "it's" '"q"' "-DX=a b"
args_case 'dollar star backslash' x86_64-linux-gnu-gcc -c '$HOME' '*' 'a\b' '\\' '`id`' ';' '|'
args_case "newline and tab" x86_64-linux-gnu-gcc -c "$(printf 'a\nb')" "$(printf 'c\td')"
args_case "empty strings" x86_64-linux-gnu-gcc -c "" a.c "" ""
args_case "non-UTF-8 bytes" x86_64-linux-gnu-gcc -c "$(printf '\xff\xfe\x80')" "$(printf 'caf\xe9')"
args_case "double dash" x86_64-linux-gnu-gcc -c -- -x a.c
args_case "ar unchanged" x86_64-linux-gnu-ar rcs "lib a.a" "$(printf 'x\ny.o')" ""
mapfile -t many < <(seq -f '-DN%g' 1 100000)
args_case "100000 arguments" x86_64-linux-gnu-gcc -c a.c "${many[@]}"
# near ARG_MAX: many 1000-byte arguments (one argument may not pass 128 KiB)
max=$(getconf ARG_MAX)
envsize=$(env | wc -c)
chunk=$(head -c 999 /dev/zero | tr '\0' 'x')
fill() { local n=$(( ($1) / 1008 )) i; big=(); for ((i = 0; i < n; i++)); do big+=("$chunk"); done; }
fill "max - envsize - 16384"
args_case "a command line near ARG_MAX (binutils, ${#big[@]} args)" x86_64-linux-gnu-ar rcs "${big[@]}"
fill "max - envsize - 65536"
args_case "a command line near ARG_MAX (compiler, ${#big[@]} args)" x86_64-linux-gnu-gcc -c "${big[@]}"
# more user arguments until the command no longer fits: the first failure
# comes from ccmux's own execve (its flags are ~700 bytes, the step 100),
# and says so with exit 126
fill "max - envsize - 4096"
small=$(head -c 91 /dev/zero | tr '\0' 'z')
over=""
for i in $(seq 1 60); do
	big+=("$small")
	"$P/bin/x86_64-linux-gnu-gcc" -c "${big[@]}" >/dev/null 2>"$T/err"
	rc=$?
	[ $rc = 0 ] || { over="$rc $(grep -o 'ccmux: exec .*: Argument list too long' "$T/err" | sed 's/exec .*:/exec:/')"; break; }
done
check "over ARG_MAX after injection: exit 126 and why" "126 ccmux: exec: Argument list too long" "$over"

# ---- response files: passed unchanged, read only to classify
printf -- '-c\n' > c.rsp
printf -- '@c.rsp\n' > nested.rsp
rm -f "$FAKE_LOG"; "$P/bin/x86_64-linux-gnu-gcc" @c.rsp a.c
got=$(fake_argv)
case "$got" in *" @c.rsp a.c "*) pass "rsp: @file passed unchanged" ;; *) fail "rsp: @file passed unchanged" "$got" ;; esac
case "$got" in *"--build-id"*|*" -B"*) fail "rsp: -c inside @file means no link" "$got" ;; *) pass "rsp: -c inside @file means no link" ;; esac
rm -f "$FAKE_LOG"; "$P/bin/x86_64-linux-gnu-gcc" @nested.rsp a.c
case "$(fake_argv)" in *"--build-id"*) fail "rsp: nested @file read" "$(fake_argv)" ;; *) pass "rsp: nested @file read" ;; esac
rm -f "$FAKE_LOG"; "$P/bin/x86_64-linux-gnu-gcc" @missing.rsp a.c
case "$(fake_argv)" in *" @missing.rsp a.c "*) pass "rsp: missing @file left for the compiler" ;; *) fail "rsp: missing @file left for the compiler" "$(fake_argv)" ;; esac
for i in $(seq 1 20); do printf -- '@r%d.rsp\n' $((i + 1)) > r$i.rsp; done
printf -- '-c\n' > r21.rsp
rm -f "$FAKE_LOG"; timeout 10 "$P/bin/x86_64-linux-gnu-gcc" @r1.rsp a.c
check "rsp: nesting past the limit ends" 0 $?
printf -- '@self.rsp\n' > self.rsp
rm -f "$FAKE_LOG"; timeout 10 "$P/bin/x86_64-linux-gnu-gcc" @self.rsp a.c
check "rsp: a @file that names itself ends" 0 $?

# ---- 400 parallel calls with CCMUX_LOG leave 400 whole lines
rm -f "$T/log"
seq 1 400 | CCMUX_LOG=$T/log FAKE_LOG= xargs -P 40 -I{} "$P/bin/x86_64-linux-gnu-gcc" -c "unit{}.c" -DMARK={}
check "log: 400 lines" 400 "$(wc -l < "$T/log")"
check "log: every line whole" 400 "$(grep -cE '^x86_64-linux-gnu-gcc -c unit[0-9]+\.c -DMARK=[0-9]+ => .*/x86_64-linux-gnu-gcc .* -c unit[0-9]+\.c -DMARK=[0-9]+ .*include$' "$T/log")"
check "log: every call once" 400 "$(grep -o 'DMARK=[0-9]*' "$T/log" | sort -u | wc -l)"

# ---- CCMUX_LOG naming a FIFO: no reader must not hang the build; a reader
# gets the line
mkfifo "$T/logfifo"
rm -f "$FAKE_LOG"; timeout 10 env CCMUX_LOG="$T/logfifo" "$P/bin/x86_64-linux-gnu-gcc" -c a.c 2>"$T/logfifo.err"
check "log: a FIFO without a reader does not block the call" 0 $?
grep -q "CCMUX_LOG $T/logfifo" "$T/logfifo.err" && pass "log: ... and says why the line was not written" || fail "log: ... and says why the line was not written" "$(cat "$T/logfifo.err")"
(timeout 10 cat "$T/logfifo" > "$T/logfifo.out") & reader=$!
sleep 0.2
timeout 10 env CCMUX_LOG="$T/logfifo" "$P/bin/x86_64-linux-gnu-gcc" -c a.c
wait $reader
check "log: a FIFO with a reader gets the whole line" 1 "$(grep -c '^x86_64-linux-gnu-gcc -c a.c => ' "$T/logfifo.out")"

# ---- no shell, no system(), no popen() in the code
hits=$(grep -nE '\b(system|popen|execlp|execvp|execl)[[:space:]]*\(|/bin/sh' \
	"$CCMUX_SRC"/wrapper.c "$CCMUX_SRC"/compat/*.c "$CCMUX_SRC"/targets/*.c)
check "no system/popen/shell in the code" "" "$hits"

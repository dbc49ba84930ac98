#!/usr/bin/env bash
# t_install_steps.sh: install.sh's step machinery (shards/lib.sh) with steps
# that only sleep and write what they did: queued background steps run at
# most JOBS at a time and start between foreground steps (they overlap the
# foreground work); a foreground step that fails while background steps
# run says so, waits for them and exits 1; after a background step fails
# nothing new starts, and steps_wait exits 1 naming it and the steps it did
# not start.  Needs no install.
. "$(dirname "$0")/lib.sh"
LIB=${CCMUX_SRC:-$(cd "$(dirname "$0")/.." && pwd)}/shards/lib.sh

# run SCRIPT-BODY: a shell with lib.sh as install.sh has it, JOBS=2;
# its output in $T/out, its exit status returned
run() {
	mkdir -p "$T/p/log"
	rm -f "$T"/ev.*
	bash -c '
		set -euo pipefail
		PREFIX=$1/p LOGS=$1/p/log CACHE=$1/cache JOBS=2 HERE=/nonexistent EV=$1/ev
		die() { echo "install.sh: $*" >&2; exit 1; }
		. "$2"
		# mark NAME SECONDS: an event line at the start and at the end
		mark() { echo "$(date +%s%N) start $1" >> "$EV.$1"; sleep "$2"; echo "$(date +%s%N) end $1" >> "$EV.$1"; }
		'"$1" _ "$T" "$LIB" >"$T/out" 2>&1
}
# the largest number of steps running at one time, from the event files
overlap() {
	cat "$T"/ev.* | sort -n | awk '$2 == "start" { n++; if (n > m) m = n } $2 == "end" { n-- } END { print m + 0 }'
}
# when step NAME started / ended (ns)
at() { awk -v w="$2" '$2 == w { print $1 }' "$T/ev.$1"; }

# four queued 1-second steps, JOBS=2, then steps_wait
run 'for i in 1 2 3 4; do step_queue "bg$i" "bg $i" 0 mark "bg$i" 1; done; steps_wait'
rc=$?
check "four queued steps: exit 0" 0 "$rc"
check "four queued steps: all ran" 4 "$(cat "$T"/ev.bg* 2>/dev/null | grep -c end)"
check "four queued steps: two at a time" 2 "$(overlap)"

# queued steps start between foreground steps: two background steps of
# 2 s, then a foreground step of 1 s: the foreground one starts before
# either background one ends (before the queue, the runtimes waited for
# every target's shards and sysroot)
run 'step_queue bgA "bg A" 0 mark bgA 2; step_queue bgB "bg B" 0 mark bgB 2
	step fg "fg" 0 mark fg 1; steps_wait'
check "queued steps overlap the foreground: exit 0" 0 "$?"
if [ "$(at fg start)" -lt "$(at bgA end)" ] && [ "$(at fg start)" -lt "$(at bgB end)" ] &&
	[ "$(at fg end)" -gt "$(at bgA start)" ]; then
	pass "queued steps overlap the foreground step"
else
	fail "queued steps overlap the foreground step" "$(cat "$T"/ev.*)"
fi

# a third queued step waits for a free slot, but the foreground goes on
run 'for i in 1 2 3; do step_queue "bg$i" "bg $i" 0 mark "bg$i" 2; done
	step fg "fg" 0 mark fg 0; steps_wait'
check "a full queue does not hold the foreground: exit 0" 0 "$?"
if [ "$(at fg end)" -lt "$(at bg3 start)" ]; then
	pass "a full queue does not hold the foreground"
else
	fail "a full queue does not hold the foreground" "$(cat "$T"/ev.*)"
fi

# a foreground step fails while a background step runs: it says so, the
# background step ends before the install exits, exit 1 naming the step
run 'step_queue bg "bg" 0 mark bg 2; step bad "bad" 0 false; echo "NOT REACHED"'
rc=$?
check "failed foreground step: exit 1" 1 "$rc"
if grep -q "waiting for the 1 background step" "$T/out" &&
	grep -q "step bad failed (log: .*bad.log)" "$T/out"; then
	pass "failed foreground step: names itself and waits for the background"
else
	fail "failed foreground step: names itself and waits for the background" "$(cat "$T/out")"
fi
check "failed foreground step: the background step finished first" 1 "$(grep -c end "$T/ev.bg" 2>/dev/null)"
check "failed foreground step: nothing after it ran" 0 "$(grep -c "NOT REACHED" "$T/out")"

# a background step fails: nothing new starts after it; steps_wait waits
# for the one under way and exits 1 naming the failed step and the one it
# did not start
run 'step_queue ok1 "ok 1" 0 mark ok1 2; step_queue broken "broken" 0 false
	step fg "fg" 0 mark fg 1
	step_queue ok2 "ok 2" 0 mark ok2 1; steps_wait; echo "NOT REACHED"'
check "failed background step: exit 1" 1 "$?"
if grep -q "failed: broken (not started: ok2)" "$T/out"; then
	pass "failed background step: named, and the step not started"
else
	fail "failed background step: named, and the step not started" "$(cat "$T/out")"
fi
check "failed background step: the step under way finished" 1 "$(grep -c end "$T/ev.ok1" 2>/dev/null)"
check "failed background step: nothing started after it" 0 "$(cat "$T/ev.ok2" 2>/dev/null | wc -l)"
check "failed background step: nothing after steps_wait ran" 0 "$(grep -c "NOT REACHED" "$T/out")"

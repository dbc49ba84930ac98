#!/usr/bin/env bash
# t_install.sh: install.sh is resumable and safe.  A reference install of a
# few targets into a new prefix (from the build cache the main install
# filled, so that nothing takes minutes), then installs of the same into
# other prefixes that are killed with SIGKILL (the whole process group, as a
# crash would) at several moments and run again: each must end with exit 0
# and the same tree as the reference (every path, its type and link target,
# with the prefix's name replaced).  Then two installs into one prefix at
# once: the second says it waits for the first's lock, both end with exit 0
# and the tree is the reference's.
. "$(dirname "$0")/lib.sh"
need_install
CACHE=$(cat "$CCMUX_PREFIX/var/cache-dir" 2>/dev/null || echo /var/cache/ccmux)
# the cheap targets of the install: Windows (shards only) and one target
# whose floors, musl sysroot or runtime come from the cache
targets=x86_64-w64-mingw32
for t in i686-linux-gnu armv6l-linux-musleabihf x86_64-linux-musl; do
	if "$CCMUX_PREFIX/bin/ccmux" targets --installed | grep -qx "$t"; then
		targets="$targets,$t"
		break
	fi
done
# install.sh records its prefix for make check: keep the main one's
rec=$CCMUX_SRC/.ccmux-prefix
saved=$(cat "$rec" 2>/dev/null || true)
restore() { [ -z "$saved" ] || echo "$saved" > "$rec"; }
trap 'restore; rm -rf "$T"' EXIT

inst() { # PREFIX: the install, its output in PREFIX.log
	setsid "$CCMUX_SRC/install.sh" --prefix "$1" --cache "$CACHE" --targets "$targets" \
		--no-packages --no-demo >"$1.log" 2>&1
}
tree() { # PREFIX: every path with its type and link target, the prefix named P
	(cd "$1" && find bin lib opt share -printf '%y %p -> %l\n' | sed "s|$1|P|g" | LC_ALL=C sort)
}

t0=$(date +%s%N)
if inst "$T/ref"; then
	pass "reference install of $targets"
else
	fail "reference install of $targets" "$(tail -n 5 "$T/ref.log")"
	exit 0
fi
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
ref_tree=$T/ref.tree
tree "$T/ref" > "$ref_tree"

# killed at 15%, 45% and 80% of the reference's time, then run again
for pct in 15 45 80; do
	p=$T/kill$pct
	setsid "$CCMUX_SRC/install.sh" --prefix "$p" --cache "$CACHE" --targets "$targets" \
		--no-packages --no-demo >"$p.log1" 2>&1 &
	pid=$!
	sleep "$(awk -v m="$ms" -v p="$pct" 'BEGIN { printf "%.2f", m * p / 100000 }')"
	kill -9 -- "-$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if inst "$p"; then
		pass "killed at ${pct}% (of ${ms} ms), run again: exit 0"
	else
		fail "killed at ${pct}%, run again" "$(tail -n 5 "$p.log")"
		continue
	fi
	tree "$p" > "$p.tree"
	if cmp -s "$ref_tree" "$p.tree"; then
		pass "killed at ${pct}%: the same tree as an uninterrupted install ($(wc -l < "$ref_tree") paths)"
	else
		fail "killed at ${pct}%: the tree differs" "$(diff "$ref_tree" "$p.tree" | head -n 6 | tr '\n' ' ')"
	fi
done

# two at once into one prefix
p=$T/two
inst "$p" & a=$!
sleep 0.5
setsid "$CCMUX_SRC/install.sh" --prefix "$p" --cache "$CACHE" --targets "$targets" \
	--no-packages --no-demo >"$p.log2" 2>&1 & b=$!
wait $a; ra=$?
wait $b; rb=$?
check "two installs into one prefix at once: both exit 0" "0 0" "$ra $rb"
if grep -q "another install.sh is installing into $p" "$p.log2" "$p.log"; then
	pass "the second says it waits for the first's lock"
else
	fail "the second says it waits" "$(head -n 3 "$p.log2")"
fi
tree "$p" > "$p.tree"
cmp -s "$ref_tree" "$p.tree" && pass "two at once: the reference's tree" ||
	fail "two at once: the tree differs" "$(diff "$ref_tree" "$p.tree" | head -n 6 | tr '\n' ' ')"

#!/usr/bin/env bash
# bazel: a cc_binary (C++) with a cc_library dependency, cross-built by
# Debian's Bazel (bazel-bootstrap 4.2.3) with the toolchains `ccmux files`
# writes (PREFIX/share/ccmux/bazel): the workspace names the repository and
# registers its toolchains; the build selects the target with
# --platforms=@ccmux//platforms:T.  Offline, Bazel 4 gets rules_java from
# Debian's bazel-rules-java and rules_cc from the repository's forwarder to
# the native rules.  The program runs under `ccmux run`, the audit checks
# it, and the compile commands must be the farm's.
. "$(dirname "$0")/lib.sh"
command -v bazel >/dev/null || { fail tools "bazel is not installed (apt-get install bazel-bootstrap bazel-rules-java)"; exit 0; }
BZ=$P/share/ccmux/bazel
[ -f "$BZ/platforms/BUILD.bazel" ] || { fail files "no $BZ (ccmux files $P writes it)"; exit 0; }
grep -q "name = \"$T\"" "$BZ/platforms/BUILD.bazel" ||
	{ fail files "$BZ/platforms has no platform $T"; exit 0; }
export HOME=$W
OFFLINE=()
[ -d /usr/share/bazel/rules/java ] && OFFLINE+=(--override_repository=rules_java=/usr/share/bazel/rules/java)
OFFLINE+=(--override_repository=rules_cc=$BZ/rules_cc)

ws() {
	rm -rf "$W/ws" && mkdir -p "$W/ws" && cd "$W/ws" || return 1
	cat > WORKSPACE <<-EOF
	local_repository(name = "ccmux", path = "$BZ")

	register_toolchains("@ccmux//toolchains:all")
	EOF
	cat > BUILD <<-'EOF'
	cc_library(
	    name = "greet",
	    srcs = ["greet.cc"],
	    hdrs = ["greet.h"],
	)

	cc_binary(
	    name = "hello",
	    srcs = ["main.cc"],
	    deps = [":greet"],
	)
	EOF
	printf '#include <string>\nstd::string greet(const std::string &who);\n' > greet.h
	printf '#include "greet.h"\nstd::string greet(const std::string &who) { return "hello, " + who + " (" + std::to_string(who.size()) + ")"; }\n' > greet.cc
	printf '#include <cstdio>\n#include "greet.h"\nint main() { std::puts(greet("bazel").c_str()); return 0; }\n' > main.cc
}
step workspace ws || exit 0
build() {
	bazel --batch --output_user_root="$W/root" build "${OFFLINE[@]}" \
		--incompatible_enable_cc_toolchain_resolution \
		--platforms=@ccmux//platforms:$T -s //:hello
}
cd "$W/ws" && step build build || exit 0
# the compile and link commands Bazel ran (-s) are the farm's names
step through-ccmux grep -m3 -o "$P/bin/$T-g[c+][c+][^ ]*" "$LOGS/$PROJ-$T-build.log"
run() {
	local out
	out=$("$CCMUX" run "$T" "$W/ws/bazel-bin/hello") || return 1
	echo "$out"
	[ "$out" = "hello, bazel (5)" ]
}
step run run
mkdir -p "$W/out" && cp "$W/ws/bazel-bin/hello" "$W/out/"
audit "$W/out"

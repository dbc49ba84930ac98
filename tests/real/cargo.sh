#!/usr/bin/env bash
# cargo: a crate whose build.rs compiles C with the cc crate, cross-built by
# Debian's rustc and cargo (not a rustup toolchain: PATH is /usr/bin first,
# CARGO_HOME is private) with `eval "$(ccmux env --cargo RUST_TRIPLE.FLOOR)"`,
# Debian's packaged crates as the registry (/usr/share/cargo/registry as a
# directory source) and the target's standard library from Debian's
# libstd-rust-dev:ARCH, unpacked privately and given to rustc by --sysroot.
# The program (threads, atomics and the C function) runs under `cargo run`
# (the runner is `ccmux run`), and the audit checks the glibc floor.  On
# aarch64 the link needs libgcc's outline atomics, which GCC 4.8.5's libgcc
# lacks: the link works through the shard's libgcc-newer.a.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/debs.sh"
for c in /usr/bin/cargo /usr/bin/rustc; do
	[ -x $c ] || { fail tools "$c is not installed (apt-get install rustc cargo librust-cc-dev)"; exit 0; }
done
REG=/usr/share/cargo/registry
ls -d $REG/cc-* >/dev/null 2>&1 || { fail tools "no cc crate in $REG (apt-get install librust-cc-dev)"; exit 0; }
RUST=$("$CCMUX" env --cargo "$T" | sed -n '1s/^# cargo build --target \([^ ]*\) .*/\1/p')
[ -n "$RUST" ] || { fail env "ccmux env --cargo $T printed no target"; exit 0; }
case "$T" in
*-musl*) skip build "Debian ships no Rust standard library for $RUST (rustup's would do)"; exit 0 ;;
esac
FLOOR=$("$CCMUX" targets --field floor "$T" | sed -n 's/^glibc //p')
export PATH=/usr/bin:/bin CARGO_HOME=$W/cargo-home
unset RUSTUP_HOME RUSTUP_TOOLCHAIN RUSTC RUSTFLAGS CARGO_BUILD_TARGET

# the target's standard library: the host's comes with rustc
std() {
	local arch ver
	[ "$RUST" = x86_64-unknown-linux-gnu ] && return 0
	arch=$(debarch "$T") && [ -n "$arch" ] || { echo "no Debian architecture for $T"; return 1; }
	ver=$(dpkg-query -W -f='${Version}' rustc)
	rm -rf "$W/std"
	deb_unpack "$arch" "$W/std" "libstd-rust-dev=$ver" || return 1
	[ -d "$W/std/usr/lib/rustlib/$RUST/lib" ] || { echo "libstd-rust-dev:$arch has no lib/rustlib/$RUST"; return 1; }
	# the build scripts are host code: the host's library beside it
	ln -sfn /usr/lib/rustlib/x86_64-unknown-linux-gnu "$W/std/usr/lib/rustlib/"
	export RUSTFLAGS="--sysroot=$W/std/usr"
}
step std std || exit 0

crate() {
	rm -rf "$W/demo" && mkdir -p "$W/demo/src" "$W/demo/.cargo" "$CARGO_HOME" && cd "$W/demo" || return 1
	cat > Cargo.toml <<-'EOF'
	[package]
	name = "demo"
	version = "0.1.0"
	edition = "2021"

	[build-dependencies]
	cc = "1"
	EOF
	printf '[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "%s"\n' \
		"$REG" > .cargo/config.toml
	echo 'fn main() { cc::Build::new().file("src/sum.c").compile("sum"); }' > build.rs
	cat > src/sum.c <<-'EOF'
	#include <stdint.h>
	uint64_t c_sum(const uint64_t *v, unsigned n)
	{
		uint64_t s = 0;
		while (n--)
			s += *v++;
		return s;
	}
	EOF
	cat > src/main.rs <<-'EOF'
	use std::sync::atomic::{AtomicU64, Ordering};
	use std::sync::Arc;
	use std::thread;

	extern "C" {
	    fn c_sum(v: *const u64, n: u32) -> u64;
	}

	fn main() {
	    let v: Vec<u64> = (1..=100).collect();
	    let s = unsafe { c_sum(v.as_ptr(), v.len() as u32) };
	    let total = Arc::new(AtomicU64::new(0));
	    let hs: Vec<_> = (1..=4u64)
	        .map(|i| {
	            let t = Arc::clone(&total);
	            thread::spawn(move || t.fetch_add(i, Ordering::AcqRel))
	        })
	        .collect();
	    for h in hs {
	        h.join().unwrap();
	    }
	    println!("c_sum={} threads={}", s, total.load(Ordering::SeqCst));
	}
	EOF
}
step crate crate || exit 0

# the floor in cargo-zigbuild's spelling: aarch64-unknown-linux-gnu.2.17
SPEC=$RUST${FLOOR:+.$FLOOR}
build() {
	echo "ccmux env --cargo $SPEC:"
	"$CCMUX" env --cargo "$SPEC" | sed 's/^/  /'
	eval "$("$CCMUX" env --cargo "$SPEC")" &&
	cargo build --offline --release --target "$RUST"
}
cd "$W/demo" && step build build || exit 0
BIN=$W/demo/target/$RUST/release/demo
run() {
	local out
	eval "$("$CCMUX" env --cargo "$SPEC")"
	out=$(cargo run --offline --release --target "$RUST" 2>&1) || { echo "$out"; return 1; }
	echo "$out"
	grep -qx 'c_sum=5050 threads=10' <<< "$out"
}
step run run
# the C object came through ccmux: the cc crate's compile is in the log
step cc-crate-through-ccmux grep -h "running: \"$P/bin/$T-gcc\"" \
	"$W/demo/target/$RUST/release/build"/demo-*/output
if [ "${T%%-*}" = aarch64 ]; then
	helpers() {
		"$P/bin/$T-nm" "$BIN" | grep ' __aarch64_ldadd8_rel$' &&
		"$CCMUX" explain "$T-gcc" x.o | grep -o '[^ ]*libgcc-newer.a'
	}
	step outline-atomics helpers
fi
audit "$W/demo/target/$RUST/release" "$BIN"

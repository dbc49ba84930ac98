#!/usr/bin/env bash
# cgo: a Go program that calls C through cgo and uses crypto/sha256,
# cross-built by Debian's Go (golang-go) with `eval "$(ccmux env --go T)"`
# (CGO_ENABLED GOOS GOARCH GOARM CC CXX), no network (GOPROXY=off) and a
# private GOCACHE; on musl linked static with -linkmode external -extldflags
# -static.  It runs under `ccmux run` and must print what the host computes;
# the audit checks the floor (and, on musl, that it is static).
. "$(dirname "$0")/lib.sh"
GO=/usr/lib/go/bin/go
[ -x $GO ] || GO=$(command -v go)
[ -n "$GO" ] && [ -x "$GO" ] || { fail tools "go is not installed (apt-get install golang-go)"; exit 0; }
export GOPATH=$W/gopath GOCACHE=$W/gocache GOPROXY=off GOFLAGS= GO111MODULE=off HOME=$W
unset GOROOT GOBIN GOARCH GOOS GOARM CGO_CFLAGS CGO_LDFLAGS

src() {
	rm -rf "$W/src" && mkdir -p "$W/src" && cd "$W/src" || return 1
	cat > main.go <<-'EOF'
	package main

	/*
	#include <stdint.h>
	static uint32_t c_mix(uint32_t a, uint32_t b) { return a * 2654435761u ^ b; }
	*/
	import "C"

	import (
		"crypto/sha256"
		"fmt"
	)

	func main() {
		sum := sha256.Sum256([]byte("ccmux"))
		fmt.Printf("c_mix=%d sha256=%x\n", uint32(C.c_mix(7, 9)), sum)
	}
	EOF
}
mkdir -p "$W/out"; step source src || exit 0
# what the program must print, computed here without Go
WANT="c_mix=$(( (7 * 2654435761 % 4294967296) ^ 9 )) sha256=$(printf ccmux | sha256sum | cut -d' ' -f1)"

LDFLAGS=()
case "$T" in *-musl*) LDFLAGS=(-ldflags '-linkmode external -extldflags -static') ;; esac
build() {
	echo "ccmux env --go $T:"
	"$CCMUX" env --go "$T" | sed 's/^/  /'
	eval "$("$CCMUX" env --go "$T")" &&
	rm -f "$W/ccmux.log" &&
	CCMUX_LOG=$W/ccmux.log "$GO" build "${LDFLAGS[@]}" -o "$W/out/prog" main.go
}
cd "$W/src" && step build build || exit 0
# the C of the cgo package was compiled, and the program linked, by ccmux
through() {
	grep -o "^$T-gcc .*main.cgo2.c" "$W/ccmux.log" | cut -c1-120 &&
	grep -o "^$T-gcc .*-o [^ ]*exe/a.out" "$W/ccmux.log" | cut -c1-120
}
step through-ccmux through
run() {
	local out
	out=$("$CCMUX" run "$T" "$W/out/prog") || return 1
	echo "got:  $out"
	echo "want: $WANT"
	[ "$out" = "$WANT" ]
}
step run run
case "$T" in
*-musl*)
	static() { "$CCMUX" audit "$W/out/prog" | tee /dev/stderr | grep -q 'linkage: static'; }
	step static static ;;
esac
audit "$W/out"

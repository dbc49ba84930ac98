#!/usr/bin/env bash
# t_glibc_floor.sh: generated glibc floors (shards/glibc/floor.sh).
#
# Floors are generated into $T and used through ccmux with a fake root
# (ROOT/TARGET/TARGET/sys-root -> the floor; the installed GCC shards do the
# rest).  The truth is the real glibc 2.17 of the install's x86_64 and
# aarch64 sysroots: the stub libraries must equal it symbol for symbol, and
# programs built against generated 2.17 and 2.19 floors (constructors,
# stat, threads, TLS, dlopen, C++ exceptions across a shared library,
# iostream, Fortran I/O) must run on it under qemu-user, with the loader's
# search path pinned to it.  Other targets run on Debian's glibc 2.36 cross
# libraries.  Every check that could pass vacuously has a broken twin that
# must fail: a 2.34-style crt1.o at 2.17 (no constructor on a real 2.17),
# i686's libc without its _IO_stdin_used reference, Thumb-2 code on an
# ARM1176, a binary past the floor in the audit, PTHREAD_STACK_MIN at 2.35.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
G=$CCMUX_SRC/shards/glibc
OPT=$CCMUX_PREFIX/opt
export GLIBC_FLOOR_CACHE=$T/cache
unset CCMUX_ROOT
cd "$T" || exit 1

x86_real=$OPT/x86_64-linux-gnu/x86_64-linux-gnu/sys-root
a64_real=$OPT/aarch64-linux-gnu/aarch64-linux-gnu/sys-root
x86_rt=$OPT/x86_64-linux-gnu/gcc-12.2.0/x86_64-linux-gnu/lib64
a64_rt=$OPT/aarch64-linux-gnu/gcc-12.2.0/aarch64-linux-gnu/lib64
V6="-march=armv6kz+fp -mfpu=vfp -mfloat-abi=hard -marm"
# the truth: an install without the npm glibc 2.17 sysroots or GCC 12's
# runtime built for them (--no-runtimes) skips what needs them
have_real() { # TARGET
	local real=$OPT/$1/$1/sys-root rt=$OPT/$1/gcc-12.2.0/$1/lib64
	[ -e "$real/lib/libc-2.17.so" ] && [ -e "$rt/libstdc++.so.6" ] && return 0
	skip "$1: the real glibc 2.17" "no $real/lib/libc-2.17.so or $rt/libstdc++.so.6 in the install"
	return 1
}

# ---- generating ---------------------------------------------------------
# gen TARGET V: $T/f/TARGET-V and a root $T/r/TARGET-V for ccmux
gen() {
	local t=$1 v=$2 s e
	s=$(date +%s%N)
	if ! bash "$G/floor.sh" "$t" "$v" "f/$t-$v" 2>err; then
		fail "floor.sh $t $v" "$(head -c 400 err)"
		return 1
	fi
	e=$(( ($(date +%s%N) - s) / 1000000 ))
	mkdir -p "r/$t-$v/$t/$t"
	ln -sfn "$T/f/$t-$v" "r/$t-$v/$t/$t/sys-root"
	pass "floor.sh $t $v (${e} ms)"
}
floors="x86_64-linux-gnu:2.17 x86_64-linux-gnu:2.19 x86_64-linux-gnu:2.28 x86_64-linux-gnu:2.35
aarch64-linux-gnu:2.17 aarch64-linux-gnu:2.19 i686-linux-gnu:2.17 armv7l-linux-gnueabihf:2.19
armv6l-linux-gnueabihf:2.19 powerpc64le-linux-gnu:2.17"
for tv in $floors; do gen "${tv%:*}" "${tv#*:}"; done
echo "info: disk: $(echo $floors | wc -w) floors and their per-target caches $(du -shc cache f | tail -1 | cut -f1), of which the caches $(du -sh cache | cut -f1) (headers are hard-linked)"

check "marker file" "floor 2.17|target x86_64-linux-gnu|libdir lib64|run-root /" \
	"$(grep -v '^#' f/x86_64-linux-gnu-2.17/ccmux-glibc-floor | grep -v '^static' | paste -sd'|')"
check "features.h carries the floor" "17 19" \
	"$(for v in 2.17 2.19; do sed -n 's/^#define __GLIBC_MINOR__ //p' "f/x86_64-linux-gnu-$v/usr/include/features.h"; done | paste -sd' ')"
check "ccmux reads the floor from it" "glibc 2.19" \
	"$(CCMUX_ROOT=$T/r/x86_64-linux-gnu-2.19 "$P/bin/ccmux" targets | awk '$1 == "x86_64-linux-gnu" { print $2, $3 }')"
for bad in "x86_64-linux-gnu 2.12" "x86_64-linux-gnu 2.37" "mips-linux-gnu 2.17" "x86_64-linux-gnu 2.1x"; do
	set -- $bad
	if bash "$G/floor.sh" "$1" "$2" f/bad 2>err; then fail "floor.sh $bad is refused" "it made one"
	else pass "floor.sh $bad is refused: $(head -1 err | cut -c1-100)"; fi
done
mkdir -p notafloor && touch notafloor/precious
bash "$G/floor.sh" x86_64-linux-gnu 2.17 notafloor 2>/dev/null
check "floor.sh leaves a directory that is not a floor alone" "precious" "$(ls notafloor)"

# ---- the stubs are the real glibc 2.17, symbol for symbol ---------------
# name@VERSION or name@@VERSION, type, object size: per library
dynsyms() {
	readelf --dyn-syms -W "$1" | awk 'NR > 3 && $7 != "UND" && $8 ~ /@/ && $8 !~ /GLIBC_PRIVATE/ {
		split($8, a, "@"); if (a[1] ~ /^(GLIBC|GCC)_/) next
		print $8, ($4 == "OBJECT" ? "D" $3 : "F") }' | sort
}
for t in x86_64-linux-gnu aarch64-linux-gnu; do
	have_real "$t" || continue
	real=$OPT/$t/$t/sys-root/lib n=0 bad=
	for so in $(cd "f/$t-2.17/lib64" && ls); do
		dynsyms "f/$t-2.17/lib64/$so" >stub.txt
		dynsyms "$real/$so" >real.txt
		n=$((n + $(wc -l <real.txt)))
		cmp -s stub.txt real.txt || bad="$bad $so: $(diff stub.txt real.txt | grep '^[<>]' | head -3 | tr '\n' ' ')"
	done
	if [ -z "$bad" ] && [ "$n" -gt 2500 ]; then
		pass "$t 2.17: the stubs export what the real glibc 2.17 does ($n symbols: versions, defaults, types, sizes)"
	else
		fail "$t 2.17 stubs differ from the real glibc 2.17" "$n symbols;$bad"
	fi
done
readelf -d f/x86_64-linux-gnu-2.17/lib64/libpthread.so.0 | grep -q 'SONAME.*libpthread.so.0' &&
	pass "sonames are the real ones" || fail "sonames" "$(readelf -d f/x86_64-linux-gnu-2.17/lib64/libpthread.so.0 | grep SONAME)"
check "2.35: libpthread.so.0 is a placeholder as in the real one" "__libpthread_version_placeholder" \
	"$(dynsyms f/x86_64-linux-gnu-2.35/lib64/libpthread.so.0 | sed 's/@.*//' | sort -u | paste -sd' ')"
out=$(f/x86_64-linux-gnu-2.17/lib64/ld-linux-x86-64.so.2 2>&1)
rc=$?
check "run by mistake, the ld.so stub says what it is (exit 127)" "127 yes" \
	"$rc $(echo "$out" | grep -q 'for linking only' && echo yes)"

# ---- headers ------------------------------------------------------------
# cc TARGET V ARGS...: the GCC 12 of the install through ccmux at a floor
cc() { local t=$1 v=$2; shift 2; CCMUX_ROOT=$T/r/$t-$v "$P/bin/$t-gcc-12" "$@"; }
cxx() { local t=$1 v=$2; shift 2; CCMUX_ROOT=$T/r/$t-$v "$P/bin/$t-cxx11-g++" "$@"; }
fc() { local t=$1 v=$2; shift 2; CCMUX_ROOT=$T/r/$t-$v "$P/bin/$t-gfortran" "$@"; }
for t in x86_64-linux-gnu aarch64-linux-gnu i686-linux-gnu armv7l-linux-gnueabihf armv6l-linux-gnueabihf \
	powerpc64le-linux-gnu; do
	farm "$t-gcc" "$t-gcc-12" "$t-cxx11-g++" "$t-gfortran"
done

printf '#if __has_include(<sys/single_threaded.h>)\nyes\n#else\nno\n#endif\n' >st.c
check "<sys/single_threaded.h>: absent at 2.17 and 2.28, present at 2.35" "no no yes" \
	"$(for v in 2.17 2.28 2.35; do cc x86_64-linux-gnu $v -E -P st.c | grep -v '^$'; done | paste -sd' ')"
printf '#define _GNU_SOURCE 1\n#include <pthread.h>\n#include <signal.h>\nchar a[PTHREAD_STACK_MIN], b[SIGSTKSZ];\n' >smin.c
cc x86_64-linux-gnu 2.17 -c smin.c -o smin.o 2>err &&
	pass "2.17: PTHREAD_STACK_MIN and SIGSTKSZ are constants (sysconf of an old glibc says -1)" ||
	fail "2.17: PTHREAD_STACK_MIN/SIGSTKSZ" "$(head -3 err)"
cc x86_64-linux-gnu 2.35 -c smin.c -o smin.o 2>/dev/null &&
	fail "2.35: PTHREAD_STACK_MIN is dynamic" "a constant" || pass "2.35: PTHREAD_STACK_MIN is sysconf(), as in glibc 2.34+"
printf '#define _GNU_SOURCE 1\n#include <dlfcn.h>\n#ifdef DLFO_STRUCT_HAS_EH_DBASE\nyes\n#else\nno\n#endif\n' >dlfo.c
check "_dl_find_object (libgcc's unwinder): absent at 2.17 and 2.28, present at 2.35" "no no yes" \
	"$(for v in 2.17 2.28 2.35; do cc x86_64-linux-gnu $v -E -P dlfo.c | grep -v '^$' | tail -1; done | paste -sd' ')"
printf '#include <fcntl.h>\n#include <sys/stat.h>\nint f(int fd, struct stat *s) { fstat(fd, s); return fcntl(fd, F_GETFD); }\n' >fcntl.c
check "-D_FILE_OFFSET_BITS=64: fcntl stays fcntl below 2.28, fcntl64 from 2.28" "fcntl fcntl64" \
	"$(for v in 2.17 2.28; do cc x86_64-linux-gnu $v -D_FILE_OFFSET_BITS=64 -c fcntl.c -o fcntl.o && nm -u fcntl.o | grep -o 'fcntl[0-9]*'; done | paste -sd' ')"
printf '#include <math.h>\ndouble a[1024];\nvoid f(void) { for (int i = 0; i < 1024; i++) a[i] = sin(a[i]); }\nint main(void) { f(); return 0; }\n' >mvec.c
check "libmvec: -O3 -ffast-math -mavx2 vectorizes sin only from 2.22 (x86_64)" "none _ZGVdN4v_sin@GLIBC_2.22" \
	"$(for v in 2.17 2.28; do cc x86_64-linux-gnu $v -O3 -ffast-math -mavx2 mvec.c -o mvec -lm &&
		{ objdump -T mvec | awk '/_ZGV/ { print $NF "@" $(NF-1) }' | tr -d '()' | grep . || echo none; }; done | paste -sd' ')"

# every symbol a floor's headers redirect to or call in fortify wrappers
# must exist in the floor, except those of functions newer than the floor
# (calling one fails at link time, as it should): explicit_bzero,
# preadv2/pwritev2, epoll_pwait2
header_audit() { # TARGET V COMPILER [FLAGS]
	local t=$1 v=$2 gcc=$3 f=$T/f/$1-$2 ld=lib minor variants h
	shift 3
	[ -d "$f/lib64" ] && ld=lib64
	minor=${v#2.}
	(cd "$f/usr/include" && find . -name '*.h' | sed 's|^\./||' | grep -v -E \
		'^(bits|gnu|linux|asm|asm-generic|drm|misc|mtd|rdma|scsi|sound|video|xen|finclude|rpc|sys/platform)/|^(regexp|proc_service|thread_db|features-time64|stdc-predef|gnu-versions|fpu_control)\.h$|^sys/(elf|vm86|ptrace|procfs|user|reg|debugreg|io|perm|ucontext|cachectl|asm)\.h$' |
		sort) >hdrs
	{ for s in "$f/$ld"/*; do readelf --dyn-syms -W "$s" | awk 'NR > 3 && $7 != "UND" && $8 ~ /@@/ { sub(/@@.*/, "", $8); print $8 }'; done
	  nm -g --defined-only "$f/usr/$ld/libc_nonshared.a" "$f/usr/$ld/libpthread_nonshared.a" 2>/dev/null | awk 'NF == 3 { print $3 }'
	} | sort -u >have
	variants="-D_GNU_SOURCE|-D_GNU_SOURCE -D_FILE_OFFSET_BITS=64|-O2 -D_GNU_SOURCE -D_FORTIFY_SOURCE=2|-O2 -D_FORTIFY_SOURCE=3 -D_FILE_OFFSET_BITS=64|-std=c99"
	[ "$minor" -ge 34 ] && variants="$variants|-D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64"
	while read -r fl; do
		h=hdrs
		case "$fl" in *FILE_OFFSET*) [ "$minor" -lt 23 ] && { grep -vx fts.h hdrs >hdrs2; h=hdrs2; } ;; esac
		sed 's/.*/#include <&>/' "$h" >all.c
		# shellcheck disable=SC2086
		"$gcc" "$@" --sysroot="$f" -nostdinc -isystem "$("$gcc" -print-file-name=include)" \
			-isystem "$f/usr/include" $fl -E all.c -o all.i 2>err || { echo "ERROR[$fl]"; continue; }
		grep -o '__asm__ ("" "[A-Za-z0-9_]*")' all.i | sed 's/.*"\([A-Za-z0-9_]*\)")/\1/'
		grep -oE '\b__[a-z0-9_]+_chk\b' all.i | grep -v __builtin
	done <<<"$(echo "$variants" | tr '|' '\n')" | sort -u | grep -vxF -f have |
		grep -vxE '__explicit_bzero_chk|preadv64v2|pwritev64v2|__epoll_pwait2_time64'
}
for tv in x86_64-linux-gnu:2.17:x86_64-linux-gnu-gcc-12 aarch64-linux-gnu:2.17:aarch64-linux-gnu-gcc-12 \
          i686-linux-gnu:2.17:i686-linux-gnu-gcc-12 armv7l-linux-gnueabihf:2.19:arm-linux-gnueabihf-gcc-12 \
          powerpc64le-linux-gnu:2.17:powerpc64le-linux-gnu-gcc-12 x86_64-linux-gnu:2.35:x86_64-linux-gnu-gcc-12; do
	IFS=: read -r t v gcc <<<"$tv"
	missing=$(header_audit "$t" "$v" "$gcc" | paste -sd' ')
	check "$t $v: every symbol the headers redirect to or check through exists at the floor" "" "$missing"
done

# ---- programs on the real glibc 2.17 ------------------------------------
cat >tls.c <<'X'
__thread int tls_counter = 40;
int tls_bump(void) { return ++tls_counter; }
X
cat >prog.c <<'X'
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
int tls_bump(void);
static int ctor;
static __thread int mine = 1;
__attribute__((constructor)) static void c(void) { ctor = 1; }
__attribute__((destructor)) static void d(void) { printf("destructor\n"); }
static void *work(void *p) { mine = 2; return (void *)(long)(tls_bump() + mine); }
int main(int argc, char **argv) {
	struct stat a, b, l; pthread_t t; void *r; int fd = open(argv[0], O_RDONLY);
	int ok = stat(argv[0], &a) == 0 && fstat(fd, &b) == 0 && lstat(argv[0], &l) == 0 &&
		a.st_ino == b.st_ino && a.st_size == l.st_size && a.st_size > 1000;
	pthread_create(&t, 0, work, 0); pthread_join(t, &r);
	int linked = tls_bump();
	void *h = dlopen("libtls.so", RTLD_NOW);
	int (*bump)(void) = h ? (int (*)(void))dlsym(h, "tls_bump") : 0;
	int loaded = bump ? bump() : -1;
	printf("constructor %d stat %d thread %ld tls %d main-tls %d dlopen %d\n",
		ctor, ok, (long)r, linked, mine, loaded);
	return 0;
}
X
want_c="constructor 1 stat 1 thread 43 tls 41 main-tls 1 dlopen 42
destructor"
cat >thrower.cc <<'X'
#include <stdexcept>
#include <string>
void thrower(int n) { if (n > 0) throw std::runtime_error("thrown in a shared library " + std::to_string(n)); }
X
cat >prog.cc <<'X'
#include <iostream>
#include <stdexcept>
#include <thread>
void thrower(int);
struct Global { Global() { std::cout << "static object" << std::endl; } ~Global() { std::cout << "static object gone" << std::endl; } } g;
int main() {
	int n = 0;
	std::thread t([&] { n = 2; }); t.join();
	try { thrower(n); } catch (const std::exception &e) { std::cout << "caught: " << e.what() << std::endl; }
	return 0;
}
X
want_cxx="static object
caught: thrown in a shared library 2
static object gone"
cat >prog.f90 <<'X'
program p
  integer :: i, u
  real(8) :: x
  open(newunit=u, file='fortran.txt', status='replace')
  write(u, '(i4, f8.3)') 17, 2.5d0
  close(u)
  open(newunit=u, file='fortran.txt', status='old')
  read(u, *) i, x
  close(u, status='delete')
  print '(a, i0, a, f5.2)', 'fortran ', i, ' ', x
end program p
X
want_f="fortran 17  2.50"

glibc_max() { objdump -T "$1" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1; }
# judged T V FILE [NAME]: ccmux audit (the floor read from the root, the
# platform NAME the file was built for) and objdump -T
judged() {
	local t=$1 v=$2 f=$3 name=${4:-$1} max
	max=$(glibc_max "$f")
	if ! CCMUX_ROOT=$T/r/$t-$v "$P/bin/ccmux" audit --target "$name" "$f" >audit.txt 2>&1; then
		fail "$t $v ${f##*/}: ccmux audit" "$(grep VIOLATION audit.txt | head -3)"
	elif [ "$(printf '%s\n%s\n' "$max" "$v" | sort -V | tail -1)" != "$v" ]; then
		fail "$t $v ${f##*/}: objdump -T" "needs GLIBC_$max"
	else
		pass "$t $v ${f##*/}: ccmux audit and objdump -T agree: $([ -n "$max" ] && echo "GLIBC_$max <= $v" || echo "no GLIBC_ version")"
	fi
}
# runs ARCH ROOT LIBPATH NAME WANT PROG: qemu-user with the loader pinned
runs() {
	local q=$1 root=$2 lp=$3 name=$4 want=$5 prog=$6 out
	out=$(cd "$(dirname "$prog")" && timeout 120 "qemu-$q" -L "$root" -E "LD_LIBRARY_PATH=$lp" "./${prog##*/}" 2>&1)
	check "$name" "$want" "$out"
}

for t in x86_64-linux-gnu aarch64-linux-gnu; do
	have_real "$t" || continue
	case $t in
	x86_64-*) q=x86_64 real=$x86_real rt=$x86_rt ;;
	*) q=aarch64 real=$a64_real rt=$a64_rt ;;
	esac
	for v in 2.17 2.19; do
		d=$T/run-$t-$v
		mkdir -p "$d"
		lp=$d:$real/lib:$real/lib64:$real/usr/lib:$real/usr/lib64:$rt
		if cc "$t" "$v" -fPIC -shared tls.c -o "$d/libtls.so" &&
		   cc "$t" "$v" prog.c -o "$d/c12" -L"$d" -ltls -lpthread -ldl &&
		   CCMUX_ROOT=$T/r/$t-$v "$P/bin/$t-gcc" prog.c -o "$d/c-default" -L"$d" -ltls -lpthread -ldl &&
		   cxx "$t" "$v" -fPIC -shared thrower.cc -o "$d/libthrower.so" &&
		   cxx "$t" "$v" -pthread prog.cc -o "$d/cxx" -L"$d" -lthrower &&
		   fc "$t" "$v" prog.f90 -o "$d/fortran"; then
			pass "$t $v: the corpus builds (C with the default GCC and GCC 12, C++, Fortran)"
		else
			fail "$t $v: the corpus builds" "see above"
			continue
		fi
		for f in libtls.so c12 c-default fortran; do judged "$t" "$v" "$d/$f"; done
		for f in libthrower.so cxx; do judged "$t" "$v" "$d/$f" "$t-cxx11"; done
		runs "$q" "$real" "$lp" "$t $v C on the real glibc 2.17 (GCC 12)" "$want_c" "$d/c12"
		runs "$q" "$real" "$lp" "$t $v C on the real glibc 2.17 (default GCC)" "$want_c" "$d/c-default"
		runs "$q" "$real" "$lp" "$t $v C++ on the real glibc 2.17" "$want_cxx" "$d/cxx"
		runs "$q" "$real" "$lp" "$t $v Fortran on the real glibc 2.17" "$want_f" "$d/fortran"
	done
done

# the constructor trap: the same program with a 2.34-style crt1.o (init
# NULL) gets no constructor from a real 2.17, so the checks above can fail
for t in x86_64-linux-gnu aarch64-linux-gnu; do
	have_real "$t" >/dev/null || continue
	case $t in x86_64-*) q=x86_64 real=$x86_real ;; *) q=aarch64 real=$a64_real ;; esac
	cp -a "f/$t-2.17" "f/$t-trap"
	bash "$G/floor.sh" "$t" 2.35 f/modern 2>/dev/null
	cp f/modern/usr/lib64/crt1.o f/modern/usr/lib64/Scrt1.o "f/$t-trap/usr/lib64/"
	mkdir -p "r/$t-trap/$t/$t" "trap-$t"
	ln -sfn "$T/f/$t-trap" "r/$t-trap/$t/$t/sys-root"
	CCMUX_ROOT=$T/r/$t-trap "$P/bin/$t-gcc-12" -fPIC -shared tls.c -o "trap-$t/libtls.so" &&
		CCMUX_ROOT=$T/r/$t-trap "$P/bin/$t-gcc-12" prog.c -o "trap-$t/c" -L"trap-$t" -ltls -lpthread -ldl
	out=$(cd "trap-$t" && timeout 120 "qemu-$q" -L "$real" -E "LD_LIBRARY_PATH=$T/trap-$t:$real/lib:$real/usr/lib" ./c 2>&1 | head -1)
	case $out in
	"constructor 0 "*) pass "$t: a 2.34-style crt1.o at 2.17 runs no constructor on the real 2.17 (the trap is visible)" ;;
	*) fail "$t: the constructor trap is not visible" "$out" ;;
	esac
	rm -rf f/modern
done

# ---- a function newer than the floor ------------------------------------
cat >ra.c <<'X'
#include <stdlib.h>
#include <stdio.h>
int main(void) { int *p = reallocarray(NULL, 4, sizeof *p); p[3] = 26; printf("reallocarray %d\n", p[3]); return 0; }
X
cc x86_64-linux-gnu 2.28 ra.c -o ra28 && check "reallocarray (2.26) at a 2.28 floor runs" "reallocarray 26" "$(./ra28)"
check "reallocarray needs GLIBC_2.26" "2.26" "$(glibc_max ra28)"
CCMUX_ROOT=$T/r/x86_64-linux-gnu-2.17 "$P/bin/ccmux" audit --target x86_64-linux-gnu ra28 >audit.txt 2>&1
check "ccmux audit against the 2.17 floor refuses that binary" "1" "$?"
if cc x86_64-linux-gnu 2.17 ra.c -o ra17 2>err; then
	fail "reallocarray at 2.17" "it linked"
elif grep -q "undefined reference to \`reallocarray'" err; then
	pass "reallocarray at 2.17: the linker's own \"undefined reference to \`reallocarray'\""
else
	fail "reallocarray at 2.17" "$(head -3 err)"
fi
cc aarch64-linux-gnu 2.17 ra.c -o ra-a64 2>/dev/null && fail "aarch64 2.17 reallocarray" "it linked" ||
	pass "aarch64 2.17: reallocarray does not link either"

# ---- static, profiling --------------------------------------------------
cat >st2.c <<'X'
#include <stdio.h>
#include <stdlib.h>
static int n;
__attribute__((constructor)) static void c(void) { n++; }
__attribute__((destructor)) static void d(void) { printf("destructor %d\n", n); }
static void ae(void) { puts("atexit"); }
int main(void) { atexit(ae); printf("main %d\n", n); return 0; }
X
want_st="main 1
atexit
destructor 1"
cc x86_64-linux-gnu 2.17 -static st2.c -o st2 &&
	check "x86_64 2.17 -static (glibc 2.36's libc.a): constructors and destructors run once" "$want_st" "$(./st2)"
cc i686-linux-gnu 2.17 -static st2.c -o st2-i686 &&
	check "i686 2.17 -static runs" "$want_st" "$(timeout 60 qemu-i386 ./st2-i686)"
mkdir -p pg
if have_real x86_64-linux-gnu >/dev/null; then
	cc x86_64-linux-gnu 2.17 -pg st2.c -o pg/prof && (cd pg && timeout 60 qemu-x86_64 -L "$x86_real" \
		-E "LD_LIBRARY_PATH=$x86_real/lib:$x86_real/usr/lib" ./prof >/dev/null)
	[ -s pg/gmon.out ] && pass "x86_64 2.17 -pg (gcrt1.o): gmon.out on the real 2.17" || fail "-pg" "no gmon.out"
fi

# ---- the other targets at their default floors, on Debian's glibc 2.36 --
for tv in i686-linux-gnu:2.17:i386:i686-linux-gnu armv7l-linux-gnueabihf:2.19:arm:arm-linux-gnueabihf \
          powerpc64le-linux-gnu:2.17:ppc64le:powerpc64le-linux-gnu; do
	IFS=: read -r t v q deb <<<"$tv"
	d=$T/run-$t
	mkdir -p "$d"
	if cc "$t" "$v" -fPIC -shared tls.c -o "$d/libtls.so" && cc "$t" "$v" prog.c -o "$d/c" -L"$d" -ltls -lpthread -ldl; then
		judged "$t" "$v" "$d/c"
		runs "$q" "/usr/$deb" "$d:/usr/$deb/lib" "$t $v C on Debian's glibc 2.36" "$want_c" "$d/c"
	else
		fail "$t $v: C builds" "see above"
	fi
done
check "i686: programs export _IO_stdin_used (libc's FILE layout check)" "_IO_stdin_used" \
	"$(objdump -T run-i686-linux-gnu/c | awk '$NF == "_IO_stdin_used" { print $NF }')"
# its broken twin: a libc.so.6 stub without the weak reference
mkdir -p nostdin && awk -v floor=2.17 -v out=nostdin -v ret=ret -v stdin_ref=0 -f "$G/stubs.awk" "$G/abilists/i386" >/dev/null &&
	i686-linux-gnu-as --32 -o nostdin/libc.o nostdin/libc.s &&
	i686-linux-gnu-ld -shared -soname libc.so.6 --version-script=nostdin/libc.map -o nostdin/libc.so.6 nostdin/libc.o &&
	cp -a f/i686-linux-gnu-2.17 f/i686-nostdin && cp nostdin/libc.so.6 f/i686-nostdin/lib/ &&
	mkdir -p r/i686-nostdin/i686-linux-gnu/i686-linux-gnu && ln -sfn "$T/f/i686-nostdin" r/i686-nostdin/i686-linux-gnu/i686-linux-gnu/sys-root &&
	CCMUX_ROOT=$T/r/i686-nostdin "$P/bin/i686-linux-gnu-gcc-12" st2.c -o nostdin/c &&
	check "i686: without libc's reference the program does not export it (the check can fail)" "" \
		"$(objdump -T nostdin/c | awk '$NF == "_IO_stdin_used" { print $NF }')"

# ---- armv6l: the install's GCC 12 shard (its own ARMv6 libgcc and start
# files) at the generated 2.19 floor; the floor's own files checked alone
f6=$T/f/armv6l-linux-gnueabihf-2.19
for o in crt1.o Scrt1.o gcrt1.o crti.o crtn.o libc_nonshared.a libpthread_nonshared.a; do
	a=$(readelf -A "$f6/usr/lib/$o" 2>/dev/null)
	if echo "$a" | grep -q 'Tag_CPU_arch: v6KZ' && ! echo "$a" | grep -q 'Thumb-2\|Tag_CPU_arch: v7'; then
		pass "armv6l: $o is ARMv6KZ code without Thumb-2 ($(echo "$a" | grep -o 'Tag_FP_arch: [A-Za-z0-9]*' | sort -u | paste -sd' '))"
	elif [ "$o" = libpthread_nonshared.a ] && [ -z "$(ar t "$f6/usr/lib/$o")" ]; then
		pass "armv6l: $o is empty at 2.19 (pthread_atfork is in libc_nonshared.a from 2.28)"
	else
		fail "armv6l: $o" "$(echo "$a" | grep -E 'CPU_arch|THUMB' | sort -u | paste -sd' ')"
	fi
done
# Debian's armhf GCC with the ARMv6 flags, for what no shard offers
arm6() { arm-linux-gnueabihf-gcc-12 "$@" --sysroot="$f6" -nostdinc -isystem "$(arm-linux-gnueabihf-gcc-12 -print-file-name=include)" \
	-isystem "$f6/usr/include" -B"$f6/usr/lib/" -L"$f6/usr/lib" -L"$f6/lib" -Wl,-rpath-link,"$f6/lib"; }
mkdir -p run-armv6l
t6=armv6l-linux-gnueabihf
if cc $t6 2.19 -fPIC -shared tls.c -o run-armv6l/libtls.so && cc $t6 2.19 prog.c -o run-armv6l/c -Lrun-armv6l -ltls -lpthread -ldl; then
	judged $t6 2.19 run-armv6l/c
	runs arm /usr/arm-linux-gnueabihf "$T/run-armv6l:/usr/arm-linux-gnueabihf/lib" \
		"armv6l 2.19 C on Debian's glibc 2.36 (qemu-arm, default CPU)" "$want_c" run-armv6l/c
	check "armv6l: the audit passes program and library (ARMv6, VFPv2, no Thumb-2)" "0 0" \
		"$(for f in run-armv6l/c run-armv6l/libtls.so; do "$P/bin/ccmux" audit --target $t6 "$f" >/dev/null 2>&1; echo $?; done | paste -sd' ')"
	# its twin: Debian's ARMv7 GCC given the same ARMv6 flags still links
	# its own ARMv7 start files and libgcc, which the audit must catch
	arm6 $V6 prog.c -o run-armv6l/debian -Lrun-armv6l -ltls -lpthread -ldl &&
		check "armv6l: Debian's GCC with ARMv6 flags links ARMv7 code, and the audit says so (exit 1)" "1" \
			"$("$P/bin/ccmux" audit --target $t6 run-armv6l/debian >/dev/null 2>&1; echo $?)"
else
	fail "armv6l 2.19: C builds" "see above"
fi
arm6 $V6 -static st2.c -o run-armv6l/static 2>err &&
	fail "armv6l -static" "linked against Debian's ARMv7 libc.a" ||
	pass "armv6l: -static is refused at link time (Debian's libc.a is ARMv7/Thumb-2; none is offered)"
# the start files on a real ARMv6 CPU: crt1.o, crti.o/crtn.o and
# __libc_csu_init with a stand-in __libc_start_main (no libc: Debian's
# armhf ld.so and libc are ARMv7/Thumb-2 and trap on an ARM1176)
cat >v6.c <<'X'
static long sys(long n, long a, long b, long c) {
	register long r0 __asm__("r0") = a, r1 __asm__("r1") = b, r2 __asm__("r2") = c, r7 __asm__("r7") = n;
	__asm__ volatile ("svc #0" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
	return r0;
}
static int ctor;
__attribute__((constructor)) static void c(void) { ctor = 1; }
int main(void) { static const char m[] = "ARMv6 start files ran the constructor\n"; return ctor ? (sys(4, 1, (long)m, sizeof m - 1), 0) : 1; }
int __libc_start_main(int (*mainp)(void), int argc, char **argv, void (*init)(int, char **, char **)) {
	if (init) init(argc, argv, argv + argc + 1);
	sys(1, mainp(), 0, 0);
	return 0;
}
void abort(void) { sys(1, 127, 0, 0); }
X
v6link() { arm-linux-gnueabihf-gcc-12 "$@" -O2 -fno-builtin -fno-stack-protector -nostdlib -static \
	"$f6/usr/lib/crt1.o" "$f6/usr/lib/crti.o" v6.c "$f6/usr/lib/libc_nonshared.a" "$f6/usr/lib/crtn.o"; }
v6link $V6 -o v6 && check "armv6l: the start files run on qemu-arm -cpu arm1176" \
	"ARMv6 start files ran the constructor" "$(timeout 60 qemu-arm -cpu arm1176 ./v6 2>&1)"
if v6link -march=armv7-a -mthumb -mfpu=vfpv3-d16 -mfloat-abi=hard -o v7; then
	out=$(timeout 60 qemu-arm -cpu arm1176 ./v7 2>&1)
	rc=$?
	[ $rc != 0 ] && [ "${out#ARMv6 start}" = "$out" ] &&
		pass "armv6l: the same built as ARMv7 Thumb-2 dies on the arm1176 (exit $rc: the check can fail)" ||
		fail "armv6l: Thumb-2 on the arm1176" "exit $rc: $out"
fi
skip "armv6l: dynamic programs on qemu-arm -cpu arm1176" \
	"Debian's armhf ld.so and libc are ARMv7/Thumb-2 (SIGILL on an ARM1176); they run on the default CPU above"

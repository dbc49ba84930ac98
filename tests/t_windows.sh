#!/usr/bin/env bash
# t_windows.sh: mingw-w64 targets build real PE files: the Windows defines,
# no link timestamp (the same bytes twice), static runtime, PE audit, wine.
. "$(dirname "$0")/lib.sh"
need_install
make_prefix
cd "$T"
printf '#include <stdio.h>\nint main(void){puts("hello windows");return 0;}\n' > w.c
printf '#include <windows.h>\nint main(void){return WINVER == 0x0601 && _WIN32_WINNT == 0x0601 ? 0 : 1;}\n' > ver.c
for t in x86_64-w64-mingw32 i686-w64-mingw32; do
	farm "$t-gcc" "$t-g++" "$t-windres" "$t-dlltool" "$t-clang"
	if ! "$P/bin/ccmux" explain "$t-gcc" >/dev/null 2>&1; then
		fail "$t" "no mingw-w64 shard: $("$P/bin/ccmux" explain "$t-gcc" 2>&1)"
		continue
	fi
	got=$("$P/bin/ccmux" explain "$t-gcc" w.c -o w.exe | tr ' ' '\n' | grep -cE '^(-DWINVER=0x0601|-D_WIN32_WINNT=0x0601|-Wl,--no-insert-timestamp|-static)$')
	check "$t: WINVER, _WIN32_WINNT, --no-insert-timestamp, -static injected" 4 "$got"
	got=$("$P/bin/ccmux" explain "$t-gcc" -D_WIN32_WINNT=0x0A00 -c w.c | grep -c 'WINNT=0x0601')
	check "$t: the user's _WIN32_WINNT wins" 0 "$got"
	"$P/bin/$t-gcc" -c ver.c -o ver.o && pass "$t: windows.h sees WINVER 0x0601" || fail "$t: windows.h sees WINVER 0x0601" "compile failed"
	"$P/bin/$t-gcc" w.c -o a.exe && sleep 1 && "$P/bin/$t-gcc" w.c -o b.exe
	cmp -s a.exe b.exe && pass "$t: reproducible (no timestamp)" || fail "$t: reproducible (no timestamp)" "a.exe and b.exe differ"
	"$P/bin/ccmux" audit --target "$t" a.exe > audit.txt 2>&1
	check "$t: PE audit clean" 0 $?
	grep -q "subsystem: 3" audit.txt && pass "$t: console subsystem" || fail "$t: console subsystem" "$(cat audit.txt)"
	if grep -qiE 'libgcc|libstdc|libwinpthread' audit.txt; then
		fail "$t: no runtime DLLs to ship" "$(grep imports audit.txt)"
	else
		pass "$t: no runtime DLLs to ship"
	fi
	other=x86_64-linux-gnu
	"$P/bin/ccmux" audit --target "$other" a.exe >/dev/null 2>&1
	check "$t: a PE file fails an ELF target's audit" 1 $?
	printf '1 VERSIONINFO\nBEGIN\nEND\n' > r.rc
	"$P/bin/$t-windres" r.rc -O coff -o r.res && pass "$t: windres" || fail "$t: windres" "failed"
	printf 'LIBRARY foo.dll\nEXPORTS\n  foo\n' > foo.def
	"$P/bin/$t-dlltool" -d foo.def -l libfoo.a && pass "$t: dlltool" || fail "$t: dlltool" "failed"
	"$P/bin/$t-clang" w.c -o c.exe 2>/dev/null && "$P/bin/ccmux" audit --target "$t" c.exe >/dev/null
	check "$t: clang builds a PE that passes the audit" 0 $?
	# with a new, empty HOME: ccmux's own wine prefix, never ~/.wine, and
	# the program's output alone on stdout
	mkdir -p "$T/home"
	out=$(HOME=$T/home "$P/bin/ccmux" run "$t" ./a.exe 2>run.err | tr -d "\r")   # CRLF
	if grep -q "no wine for" run.err; then
		pass "$t: run refused with the reason (no wine32 here): $(cat run.err)"
	else
		check "$t: runs under wine, output on stdout" "hello windows" "$out"
		check "$t: the user's ~/.wine is never made" "" "$(ls -d "$T/home/.wine" 2>/dev/null)"
	fi
done

# stubs.awk: one glibc floor's stub libraries, from an abilists/ARCH file.
#
#   awk -v floor=2.17 -v out=DIR -v ret="ret" -f stubs.awk abilists/x86_64
#
# For each library that has symbols at the floor, writes DIR/LIB.s (to be
# assembled) and DIR/LIB.map (the version script), and prints one line
# "LIB SONAME" on stdout.  A symbol gets every version it had at the floor;
# the newest is the default (name@@VERSION) unless glibc had made it a
# compatibility symbol by then (abilists "compat" lines), the older ones are
# name@VERSION.  Functions are one return instruction (ret), objects zeros
# of their real size.  Libraries are taken as the floor's release had them:
# the list of that release, or for a floor older than the first list held,
# the first list with the versions after the floor left out.
#
# Variables: floor (2.N), out (directory), ret (the return instruction),
# stdin_ref (1: libc references _IO_stdin_used, as i386's does, so that
# programs export the symbol their crt1.o defines).

function vcmp(a, b,    x, y, i, n, m) {   # version compare, 2.3.4 style
	n = split(a, x, "."); m = split(b, y, ".")
	for (i = 1; i <= 3; i++) {
		if ((x[i] + 0) < (y[i] + 0)) return -1
		if ((x[i] + 0) > (y[i] + 0)) return 1
	}
	return 0
}
function rnum(r,    a) { split(r, a, "."); return a[1] * 1000 + a[2] }
function vername(v) { return v ~ /^GCC_/ ? v : "GLIBC_" v }
# does an entry VER[:SIZE][/FROM-TO] exist at the floor?  (sets eV, eSize)
function entry_here(e,    range, ft, from, to, nat) {
	range = ""
	if (index(e, "/")) { range = substr(e, index(e, "/") + 1); e = substr(e, 1, index(e, "/") - 1) }
	eSize = ""
	if (index(e, ":")) { eSize = substr(e, index(e, ":") + 1); e = substr(e, 1, index(e, ":") - 1) }
	eV = e
	if (e !~ /^GCC_/ && vcmp(e, floor) > 0) return 0
	nat = first
	if (e !~ /^GCC_/ && rnum(e) > rnum(nat)) nat = e
	from = nat; to = last
	if (range != "") {
		split(range, ft, "-")
		if (ft[1] != "") from = ft[1]
		if (ft[2] != "") to = ft[2]
	}
	return rnum(from) <= rnum(rel) && rnum(rel) <= rnum(to)
}
function emit(lib, name, ver, size, isdef,    s, f) {
	s = "__stub" (++nstub)
	f = out "/" lib ".s"
	if (size == "") {
		printf "\t.text\n\t.globl %s\n\t.type %s, %%function\n%s:\n\t%s\n\t.size %s, .-%s\n", s, s, s, ret, s, s > f
	} else {
		printf "\t.data\n\t.p2align %d\n\t.globl %s\n\t.type %s, %%object\n\t.size %s, %d\n%s:\n\t.zero %d\n", \
			(size >= 16 ? 4 : size >= 8 ? 3 : size >= 4 ? 2 : 0), s, s, s, size, s, size > f
	}
	printf "\t.symver %s, %s%s%s, remove\n", s, name, (isdef ? "@@" : "@"), vername(ver) > f
	if (!((lib, ver) in hasver)) { hasver[lib, ver] = 1; vers[lib] = vers[lib] " " ver }
}
BEGIN { if (floor == "" || out == "" || ret == "") { print "stubs.awk: floor, out, ret needed" > "/dev/stderr"; exit 2 } }
/^#/ { next }
lib == "" && $1 == "releases" {
	first = $2; last = $NF
	rel = rnum(floor) < rnum(first) ? first : floor
	if (rnum(rel) > rnum(last)) { print "stubs.awk: floor " floor " is newer than the data (" last ")" > "/dev/stderr"; exit 2 }
	next
}
lib == "" && $1 == "lib" { soname[$2] = $3; libs[++nlibs] = $2; next }
lib == "" && $1 == "compat" { since[$2] = $3; next }
lib == "" && $1 == "arch" { next }
/^@/ { lib = substr($1, 2); next }
{
	# the entries of this symbol present at the floor, oldest first
	n = 0
	for (i = 2; i <= NF; i++)
		if (entry_here($i)) { n++; ev[n] = eV; es[n] = eSize }
	if (n == 0) next
	compat = ($1 in since) && (since[$1] == "-" || vcmp(since[$1], floor) <= 0)
	for (i = 1; i <= n; i++) emit(lib, $1, ev[i], es[i], i == n && !compat)
	used[lib] = 1
}
END {
	for (k = 1; k <= nlibs; k++) {
		lib = libs[k]
		if (!(lib in used)) continue
		f = out "/" lib ".s"
		if (lib == "libc" && stdin_ref) {
			# i386's libc reads _IO_stdin_used from the program (weak, no
			# version): the reference makes ld export the program's copy
			printf "\t.weak _IO_stdin_used\n\t.data\n\t.p2align 2\n\t.long _IO_stdin_used\n" > f
		}
		printf "\t.section .note.GNU-stack, \"\", %%progbits\n" > f
		close(f)
		# version nodes oldest first (GCC_3.0 before every GLIBC_), each
		# inheriting the one before, as glibc's own version scripts do
		m = split(vers[lib], vl, " ")
		for (i = 1; i <= m; i++) {
			for (j = i + 1; j <= m; j++) {
				a = vl[i]; b = vl[j]
				if ((a ~ /^GCC_/) ? 0 : (b ~ /^GCC_/) ? 1 : vcmp(a, b) > 0) { vl[i] = b; vl[j] = a }
			}
		}
		f = out "/" lib ".map"
		for (i = 1; i <= m; i++) {
			printf "%s { }%s;\n", vername(vl[i]), \
				(i == 1 ? "" : " " vername(vl[i - 1])) > f
		}
		close(f)
		print lib, soname[lib]
	}
}

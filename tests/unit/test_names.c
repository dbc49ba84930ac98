/* test_names: the name grammar, one line a case.  Every triplet the seeds
 * name is here, with aliases, tags, tools, version suffixes and bad names. */
#include "targets/name.h"
#include "unit.h"
#include "base/util.h"

static const struct {
	const char *name;     /* argv[0] */
	const char *plat;     /* canonical triplet, "" for a bare name */
	const char *tool;
	const char *version;
	const char *err;      /* substring of the error, or NULL when valid */
} cases[] = {
	/* the seeds' triplets (003, 004, 000, 002) */
	{"i686-linux-gnu-gcc", "i686-linux-gnu", "gcc", "", NULL},
	{"x86_64-linux-gnu-gcc", "x86_64-linux-gnu", "gcc", "", NULL},
	{"aarch64-linux-gnu-gcc", "aarch64-linux-gnu", "gcc", "", NULL},
	{"armv7l-linux-gnueabihf-gcc", "armv7l-linux-gnueabihf", "gcc", "", NULL},
	{"powerpc64le-linux-gnu-gcc", "powerpc64le-linux-gnu", "gcc", "", NULL},
	{"armv6l-linux-gnueabihf-gcc", "armv6l-linux-gnueabihf", "gcc", "", NULL},
	{"i686-linux-musl-gcc", "i686-linux-musl", "gcc", "", NULL},
	{"x86_64-linux-musl-gcc", "x86_64-linux-musl", "gcc", "", NULL},
	{"aarch64-linux-musl-gcc", "aarch64-linux-musl", "gcc", "", NULL},
	{"armv7l-linux-musleabihf-gcc", "armv7l-linux-musleabihf", "gcc", "", NULL},
	{"armv6l-linux-musleabihf-gcc", "armv6l-linux-musleabihf", "gcc", "", NULL},
	{"x86_64-apple-darwin-clang", "x86_64-apple-darwin", "clang", "", NULL},
	{"aarch64-apple-darwin-clang", "aarch64-apple-darwin", "clang", "", NULL},
	{"x86_64-unknown-freebsd13.2-clang", "x86_64-unknown-freebsd13.2", "clang", "", NULL},
	{"i686-w64-mingw32-gcc", "i686-w64-mingw32", "gcc", "", NULL},
	{"x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32", "gcc", "", NULL},
	{"x86_64-linux-gnu-gcc7-cxx11-g++", "x86_64-linux-gnu-libgfortran4-cxx11", "g++", "", NULL},
	{"x86_64-apple-darwin14-gcc8-cxx03-clang", "x86_64-apple-darwin14-libgfortran5-cxx03", "clang", "", NULL},
	{"arm-linux-gnueabihf-gcc", "armv7l-linux-gnueabihf", "gcc", "", NULL},
	{"arm-linux-musleabihf-gcc", "armv7l-linux-musleabihf", "gcc", "", NULL},
	{"x86_64-apple-darwin14-clang", "x86_64-apple-darwin14", "clang", "", NULL},
	{"x86_64-unknown-freebsd11.1-clang", "x86_64-unknown-freebsd11.1", "clang", "", NULL},
	{"aarch64-apple-darwin20-clang++", "aarch64-apple-darwin20", "clang++", "", NULL},
	/* glibc floors, in zig's and cargo-zigbuild's spelling */
	{"x86_64-linux-gnu.2.28-gcc", "x86_64-linux-gnu.2.28", "gcc", "", NULL},
	{"aarch64-unknown-linux-gnu.2.17-g++", "aarch64-linux-gnu.2.17", "g++", "", NULL},
	{"aarch64-linux-gnu.2.31-libgfortran5-cxx11-g++-12",
	 "aarch64-linux-gnu.2.31-libgfortran5-cxx11", "g++", "12", NULL},
	{"arm-linux-gnueabihf.2.19-gcc", "armv7l-linux-gnueabihf.2.19", "gcc", "", NULL},
	{"x86_64-linux.2.17-cc", "x86_64-linux-gnu.2.17", "cc", "", NULL},
	{"x86_64-linux-musl.2.28-gcc", NULL, NULL, NULL, "a glibc floor is for glibc targets"},
	{"x86_64-linux-gnu.3.1-gcc", NULL, NULL, NULL, "is not a glibc floor"},
	{"x86_64-linux-gnu.2-gcc", NULL, NULL, NULL, "is not a glibc floor"},
	{"x86_64-linux-gnu.2.28.1-gcc", NULL, NULL, NULL, "is not a glibc floor"},
	{"x86_64-linux-gnu.-gcc", NULL, NULL, NULL, "is not a glibc floor"},
	/* aliases and vendors */
	{"amd64-linux-gnu-gcc", "x86_64-linux-gnu", "gcc", "", NULL},
	{"x86_64-pc-linux-gnu-gcc", "x86_64-linux-gnu", "gcc", "", NULL},
	{"x86_64-unknown-linux-gnu-g++", "x86_64-linux-gnu", "g++", "", NULL},
	{"i386-linux-gnu-cc", "i686-linux-gnu", "cc", "", NULL},
	{"i486-linux-gnu-cc", "i686-linux-gnu", "cc", "", NULL},
	{"i586-pc-linux-gnu-cc", "i686-linux-gnu", "cc", "", NULL},
	{"arm64-linux-gnu-gcc", "aarch64-linux-gnu", "gcc", "", NULL},
	{"arm64-apple-darwin20-clang", "aarch64-apple-darwin20", "clang", "", NULL},
	{"armv7-linux-gnueabihf-gcc", "armv7l-linux-gnueabihf", "gcc", "", NULL},
	{"armv7l-linux-gnu-gcc", "armv7l-linux-gnueabihf", "gcc", "", NULL},
	{"ppc64le-linux-gnu-gcc", "powerpc64le-linux-gnu", "gcc", "", NULL},
	{"x86_64-linux-gcc", "x86_64-linux-gnu", "gcc", "", NULL},
	/* tags */
	{"x86_64-linux-gnu-libgfortran3-gfortran", "x86_64-linux-gnu-libgfortran3", "gfortran", "", NULL},
	{"x86_64-linux-gnu-libgfortran4-gfortran", "x86_64-linux-gnu-libgfortran4", "gfortran", "", NULL},
	{"x86_64-linux-gnu-libgfortran5-gfortran", "x86_64-linux-gnu-libgfortran5", "gfortran", "", NULL},
	{"x86_64-linux-gnu-gcc4-gfortran", "x86_64-linux-gnu-libgfortran3", "gfortran", "", NULL},
	{"x86_64-linux-gnu-gcc8-gfortran", "x86_64-linux-gnu-libgfortran5", "gfortran", "", NULL},
	{"x86_64-linux-gnu-cxx03-g++", "x86_64-linux-gnu-cxx03", "g++", "", NULL},
	{"x86_64-linux-gnu-cxx11-c++", "x86_64-linux-gnu-cxx11", "c++", "", NULL},
	{"x86_64-linux-gnu-libgfortran3-cxx03-g++", "x86_64-linux-gnu-libgfortran3-cxx03", "g++", "", NULL},
	{"x86_64-linux-gnu-cxx11-libgfortran5-gcc", "x86_64-linux-gnu-libgfortran5-cxx11", "gcc", "", NULL},
	{"aarch64-linux-gnu-cxx11-julia_version+1.6.0-g++", "aarch64-linux-gnu-cxx11-julia_version+1.6.0", "g++", "", NULL},
	/* tools, binutils and versions */
	{"aarch64-linux-gnu-ld.bfd", "aarch64-linux-gnu", "ld.bfd", "", NULL},
	{"aarch64-linux-gnu-ld.gold", "aarch64-linux-gnu", "ld.gold", "", NULL},
	{"aarch64-linux-gnu-ld.lld", "aarch64-linux-gnu", "ld.lld", "", NULL},
	{"aarch64-linux-gnu-ld", "aarch64-linux-gnu", "ld", "", NULL},
	{"aarch64-linux-gnu-c++filt", "aarch64-linux-gnu", "c++filt", "", NULL},
	{"aarch64-linux-gnu-pkg-config", "aarch64-linux-gnu", "pkg-config", "", NULL},
	{"aarch64-linux-gnu-addr2line", "aarch64-linux-gnu", "addr2line", "", NULL},
	{"armv7l-linux-gnueabihf-objcopy", "armv7l-linux-gnueabihf", "objcopy", "", NULL},
	{"x86_64-w64-mingw32-windres", "x86_64-w64-mingw32", "windres", "", NULL},
	{"x86_64-w64-mingw32-dlltool", "x86_64-w64-mingw32", "dlltool", "", NULL},
	{"x86_64-linux-gnu-f77", "x86_64-linux-gnu", "f77", "", NULL},
	{"x86_64-linux-gnu-cpp", "x86_64-linux-gnu", "cpp", "", NULL},
	{"x86_64-linux-gnu-g++-12", "x86_64-linux-gnu", "g++", "12", NULL},
	{"x86_64-linux-gnu-gcc-4.8", "x86_64-linux-gnu", "gcc", "4.8", NULL},
	{"x86_64-linux-gnu-cxx03-g++-11.3.0", "x86_64-linux-gnu-cxx03", "g++", "11.3.0", NULL},
	{"x86_64-linux-gnu-clang-16", "x86_64-linux-gnu", "clang", "16", NULL},
	/* bare names */
	{"cc", "", "cc", "", NULL},
	{"c++", "", "c++", "", NULL},
	{"gcc-12", "", "gcc", "12", NULL},
	{"ld", "", "ld", "", NULL},
	{"pkg-config", "", "pkg-config", "", NULL},
	/* bad names */
	{"", NULL, NULL, NULL, "no known tool"},
	{"x86_64-linux-gnu", NULL, NULL, NULL, "no known tool"},
	{"x86_64-linux-gnu-gcc-abc", NULL, NULL, NULL, "no known tool"},
	{"x86_64-linux-gnu-ar-12", NULL, NULL, NULL, "no known tool"},
	{"mips-linux-gnu-gcc", NULL, NULL, NULL, "unknown architecture 'mips'"},
	{"x86_64-linux-glibc-gcc", NULL, NULL, NULL, "unknown tag 'glibc'"},
	{"x86_64-solaris-gcc", NULL, NULL, NULL, "unknown OS 'solaris'"},
	{"x86_64-gcc", NULL, NULL, NULL, "missing the OS field"},
	{"x86_64-linux-gnu-libgfortran6-gfortran", NULL, NULL, NULL, "unknown tag 'libgfortran6'"},
	{"x86_64-linux-gnu-gcc5-gfortran", NULL, NULL, NULL, "unknown tag 'gcc5'"},
	{"x86_64-linux-gnu-cxx14-g++", NULL, NULL, NULL, "unknown tag 'cxx14'"},
	{"x86_64-linux-gnu-cxx03-cxx11-g++", NULL, NULL, NULL, "two C++ string ABI tags"},
	{"x86_64-linux-gnu-libgfortran3-gcc8-g++", NULL, NULL, NULL, "two libgfortran tags"},
	{"x86_64-linux-gnueabihf-gcc", NULL, NULL, NULL, "eabihf ABI is for ARM"},
	{"armv7l-linux-gnueabi-gcc", NULL, NULL, NULL, "soft-float ARM"},
	{"x86_64--linux-gnu-gcc", NULL, NULL, NULL, "empty field"},
	{"-gcc", NULL, NULL, NULL, "empty target name"},
	{"x86_64-linux-uclibc-gcc", NULL, NULL, NULL, "unknown tag 'uclibc'"},
	{"x86_64-apple-darwinX-clang", NULL, NULL, NULL, "unknown OS 'darwinX'"},
	{"x86_64-linux-gnu-+x-g++", NULL, NULL, NULL, "unknown tag '+x'"},
	{"aarch64-w64-mingw32-gcc", NULL, NULL, NULL, "no such target"},
	{"x86_64-linux-gnu-gcc-1234567890123456789", NULL, NULL, NULL, "no known tool"},
	{"x86_64-linux-gnu-gcc-1.2.3.4", NULL, NULL, NULL, "no known tool"},
	{"a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-m-gcc", NULL, NULL, NULL, "too many fields"},
};

int main(void)
{
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct name n;
		const char *e = parse_name(cases[i].name, &n);
		char *label = xprintf("name '%s'", cases[i].name);

		if (cases[i].err) {
			CHECK(label, e && strstr(e, cases[i].err),
			      "want error containing '%s', got '%s'", cases[i].err,
			      e ? e : "(accepted)");
			continue;
		}
		if (e) {
			CHECK(label, 0, "unexpected error: %s", e);
			continue;
		}
		{
			const char *plat = n.plat.target ? platform_string(&n.plat) : "";

			CHECK(label, streq(plat, cases[i].plat) &&
			      streq(n.tool->name, cases[i].tool) &&
			      streq(n.version, cases[i].version),
			      "got plat=%s tool=%s version=%s", plat, n.tool->name,
			      n.version);
		}
	}
	return unit_failed;
}

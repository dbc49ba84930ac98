/* farm.c: farm names and build-system files */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"
#include "cmd/bazel.h"
#include "cmd/cmd.h"
#include "compat/shard.h"
#include "driver/driver.h"

/* compilers that get -MAJOR and tagged names */
static const char *const compilers[] = {
	"cc", "c++", "gcc", "g++", "gfortran", "f77", "cpp", "clang", "clang++",
};

/* tag combinations a tagged compiler name can carry */
static const char *const tag_sets[] = {
	"libgfortran3", "libgfortran4", "libgfortran5", "cxx03", "cxx11",
	"libgfortran3-cxx03", "libgfortran3-cxx11", "libgfortran4-cxx03",
	"libgfortran4-cxx11", "libgfortran5-cxx03", "libgfortran5-cxx11",
};

/* spellings other tools use for a target */
static const struct {
	const char *alias, *target;
} aliases[] = {
	{"arm-linux-gnueabihf", "armv7l-linux-gnueabihf"},
	{"arm-linux-musleabihf", "armv7l-linux-musleabihf"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int tool_for_target(const struct tool *tl, const struct target *t)
{
	int pe_only = strcmp(tl->name, "windres") == 0 ||
	              strcmp(tl->name, "dlltool") == 0;

	return !pe_only || t->os == OS_WINDOWS;
}

/* where the names go: printed, one a line, or made as links under a
 * prefix (PREFIX/bin/NAME -> ccmux; PREFIX/lib/ccmux/TRIPLET/bin/TOOL) */
struct farm {
	const char *prefix;         /* NULL: print */
	unsigned count;
};

static void emit(struct farm *f, const char *name)
{
	char *path, *to;

	f->count++;
	if (!f->prefix) {
		printf("%s\n", name);
		return;
	}
	if (strchr(name, '/')) {
		path = xconcat(f->prefix, "/lib/ccmux/", name, (char *)NULL);
		to = "../../../../bin/ccmux";
		if (mkdir_p(dirname_of(path), 0777) != 0)
			fatal("cannot create %s:", dirname_of(path));
	} else {
		path = xconcat(f->prefix, "/bin/", name, (char *)NULL);
		to = "ccmux";
	}
	unlink(path);
	if (symlink(to, path) != 0)
		fatal("cannot make the link %s:", path);
}

/* the compilers of a spelling (TRIPLET or TRIPLET.FLOOR), bare and with the
 * -MAJOR of each installed GCC */
static void compiler_names(struct farm *f, const char *spelling,
                           const struct shardset *ss)
{
	unsigned i, j;

	for (j = 0; j < N(compilers); j++)
		emit(f, xconcat(spelling, "-", compilers[j], (char *)NULL));
	for (i = 0; i < ss->ngcc; i++) {
		if (i && ss->gcc[i].ver.v[0] == ss->gcc[i - 1].ver.v[0])
			continue;
		for (j = 0; j < 7; j++)   /* the GCC names, not clang */
			emit(f, xprintf("%s-%s-%d", spelling, compilers[j],
			                ss->gcc[i].ver.v[0]));
	}
}

static void target_names(const struct ctx *c, struct farm *f,
                         const struct target *t, const char *trip)
{
	struct shardset ss;
	unsigned i, j;

	/* TRIPLET/bin holds the bare names (cc, ar) and, for autotools'
	 * --host, which looks for TRIPLET-gcc first, the prefixed ones too */
	for (i = 0; i < ntools; i++)
		if (tool_for_target(&tools[i], t) && !tool_is_compiler(&tools[i])) {
			emit(f, xconcat(trip, "-", tools[i].name, (char *)NULL));
			emit(f, xconcat(trip, "/bin/", tools[i].name, (char *)NULL));
			emit(f, xconcat(trip, "/bin/", trip, "-", tools[i].name, (char *)NULL));
		} else if (tool_is_compiler(&tools[i])) {
			emit(f, xconcat(trip, "/bin/", tools[i].name, (char *)NULL));
			emit(f, xconcat(trip, "/bin/", trip, "-", tools[i].name, (char *)NULL));
		}
	for (i = 0; i < N(tag_sets); i++)
		for (j = 0; j < N(compilers); j++)
			emit(f, xconcat(trip, "-", tag_sets[i], "-", compilers[j], (char *)NULL));
	shard_scan(c->roots, trip, 0, &ss);
	compiler_names(f, trip, &ss);
	/* each installed glibc floor: TRIPLET.2.28-gcc, TRIPLET.2.28-g++-12 */
	for (i = 0; i < ss.nfloors; i++)
		compiler_names(f, xconcat(t->name, ".", ss.floors[i].verstr, (char *)NULL),
		               &ss);
}

int cmd_names(const struct ctx *c, int argc, char **argv)
{
	struct farm f = {NULL, 0};
	const struct target *t;
	unsigned i, k;

	if (argc == 2 && strcmp(argv[0], "--link") == 0)
		f.prefix = argv[1];
	else if (argc != 0)
		fatal("usage: ccmux names [--link PREFIX]");
	for (t = targets; t->name; t++)
		target_names(c, &f, t, xconcat(t->name, default_osver(t), (char *)NULL));
	for (i = 0; i < N(aliases); i++)
		for (k = 0; k < ntools; k++)
			emit(&f, xconcat(aliases[i].alias, "-", tools[k].name, (char *)NULL));
	if (f.prefix)
		printf("%u names in %s/bin and %s/lib/ccmux\n", f.count, f.prefix,
		       f.prefix);
	return 0;
}

static const char *cmake_system(const struct target *t)
{
	static const char *const names[] = {"Linux", "Windows", "Darwin", "FreeBSD"};

	return names[t->os];
}

static const char *meson_system(const struct target *t)
{
	static const char *const names[] = {"linux", "windows", "darwin", "freebsd"};

	return names[t->os];
}

/* a path under prefix as "REL" from it, else NULL */
static const char *under(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	if (path && strncmp(path, prefix, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

/* a new file; non-blocking, so that a FIFO in its place fails at once */
static FILE *create(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC,
	              0666);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f)
		fatal("cannot write %s:", path);
	return f;
}

/* a generated file is written to PATH.tmp and renamed into place, so that
 * a reader never sees half of one */
struct out {
	char *path, *tmp;
	const char *rel_sysroot;   /* the sysroot relative to the prefix, or NULL */
	FILE *f;
};

static void out_open(struct out *o, const char *dir, const char *trip,
                     const char *ext, const char *prefix, const char *sysroot)
{
	o->path = xconcat(dir, "/", trip, ext, (char *)NULL);
	o->tmp = xconcat(o->path, ".tmp", (char *)NULL);
	o->rel_sysroot = under(sysroot, prefix);
	o->f = create(o->tmp);
}

static void out_close(struct out *o)
{
	if (fclose(o->f) != 0 || rename(o->tmp, o->path) != 0)
		fatal("cannot write %s:", o->path);
}

/* CMake: everything relative to the file's own place, so the install can
 * move; the sysroot keeps host libraries and headers out of find_*() */
/* what the build-system files of one target say */
struct tfile {
	const char *prefix;
	const struct target *t;
	const char *trip;           /* the triplet of the compilers' names */
	const char *base;           /* the target's own, for the other tools */
	const char *sysroot;        /* the sysroot in force, or NULL */
	int gcc;                    /* the GCC major the compilers are pinned to */
};

/* compiler names that take the pin: gcc -> gcc-12 */
static int pinned(const char *tool)
{
	return strcmp(tool, "gcc") == 0 || strcmp(tool, "g++") == 0 ||
	       strcmp(tool, "gfortran") == 0;
}

static void cmake_file(const char *dir, const struct tfile *tf)
{
	const char *prefix = tf->prefix, *trip = tf->trip, *sysroot = tf->sysroot;
	const struct target *t = tf->t;
	struct out o;
	FILE *f;
	static const char *const tools[][2] = {
		{"C_COMPILER", "gcc"}, {"CXX_COMPILER", "g++"},
		{"Fortran_COMPILER", "gfortran"}, {"AR", "ar"}, {"RANLIB", "ranlib"},
		{"NM", "nm"}, {"OBJCOPY", "objcopy"}, {"OBJDUMP", "objdump"},
		{"STRIP", "strip"}, {"LINKER", "ld"}, {"READELF", "readelf"},
	};
	unsigned i;

	out_open(&o, dir, trip, ".cmake", prefix, sysroot);
	f = o.f;
	fprintf(f, "# CMake toolchain file for %s, written by `ccmux files`.\n"
	        "# cmake -DCMAKE_TOOLCHAIN_FILE=%s ...\n", trip, o.path);
	fprintf(f, "get_filename_component(CCMUX_PREFIX \"${CMAKE_CURRENT_LIST_DIR}"
	        "/../../..\" ABSOLUTE)\n");
	fprintf(f, "set(CMAKE_SYSTEM_NAME %s)\n", cmake_system(t));
	fprintf(f, "set(CMAKE_SYSTEM_PROCESSOR %s)\n", t->cmake_processor);
	if (tf->gcc) {
		fprintf(f, "# the compilers are one GCC, the oldest installed that builds "
		        "C++20 here,\n# so that CMake's detection (no -std=) and every "
		        "compile agree;\n# -DCCMUX_GCC=MAJOR picks another "
		        "(ccmux targets lists them)\n");
		fprintf(f, "set(CCMUX_GCC \"%d\" CACHE STRING \"GCC major of the "
		        "compilers\")\n", tf->gcc);
		fprintf(f, "if(CCMUX_GCC)\n  set(_ccmux_gcc \"-${CCMUX_GCC}\")\n"
		        "endif()\n");
	}
	for (i = 0; i < N(tools); i++)
		fprintf(f, "set(CMAKE_%s \"${CCMUX_PREFIX}/bin/%s-%s%s\" CACHE FILEPATH \"\")\n",
		        tools[i][0], pinned(tools[i][1]) ? trip : tf->base, tools[i][1],
		        tf->gcc && pinned(tools[i][1]) ? "${_ccmux_gcc}" : "");
	if (sysroot) {
		if (o.rel_sysroot)
			fprintf(f, "set(CMAKE_SYSROOT \"${CCMUX_PREFIX}/%s\")\n",
			        o.rel_sysroot);
		else
			fprintf(f, "set(CMAKE_SYSROOT \"%s\")\n", sysroot);
		fprintf(f, "set(CMAKE_FIND_ROOT_PATH \"${CMAKE_SYSROOT}\")\n");
	}
	fprintf(f, "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n"
	        "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)\n"
	        "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)\n"
	        "set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)\n");
	fprintf(f, "set(PKG_CONFIG_EXECUTABLE \"${CCMUX_PREFIX}/bin/%s-pkg-config\" "
	        "CACHE FILEPATH \"\")\n", tf->base);
	if (*t->qemu || target_is_host_arch(t))
		fprintf(f, "set(CMAKE_CROSSCOMPILING_EMULATOR \"${CCMUX_PREFIX}/bin/ccmux;"
		        "run;%s\")\n", trip);
	out_close(&o);
}

/* meson: absolute paths (bookworm's meson 1.0 has no @DIRNAME@); after
 * moving the install, `ccmux files PREFIX` writes them again */
static void meson_file(const char *dir, const struct tfile *tf)
{
	const char *prefix = tf->prefix, *trip = tf->trip, *sysroot = tf->sysroot;
	const struct target *t = tf->t;
	struct out o;
	FILE *f;
	static const char *const tools[][2] = {
		{"c", "gcc"}, {"cpp", "g++"}, {"fortran", "gfortran"}, {"ar", "ar"},
		{"strip", "strip"}, {"nm", "nm"}, {"objcopy", "objcopy"},
		{"ranlib", "ranlib"}, {"pkg-config", "pkg-config"},
		{"pkgconfig", "pkg-config"},
	};
	unsigned i;

	out_open(&o, dir, trip, ".ini", prefix, sysroot);
	f = o.f;
	fprintf(f, "# meson cross file for %s, written by `ccmux files`.\n"
	        "# meson setup --cross-file %s build\n", trip, o.path);
	fprintf(f, "[constants]\nprefix = '%s'\n\n", prefix);
	fprintf(f, "[binaries]\n");
	if (tf->gcc)
		fprintf(f, "# the compilers are one GCC, the oldest installed that "
		        "builds C++20 here\n");
	for (i = 0; i < N(tools); i++)
		fprintf(f, "%s = prefix / 'bin' / '%s-%s%s'\n", tools[i][0],
		        pinned(tools[i][1]) ? trip : tf->base, tools[i][1],
		        tf->gcc && pinned(tools[i][1]) ? xprintf("-%d", tf->gcc) : "");
	if (*t->qemu || target_is_host_arch(t))
		fprintf(f, "exe_wrapper = [prefix / 'bin' / 'ccmux', 'run', '%s']\n",
		        trip);
	fprintf(f, "\n[properties]\n");
	if (sysroot && o.rel_sysroot)
		fprintf(f, "sys_root = prefix / '%s'\n", o.rel_sysroot);
	else if (sysroot)
		fprintf(f, "sys_root = '%s'\n", sysroot);
	fprintf(f, "\n[host_machine]\nsystem = '%s'\ncpu_family = '%s'\n"
	        "cpu = '%s'\nendian = '%s'\n", meson_system(t), t->meson_cpu_family,
	        t->meson_cpu, t->big_endian ? "big" : "little");
	out_close(&o);
}

int cmd_files(const struct ctx *c, int argc, char **argv)
{
	const char *prefix;
	char *cm, *ms;
	const struct target *t;
	int n = 0;

	if (argc != 1)
		fatal("usage: ccmux files PREFIX");
	prefix = argv[0];
	cm = xconcat(prefix, "/share/ccmux/cmake", (char *)NULL);
	ms = xconcat(prefix, "/share/ccmux/meson", (char *)NULL);
	if (mkdir_p(cm, 0777) != 0)
		fatal("cannot create %s:", cm);
	if (mkdir_p(ms, 0777) != 0)
		fatal("cannot create %s:", ms);
	for (t = targets; t->name; t++) {
		struct tfile tf = {prefix, t, NULL, NULL, NULL, 0};
		struct shardset ss;
		unsigned i;

		tf.trip = tf.base = xconcat(t->name, default_osver(t), (char *)NULL);
		shard_scan(c->roots, tf.trip, 0, &ss);
		if (!ss.ngcc && !ss.sysroot)
			continue;
		tf.sysroot = ss.sysroot;
		tf.gcc = pin_gcc(c, tf.trip);
		cmake_file(cm, &tf);
		meson_file(ms, &tf);
		n++;
		/* one pair of files per installed glibc floor (TRIPLET.2.28) */
		for (i = 0; i < ss.nfloors; i++) {
			tf.trip = xconcat(t->name, ".", ss.floors[i].verstr, (char *)NULL);
			tf.sysroot = ss.floors[i].dir;
			tf.gcc = pin_gcc(c, tf.trip);
			cmake_file(cm, &tf);
			meson_file(ms, &tf);
			n++;
		}
	}
	printf("   %d CMake toolchain files in %s, meson cross files in %s\n",
	       n, cm, ms);
	bazel_files(c, prefix);
	return 0;
}

/* target.h: the table of targets and tools (targets.def, tools.def) */
#ifndef CCMUX_TARGET_H
#define CCMUX_TARGET_H

enum os { OS_LINUX, OS_WINDOWS, OS_DARWIN, OS_FREEBSD };
enum libc { LIBC_GLIBC, LIBC_MUSL, LIBC_NONE };
enum family { FAM_GCC, FAM_CLANG, FAM_BINUTILS, FAM_LLD, FAM_PKGCONFIG };
enum lang { LANG_NONE, LANG_C, LANG_CXX, LANG_FORTRAN };

/* PE Machine values (the table's machine column for Windows targets) */
enum {
	IMAGE_FILE_MACHINE_I386 = 0x14c,
	IMAGE_FILE_MACHINE_ARMNT = 0x1c4,
	IMAGE_FILE_MACHINE_AMD64 = 0x8664,
	IMAGE_FILE_MACHINE_ARM64 = 0xaa64,
};

struct target {
	const char *name;            /* canonical triplet, e.g. aarch64-linux-gnu */
	const char *arch;            /* x86_64, i686, aarch64, armv7l, ... */
	enum os os;
	enum libc libc;
	const char *abi;             /* "eabihf" or "" */
	int machine;                 /* ELF e_machine, PE Machine; 0 for Mach-O */
	int elf_class;               /* 32 or 64 */
	int big_endian;
	const char *dynamic_linker;  /* PT_INTERP, "" when none */
	const char *seed_floor;      /* the seeds' glibc floor, "musl" or "" */
	const char *clang_triple;    /* clang --target= value */
	const char *qemu;            /* qemu-user suffix, "" when none */
	const char *libdir;          /* sysroot library dir: lib or lib64 */
	const char *cmake_processor;
	const char *meson_cpu_family;
	const char *meson_cpu;
	const char *multiarch;       /* usr/include/MULTIARCH in Debian sysroots */
	const char *cflags;          /* code generation beyond GCC's default */
	int arm_arch;                /* newest Tag_CPU_arch allowed (ARM), or 0 */
};

struct tool {
	const char *name;            /* as in a farm name: gcc, ld.bfd, ... */
	enum family family;
	enum lang lang;              /* language a compiler name implies */
	const char *shard_name;      /* file in a shard's bin/ after TARGET- */
};

/* every target, terminated by an entry with name NULL */
extern const struct target targets[];
/* every tool, sorted by name, and how many there are */
extern const struct tool tools[];
extern const unsigned ntools;

/* the target with this canonical name (no OS version); NULL if none */
const struct target *target_by_name(const char *name);
/* the target with these fields; NULL if none */
const struct target *target_find(const char *arch, enum os os, enum libc libc,
                                 const char *abi);
/* the tool with this exact name; NULL if none */
const struct tool *tool_by_name(const char *name);
/* 1 if the target runs on this host without qemu (x86_64 Linux) */
int target_is_host_arch(const struct target *t);
/* the OS version a darwin/freebsd name means when it has none ("14"), ""
 * for other targets */
const char *default_osver(const struct target *t);
/* 1 for an ARM target below ARMv7 (armv6l: the ARM1176, ARM mode, VFPv2,
 * no NEON), whose code, runtime and qemu CPU are its own */
int target_armv6(const struct target *t);
/* 1 for the clang-only targets that need an SDK the user supplies */
int target_sdk_only(const struct target *t);
/* 1 if the tool compiles (gcc family or clang) */
int tool_is_compiler(const struct tool *tl);

#endif

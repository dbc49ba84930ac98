/* elfread.h: a bounds-checked reader for ELF (32/64-bit, both byte orders) and
 * PE files: only what the audit and `ccmux run` need.  Every offset, count
 * and string is validated before use; nothing is trusted. */
#ifndef CCMUX_ELFREAD_H
#define CCMUX_ELFREAD_H

#include <stddef.h>
#include <stdint.h>

#include "base/binread.h"

enum { FMT_ELF = 1, FMT_PE = 2 };

/* one version needed from a shared library (.gnu.version_r) */
struct elf_verneed {
	const char *file;        /* "libc.so.6" */
	const char *name;        /* "GLIBC_2.17" */
};

struct elf_info {
	int format;              /* FMT_ELF or FMT_PE */
	int elfclass;            /* 32 or 64 */
	int big_endian;
	int machine;             /* e_machine (ELF), Machine (PE) */
	int type;                /* e_type: 1 REL, 2 EXEC, 3 DYN */
	uint32_t flags;          /* e_flags */
	const char *interp;      /* PT_INTERP contents, or NULL */
	int dynamic;             /* has PT_DYNAMIC (ELF) */
	const char **needed;     /* DT_NEEDED names (ELF), imported DLLs (PE) */
	size_t nneeded;
	const char *soname;      /* DT_SONAME, or NULL */
	struct elf_verneed *verneed;
	size_t nverneed;
	size_t cxx11_syms;       /* symbols at its ABI boundary (the symbol
	                            table of an object, the dynamic symbols of
	                            a linked file) whose name has "__cxx11" */
	size_t cxx03_syms;       /* ... that name the old std::string ABI
	                            (mangled Ss / basic_string without __cxx11) */
	int arm_hard_float;      /* ARM: 1 hard-float (EF_ARM_ABI_FLOAT_HARD
	                            or Tag_ABI_VFP_args), 0 soft, -1 not ARM */
	int arm_cpu_arch;        /* ARM: Tag_CPU_arch (6 v6, 7 v6KZ, 8 v6T2,
	                            9 v6K, 10 v7, 14 v8), -1 when not given */
	int arm_thumb;           /* ARM: Tag_THUMB_ISA_use (0 none, 1 Thumb-1,
	                            2 Thumb-2), -1 when not given */
	int arm_fp;              /* ARM: Tag_FP_arch (2 VFPv2, 3 VFPv3, 5 VFPv4,
	                            7 ARMv8 FP), -1 when not given */
	int arm_simd;            /* ARM: Tag_Advanced_SIMD_arch (0 none, 1 NEON,
	                            2 NEON with FMA, ...), -1 when not given */
	int pe_subsystem;        /* PE: IMAGE_SUBSYSTEM_*, 0 for ELF */
};

/* parse the bytes of a file; returns RD_OK, RD_MALFORMED or
 * RD_TRUNCATED, and on error writes a one-line reason into err (errlen
 * may be 0).  The strings in info point into data; needed[] and verneed[]
 * are the only memory it allocates (with xrealloc, never freed). */
int elf_parse(const unsigned char *data, size_t size, struct elf_info *info,
              char *err, size_t errlen);
/* read a file and parse it; RD_UNREADABLE when it cannot be read,
 * RD_NOTFILE (without blocking) when it is not a regular file */
int elf_read(const char *path, struct elf_info *info, char *err, size_t errlen);
/* the highest version with this prefix ("GLIBC_", "GLIBCXX_", "CXXABI_",
 * "GFORTRAN_") among info's needed versions, as "2.17"; NULL if none */
const char *elf_max_version(const struct elf_info *info, const char *prefix);
/* a short machine name for e_machine / PE Machine ("x86_64", "aarch64") */
const char *elf_machine_name(int format, int machine);

#endif

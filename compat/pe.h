/* pe.h: what the audit needs of a Windows PE file (pe.c) */
#ifndef CCMUX_PE_H
#define CCMUX_PE_H

#include "base/binread.h"
#include "compat/elfread.h"

/* PE Machine values, spelled once */
enum {
	IMAGE_FILE_MACHINE_I386 = 0x14c,
	IMAGE_FILE_MACHINE_ARMNT = 0x1c4,
	IMAGE_FILE_MACHINE_AMD64 = 0x8664,
	IMAGE_FILE_MACHINE_ARM64 = 0xaa64,
	IMAGE_NT_OPTIONAL_HDR32_MAGIC = 0x10b,
	IMAGE_NT_OPTIONAL_HDR64_MAGIC = 0x20b,
};

/* parse a PE file (MZ, PE signature, COFF and optional headers, imports)
 * into info; errors stick in r */
void pe_parse(struct rd *r, struct elf_info *info);

#endif

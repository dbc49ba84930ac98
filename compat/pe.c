/* pe.c: what the audit needs of a Windows PE file: machine, class,
 * subsystem and imported DLLs, read through binread.c's accessors */
#include <string.h>

#include "base/binread.h"
#include "base/util.h"
#include "compat/pe.h"

/* the file offset of an RVA through the section table; *avail gets the
 * section's raw bytes from there on */
static int rva_off(struct rd *r, uint64_t sec, unsigned nsec, uint64_t rva,
                   uint64_t *off, uint64_t *avail)
{
	unsigned i;

	for (i = 0; i < nsec && !r->rc; i++) {
		uint64_t s = sec + 40 * (uint64_t)i;
		uint64_t va = rd_get(r, s, 12, 4), raw = rd_get(r, s, 16, 4);
		uint64_t ptr = rd_get(r, s, 20, 4);

		if (rva < va || rva - va >= raw)
			continue;
		if (!rd_span(r, ptr, raw, "PE section data"))
			return 0;
		*off = ptr + (rva - va);
		*avail = raw - (rva - va);
		return 1;
	}
	rd_fail(r, RD_MALFORMED, "malformed: RVA 0x%llx is in no PE section",
	     (ull)rva);
	return 0;
}

/* the DLL names of the import directory at rva */
static void pe_imports(struct rd *r, struct strvec *sv, uint64_t sec,
                       unsigned nsec, uint64_t rva)
{
	uint64_t off, avail, i, noff, navail;

	if (!rva_off(r, sec, nsec, rva, &off, &avail))
		return;
	for (i = 0; i < CAP && !r->rc; i++) {
		uint64_t name;
		const char *dll;

		if (avail / 20 <= i) {
			rd_fail(r, RD_MALFORMED, "malformed: import "
			     "directory runs past its section");
			return;
		}
		name = rd_get(r, off + 20 * i, 12, 4);
		if (name == 0)
			return;
		if (!rva_off(r, sec, nsec, name, &noff, &navail))
			return;
		dll = rd_str(r, noff, navail, 0, "import DLL");
		if (dll)
			sv_push(sv, dll);
	}
}

/* the optional header at opt: class, subsystem and the import directory */
static void pe_optional(struct rd *r, struct elf_info *info, struct strvec *sv,
                        uint64_t opt, uint64_t optsize, unsigned nsec)
{
	unsigned magic = optsize < 2 ? 0 : rd_get(r, opt, 0, 2);
	uint64_t dd = magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC ? 112 : 96, sec = opt + optsize, rva;

	if (magic != IMAGE_NT_OPTIONAL_HDR32_MAGIC && magic != IMAGE_NT_OPTIONAL_HDR64_MAGIC) {
		rd_fail(r, RD_MALFORMED, "malformed: PE optional header magic "
		     "0x%x", magic);
		return;
	}
	info->elfclass = magic == IMAGE_NT_OPTIONAL_HDR64_MAGIC ? 64 : 32;
	if (optsize < dd) {
		rd_fail(r, RD_MALFORMED, "malformed: PE optional header of %llu "
		     "bytes", (ull)optsize);
		return;
	}
	info->pe_subsystem = rd_get(r, opt, 68, 2);
	if (!rd_span(r, sec, 40 * (uint64_t)nsec, "PE section table"))
		return;
	/* data directory 1 is the import table; NumberOfRvaAndSizes says
	 * whether it is there */
	if (rd_get(r, opt, dd - 4, 4) < 2 || optsize < dd + 16)
		return;
	rva = rd_get(r, opt, dd + 8, 4);
	if (rva)
		pe_imports(r, sv, sec, nsec, rva);
}

/* MZ header, e_lfanew, "PE\0\0", COFF header, optional header */
void pe_parse(struct rd *r, struct elf_info *info)
{
	struct strvec sv = {0};
	uint64_t pe, optsize;

	info->format = FMT_PE;
	if (!rd_span(r, 0, 0x40, "DOS header"))
		return;
	pe = rd_get(r, 0, 0x3c, 4);
	if (!rd_span(r, pe, 24, "PE header"))
		return;
	if (memcmp(r->p + pe, "PE\0\0", 4) != 0) {
		rd_fail(r, RD_MALFORMED, "malformed: no PE signature at %llu",
		     (ull)pe);
		return;
	}
	info->machine = rd_get(r, pe, 4, 2);
	optsize = rd_get(r, pe, 20, 2);
	if (rd_span(r, pe + 24, optsize, "PE optional header"))
		pe_optional(r, info, &sv, pe + 24, optsize, rd_get(r, pe, 6, 2));
	info->needed = sv.v;
	info->nneeded = sv.n;
}

/* elfread.c: a bounds-checked ELF and PE reader (see elfread.h).
 *
 * Every byte of the file is read through rd_get(), which checks the range
 * against the file size the toybox way (off > size || len > size - off) and
 * converts the byte order.  The first error sticks in struct rd: later reads
 * return 0 and every loop stops at its next check, so the reason reported is
 * the first one found.  "Truncated" means the headers describe a structure
 * that the file ends before; "malformed" means a value no valid file has.
 *
 * Loops are bounded twice: by what fits in the file, and by CAP entries per
 * table (dynamic entries, symbols, import descriptors), so no input makes
 * the reader loop for long.  Strings in elf_info point into the file's bytes;
 * the only allocations are the needed[] and verneed[] arrays. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/binread.h"
#include "base/util.h"
#include "base/version.h"
#include "compat/elfread.h"
#include "compat/pe.h"

/* elf_read refuses larger files */
#define MAXFILE (1u << 30)

/* ---- ELF ---- */

/* fields of the ELF structures: offset and size in ELF32, then in ELF64 */
enum {
	E_TYPE, E_MACHINE, E_VERSION, E_PHOFF, E_SHOFF, E_FLAGS,
	E_PHENTSIZE, E_PHNUM, E_SHENTSIZE, E_SHNUM,
	P_TYPE, P_OFFSET, P_VADDR, P_FILESZ,
	SH_TYPE, SH_OFFSET, SH_SIZE, SH_LINK, SH_INFO, SH_ENTSIZE,
	D_TAG, D_VAL, ST_NAME,
};

static const struct field {
	unsigned char o32, n32, o64, n64;
} fields[] = {
	[E_TYPE] = {16, 2, 16, 2},       [E_MACHINE] = {18, 2, 18, 2},
	[E_VERSION] = {20, 4, 20, 4},    [E_PHOFF] = {28, 4, 32, 8},
	[E_SHOFF] = {32, 4, 40, 8},      [E_FLAGS] = {36, 4, 48, 4},
	[E_PHENTSIZE] = {42, 2, 54, 2},  [E_PHNUM] = {44, 2, 56, 2},
	[E_SHENTSIZE] = {46, 2, 58, 2},  [E_SHNUM] = {48, 2, 60, 2},
	[P_TYPE] = {0, 4, 0, 4},         [P_OFFSET] = {4, 4, 8, 8},
	[P_VADDR] = {8, 4, 16, 8},       [P_FILESZ] = {16, 4, 32, 8},
	[SH_TYPE] = {4, 4, 4, 4},        [SH_OFFSET] = {16, 4, 24, 8},
	[SH_SIZE] = {20, 4, 32, 8},      [SH_LINK] = {24, 4, 40, 4},
	[SH_INFO] = {28, 4, 44, 4},      [SH_ENTSIZE] = {36, 4, 56, 8},
	[D_TAG] = {0, 4, 0, 8},          [D_VAL] = {4, 4, 8, 8},
	[ST_NAME] = {0, 4, 0, 4},
};

/* sizes of the structures in ELF32 and ELF64 */
enum { EHDR, PHDR, SHDR, DYN, SYM };
static const unsigned char sizes[][2] = {
	[EHDR] = {52, 64}, [PHDR] = {32, 56}, [SHDR] = {40, 64},
	[DYN] = {8, 16}, [SYM] = {16, 24},
};

/* ARM build attributes (the ABI's addenda; <elf.h> has none of them) */
enum {
	TAG_FILE = 1, TAG_CPU_ARCH = 6, TAG_THUMB_ISA_USE = 9, TAG_FP_ARCH = 10,
	TAG_ADVANCED_SIMD_ARCH = 12, TAG_ABI_VFP_ARGS = 28, TAG_COMPATIBILITY = 32,
};

/* a string table inside the file */
struct strtab {
	uint64_t off, size;
};

struct elf {
	struct rd r;
	struct elf_info *info;
	struct strvec needed;
	size_t vncap;
	uint64_t phoff, shoff, shnum;
	unsigned phnum, phentsize, shentsize;
	int dynsec, vnsec;      /* saw SHT_DYNAMIC / SHT_GNU_verneed */
	uint64_t dynoff, dynsize;
};

static uint64_t fld(struct rd *r, uint64_t base, int f)
{
	const struct field *d = &fields[f];

	return r->is64 ? rd_get(r, base, d->o64, d->n64)
	               : rd_get(r, base, d->o32, d->n32);
}

static unsigned structsize(struct rd *r, int s)
{
	return sizes[s][r->is64];
}

static uint64_t phdr(struct elf *e, unsigned i)
{
	return e->phoff + (uint64_t)i * e->phentsize;
}

static uint64_t shdr(struct elf *e, uint64_t i)
{
	return e->shoff + i * e->shentsize;
}

static void ident(struct rd *r, struct elf_info *info)
{
	unsigned cls, data;

	if (!rd_span(r, 0, 16, "ELF identification"))
		return;
	cls = r->p[4];
	data = r->p[5];
	if (cls != 1 && cls != 2) {
		rd_fail(r, RD_MALFORMED, "malformed: bad ELF class byte %u",
		     cls);
		return;
	}
	if (data != 1 && data != 2) {
		rd_fail(r, RD_MALFORMED, "malformed: bad ELF data byte %u",
		     data);
		return;
	}
	if (r->p[6] != 1) {
		rd_fail(r, RD_MALFORMED, "malformed: bad ELF version %u",
		     r->p[6]);
		return;
	}
	r->is64 = cls == 2;
	r->be = data == 2;
	info->elfclass = r->is64 ? 64 : 32;
	info->big_endian = r->be;
}

/* the section count, from e_shnum or, when that is 0, from sh_size of
 * section 0 (extended numbering for files with 65280+ sections) */
static uint64_t section_count(struct elf *e)
{
	struct rd *r = &e->r;
	uint64_t n = fld(r, 0, E_SHNUM);

	if (!e->shoff)
		return 0;
	if (n == 0 && e->shentsize >= structsize(r, SHDR) &&
	    rd_span(r, e->shoff, e->shentsize, "section header 0"))
		n = fld(r, e->shoff, SH_SIZE);
	return n;
}

/* checks the program and section header tables against the file */
static void tables(struct elf *e)
{
	struct rd *r = &e->r;

	e->phoff = fld(r, 0, E_PHOFF);
	e->phnum = fld(r, 0, E_PHNUM);
	e->phentsize = fld(r, 0, E_PHENTSIZE);
	e->shoff = fld(r, 0, E_SHOFF);
	e->shentsize = fld(r, 0, E_SHENTSIZE);
	e->shnum = section_count(e);
	if (e->phnum && e->phentsize < structsize(r, PHDR)) {
		rd_fail(r, RD_MALFORMED, "malformed: e_phentsize %u is "
		     "smaller than %u", e->phentsize, structsize(r, PHDR));
		return;
	}
	if (e->shnum && e->shentsize < structsize(r, SHDR)) {
		rd_fail(r, RD_MALFORMED, "malformed: e_shentsize %u is "
		     "smaller than %u", e->shentsize, structsize(r, SHDR));
		return;
	}
	if (e->shnum && e->shnum > UINT64_MAX / e->shentsize) {
		rd_fail(r, RD_MALFORMED, "malformed: absurd section count "
		     "%llu", (ull)e->shnum);
		return;
	}
	rd_span(r, e->phoff, (uint64_t)e->phnum * e->phentsize,
	     "program header table");
	rd_span(r, e->shoff, e->shnum * e->shentsize, "section header table");
}

static void header(struct elf *e)
{
	struct rd *r = &e->r;

	ident(r, e->info);
	if (!rd_span(r, 0, structsize(r, EHDR), "ELF header"))
		return;
	e->info->type = fld(r, 0, E_TYPE);
	e->info->machine = fld(r, 0, E_MACHINE);
	e->info->flags = fld(r, 0, E_FLAGS);
	if (fld(r, 0, E_VERSION) != 1) {
		rd_fail(r, RD_MALFORMED, "malformed: e_version is not 1");
		return;
	}
	tables(e);
}

static void interp(struct elf *e, uint64_t ph)
{
	struct rd *r = &e->r;
	uint64_t off = fld(r, ph, P_OFFSET), size = fld(r, ph, P_FILESZ);

	if (e->info->interp || !rd_span(r, off, size, "PT_INTERP"))
		return;
	e->info->interp = rd_str(r, off, size, 0, "PT_INTERP");
}

static void segments(struct elf *e)
{
	struct rd *r = &e->r;
	unsigned i;

	for (i = 0; i < e->phnum && !r->rc; i++) {
		uint64_t ph = phdr(e, i), type = fld(r, ph, P_TYPE);

		if (type == PT_INTERP)
			interp(e, ph);
		if (type == PT_DYNAMIC && !e->info->dynamic) {
			e->info->dynamic = 1;
			e->dynoff = fld(r, ph, P_OFFSET);
			e->dynsize = fld(r, ph, P_FILESZ);
		}
	}
}

/* the file offset of a virtual address, through the PT_LOAD segments;
 * *avail gets the bytes of the segment from there on */
static int vaddr_off(struct elf *e, uint64_t addr, uint64_t *off,
                     uint64_t *avail, const char *what)
{
	struct rd *r = &e->r;
	unsigned i;

	for (i = 0; i < e->phnum && !r->rc; i++) {
		uint64_t ph = phdr(e, i), va = fld(r, ph, P_VADDR);
		uint64_t fo = fld(r, ph, P_OFFSET), sz = fld(r, ph, P_FILESZ);

		if (fld(r, ph, P_TYPE) != PT_LOAD || addr < va ||
		    addr - va >= sz)
			continue;
		if (addr - va > UINT64_MAX - fo)
			break;
		*off = fo + (addr - va);
		*avail = sz - (addr - va);
		return 1;
	}
	rd_fail(r, RD_MALFORMED, "malformed: %s address 0x%llx is in no PT_LOAD "
	     "segment", what, (ull)addr);
	return 0;
}

/* the string table a section's sh_link names */
static int linked_strtab(struct elf *e, uint64_t sh, struct strtab *st)
{
	struct rd *r = &e->r;
	uint64_t link = fld(r, sh, SH_LINK);

	if (r->rc)
		return 0;
	if (link == 0 || link >= e->shnum) {
		rd_fail(r, RD_MALFORMED, "malformed: sh_link %llu out of range "
		     "(%llu sections)", (ull)link, (ull)e->shnum);
		return 0;
	}
	st->off = fld(r, shdr(e, link), SH_OFFSET);
	st->size = fld(r, shdr(e, link), SH_SIZE);
	return rd_span(r, st->off, st->size, "string table");
}

/* the data of a section with entries of at least min bytes; *n gets the
 * entry count, capped at CAP */
static int table(struct elf *e, uint64_t sh, int min, const char *what,
                 uint64_t *off, uint64_t *ent, uint64_t *n)
{
	struct rd *r = &e->r;
	uint64_t size = fld(r, sh, SH_SIZE);

	*off = fld(r, sh, SH_OFFSET);
	*ent = fld(r, sh, SH_ENTSIZE);
	if (!r->rc && *ent < structsize(r, min)) {
		rd_fail(r, RD_MALFORMED, "malformed: %s entsize %llu is smaller "
		     "than %u", what, (ull)*ent, structsize(r, min));
		return 0;
	}
	if (!rd_span(r, *off, size, what))
		return 0;
	*n = size / *ent;
	if (*n > CAP)
		*n = CAP;
	return 1;
}

static void add_verneed(struct elf *e, const char *file, const char *name)
{
	struct elf_info *info = e->info;

	if (info->nverneed == e->vncap) {
		e->vncap = e->vncap ? 2 * e->vncap : 8;
		info->verneed = xrealloc(info->verneed,
		                         e->vncap * sizeof(*info->verneed));
	}
	info->verneed[info->nverneed].file = file;
	info->verneed[info->nverneed++].name = name;
}

/* the vn_cnt Vernaux entries of one Verneed; pos is relative to the
 * section (off, size).  Offsets only grow by at least one entry, so the
 * chain cannot cycle and ends within size / 16 steps. */
static void vernaux(struct elf *e, uint64_t off, uint64_t size, uint64_t pos,
                    unsigned cnt, const char *file, const struct strtab *st)
{
	struct rd *r = &e->r;
	unsigned i;

	for (i = 0; i < cnt && !r->rc; i++) {
		uint64_t name, next;
		const char *s;

		if (pos > size || size - pos < 16) {
			rd_fail(r, RD_MALFORMED, "malformed: vernaux at "
			     "%llu outside its section", (ull)pos);
			return;
		}
		name = rd_get(r, off, pos + 8, 4);
		next = rd_get(r, off, pos + 12, 4);
		s = rd_str(r, st->off, st->size, name, "vernaux");
		if (!s)
			return;
		add_verneed(e, file, s);
		if (!next)
			return;
		if (next < 16) {
			rd_fail(r, RD_MALFORMED, "malformed: vna_next %llu "
			     "overlaps its entry", (ull)next);
			return;
		}
		pos += next;
	}
}

/* walks the Verneed chain at (off, size) */
static void verneed(struct elf *e, uint64_t off, uint64_t size,
                    const struct strtab *st)
{
	struct rd *r = &e->r;
	uint64_t pos = 0;

	while (!r->rc) {
		uint64_t cnt, file, aux, next;

		if (size - pos < 16) {
			rd_fail(r, RD_MALFORMED, "malformed: verneed at %llu "
			     "outside its section", (ull)pos);
			return;
		}
		cnt = rd_get(r, off, pos + 2, 2);
		file = rd_get(r, off, pos + 4, 4);
		aux = rd_get(r, off, pos + 8, 4);
		next = rd_get(r, off, pos + 12, 4);
		vernaux(e, off, size, pos + aux, cnt,
		        rd_str(r, st->off, st->size, file, "verneed"), st);
		if (!next)
			return;
		if (next < 16) {
			rd_fail(r, RD_MALFORMED, "malformed: vn_next %llu "
			     "overlaps its entry", (ull)next);
			return;
		}
		if (next > size - pos) {
			rd_fail(r, RD_MALFORMED, "malformed: vn_next %llu "
			     "leaves its section", (ull)next);
			return;
		}
		pos += next;
	}
}

static void verneed_section(struct elf *e, uint64_t sh)
{
	struct rd *r = &e->r;
	struct strtab st;
	uint64_t off = fld(r, sh, SH_OFFSET), size = fld(r, sh, SH_SIZE);

	e->vnsec = 1;
	if (linked_strtab(e, sh, &st) && rd_span(r, off, size, ".gnu.version_r"))
		verneed(e, off, size, &st);
}

/* DT_NEEDED and DT_SONAME of n entries at off */
static void dyn_names(struct elf *e, uint64_t off, uint64_t ent, uint64_t n,
                      const struct strtab *st)
{
	struct rd *r = &e->r;
	uint64_t i;

	for (i = 0; i < n && !r->rc; i++) {
		uint64_t tag = fld(r, off + i * ent, D_TAG);
		uint64_t val = fld(r, off + i * ent, D_VAL);
		const char *s;

		if (tag == DT_NULL)
			return;
		if (tag == DT_NEEDED && (s = rd_str(r, st->off, st->size, val,
		                                 "DT_NEEDED")))
			sv_push(&e->needed, s);
		if (tag == DT_SONAME)
			e->info->soname = rd_str(r, st->off, st->size, val,
			                      "DT_SONAME");
	}
}

static void dynamic_section(struct elf *e, uint64_t sh)
{
	struct strtab st;
	uint64_t off, ent, n;

	e->dynsec = 1;
	if (linked_strtab(e, sh, &st) &&
	    table(e, sh, DYN, "dynamic section", &off, &ent, &n))
		dyn_names(e, off, ent, n, &st);
}

/* the value of the first entry with tag among n entries at off; 0 if none */
static uint64_t dyn_value(struct elf *e, uint64_t off, uint64_t n,
                          uint64_t tag, int *found)
{
	struct rd *r = &e->r;
	uint64_t i, ent = structsize(r, DYN);

	*found = 0;
	for (i = 0; i < n && !r->rc; i++) {
		uint64_t t = fld(r, off + i * ent, D_TAG);

		if (t == DT_NULL)
			break;
		if (t == tag) {
			*found = 1;
			return fld(r, off + i * ent, D_VAL);
		}
	}
	return 0;
}

/* without section headers: PT_DYNAMIC, with DT_STRTAB and DT_VERNEED
 * translated to file offsets through the PT_LOAD segments */
static void dynamic_segment(struct elf *e)
{
	struct rd *r = &e->r;
	struct strtab st;
	uint64_t n, avail, addr, vn;
	int found;

	if (!rd_span(r, e->dynoff, e->dynsize, "PT_DYNAMIC"))
		return;
	n = e->dynsize / structsize(r, DYN);
	if (n > CAP)
		n = CAP;
	addr = dyn_value(e, e->dynoff, n, DT_STRTAB, &found);
	if (!found)
		return;
	st.size = dyn_value(e, e->dynoff, n, DT_STRSZ, &found);
	if (!vaddr_off(e, addr, &st.off, &avail, "DT_STRTAB") ||
	    !rd_span(r, st.off, st.size, "DT_STRTAB"))
		return;
	dyn_names(e, e->dynoff, structsize(r, DYN), n, &st);
	addr = dyn_value(e, e->dynoff, n, DT_VERNEED, &found);
	if (found && !e->vnsec && vaddr_off(e, addr, &vn, &avail, "DT_VERNEED")
	    && rd_span(r, vn, avail, "DT_VERNEED"))
		verneed(e, vn, avail, &st);
}

/* Old std::string ABI, by heuristic: members of std::string mangle as
 * _ZNSs / _ZNKSs (Ss is the std::string abbreviation), and some names
 * spell basic_string<char> out in full.  The new ABI's names all contain
 * "__cxx11", so such names are never counted as old.  Free functions that
 * only take an old std::string parameter ("_Z1fSs") are missed. */
static int cxx03_name(const char *s)
{
	if (strstr(s, "__cxx11"))
		return 0;
	return startswith(s, "_ZNSs") || startswith(s, "_ZNKSs") ||
	       strstr(s, "St12basic_stringIcSt11char_traitsIcESaIcEE") != NULL;
}

static void symbols(struct elf *e, uint64_t sh)
{
	struct rd *r = &e->r;
	struct strtab st;
	uint64_t off, ent, n, i;

	if (!linked_strtab(e, sh, &st) ||
	    !table(e, sh, SYM, "symbol table", &off, &ent, &n))
		return;
	for (i = 0; i < n && !r->rc; i++) {
		const char *s = rd_str(r, st.off, st.size,
		                    fld(r, off + i * ent, ST_NAME), "symbol");

		if (!s)
			return;
		if (strstr(s, "__cxx11"))
			e->info->cxx11_syms++;
		else if (cxx03_name(s))
			e->info->cxx03_syms++;
	}
}

/* ULEB128 at *pos of (off, size) */
static uint64_t uleb(struct rd *r, uint64_t off, uint64_t size, uint64_t *pos)
{
	uint64_t v = 0;
	unsigned shift = 0, b;

	do {
		if (*pos >= size) {
			rd_fail(r, RD_MALFORMED, "malformed: ULEB128 runs past its "
			     "attribute subsection");
			return 0;
		}
		if (shift > 63) {
			rd_fail(r, RD_MALFORMED, "malformed: ULEB128 too long");
			return 0;
		}
		b = r->p[off + (*pos)++];
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	return v;
}

/* skips the NUL-terminated string at *pos of (off, size) */
static void ntbs(struct rd *r, uint64_t off, uint64_t size, uint64_t *pos)
{
	const char *s = rd_str(r, off, size, *pos, "attribute");

	if (s)
		*pos += strlen(s) + 1;
}

/* the attributes of a Tag_File sub-subsection.  Tags 4, 5 and 67 and, past
 * 32, odd tags hold strings; Tag_compatibility a number and a string; the
 * rest ULEB128 numbers (ARM IHI 0045, "Attribute tags"). */
static void file_attrs(struct elf *e, uint64_t off, uint64_t size)
{
	struct rd *r = &e->r;
	uint64_t pos = 0;

	while (pos < size && !r->rc) {
		uint64_t tag = uleb(r, off, size, &pos), v;

		if (tag == 4 || tag == 5 || tag == 67 || (tag > 32 && tag & 1)) {
			ntbs(r, off, size, &pos);
			continue;
		}
		v = uleb(r, off, size, &pos);
		if (tag == TAG_COMPATIBILITY)
			ntbs(r, off, size, &pos);
		if (tag == TAG_ABI_VFP_ARGS && v == 1)
			e->info->arm_hard_float = 1;
		if (tag == TAG_CPU_ARCH)
			e->info->arm_cpu_arch = (int)v;
		if (tag == TAG_THUMB_ISA_USE)
			e->info->arm_thumb = (int)v;
		if (tag == TAG_FP_ARCH)
			e->info->arm_fp = (int)v;
		if (tag == TAG_ADVANCED_SIMD_ARCH)
			e->info->arm_simd = (int)v;
	}
}

/* the sub-subsections of the "aeabi" subsection at (off, size) */
static void aeabi(struct elf *e, uint64_t off, uint64_t size)
{
	struct rd *r = &e->r;
	uint64_t pos = 0;

	while (pos < size && !r->rc) {
		uint64_t start = pos, tag = uleb(r, off, size, &pos), len;

		if (r->rc || size - pos < 4) {
			rd_fail(r, RD_MALFORMED, "malformed: attribute "
			     "sub-subsection header past its end");
			return;
		}
		len = rd_get(r, off, pos, 4);
		pos += 4;
		if (len < pos - start || len > size - start) {
			rd_fail(r, RD_MALFORMED, "malformed: attribute "
			     "sub-subsection length %llu", (ull)len);
			return;
		}
		if (tag == TAG_FILE)
			file_attrs(e, off + pos, len - (pos - start));
		pos = start + len;
	}
}

/* .ARM.attributes: 'A', then subsections of a 4-byte length (counting
 * itself), a vendor name and vendor data */
static void arm_attributes(struct elf *e, uint64_t sh)
{
	struct rd *r = &e->r;
	uint64_t off = fld(r, sh, SH_OFFSET), size = fld(r, sh, SH_SIZE);
	uint64_t pos = 1;

	if (!rd_span(r, off, size, ".ARM.attributes") || size == 0)
		return;
	if (r->p[off] != 'A') {
		rd_fail(r, RD_MALFORMED, "malformed: .ARM.attributes "
		     "format %u", r->p[off]);
		return;
	}
	while (pos < size && !r->rc) {
		uint64_t len = size - pos < 4 ? 0 : rd_get(r, off, pos, 4);
		const char *vendor;

		if (len < 4 || len > size - pos) {
			rd_fail(r, RD_MALFORMED, "malformed: .ARM.attributes "
			     "subsection length %llu", (ull)len);
			return;
		}
		vendor = rd_str(r, off + pos + 4, len - 4, 0, ".ARM.attributes");
		if (vendor && strcmp(vendor, "aeabi") == 0)
			aeabi(e, off + pos + 10, len - 10);
		pos += len;
	}
}

static void sections(struct elf *e)
{
	struct rd *r = &e->r;
	uint64_t i;

	for (i = 0; i < e->shnum && !r->rc; i++) {
		uint64_t sh = shdr(e, i), type = fld(r, sh, SH_TYPE);

		if (type == SHT_DYNAMIC && !e->dynsec)
			dynamic_section(e, sh);
		else if (type == SHT_GNU_verneed && !e->vnsec)
			verneed_section(e, sh);
		else if (type == (e->info->type == ET_REL ? SHT_SYMTAB : SHT_DYNSYM))
			symbols(e, sh);   /* the ABI boundary: what an object
			                     defines and uses, what a linked file
			                     imports and exports (a runtime linked
			                     in statically is inside it) */
		else if (type == SHT_ARM_ATTRIBUTES &&
		         e->info->machine == EM_ARM)
			arm_attributes(e, sh);
	}
}

static void parse_elf(struct elf *e)
{
	struct elf_info *info = e->info;

	info->format = FMT_ELF;
	header(e);
	if (info->machine == EM_ARM)
		info->arm_hard_float = !!(info->flags & EF_ARM_ABI_FLOAT_HARD);
	segments(e);
	sections(e);
	if (info->dynamic && !e->dynsec && !e->r.rc)
		dynamic_segment(e);
	info->needed = e->needed.v;
	info->nneeded = e->needed.n;
}

/* ---- entry points ---- */

/* 1 if the file starts with magic, or with part of it and ends there */
static int magic_prefix(const unsigned char *data, size_t size,
                        const char *magic, size_t len)
{
	return memcmp(data, magic, size < len ? size : len) == 0;
}

int elf_parse(const unsigned char *data, size_t size, struct elf_info *info,
              char *err, size_t errlen)
{
	struct elf e;

	memset(info, 0, sizeof(*info));
	memset(&e, 0, sizeof(e));
	info->arm_hard_float = info->arm_cpu_arch = info->arm_thumb = -1;
	info->arm_fp = info->arm_simd = -1;
	e.r.p = data;
	e.r.size = size;
	e.r.err = err;
	e.r.errlen = errlen;
	e.info = info;
	if (errlen)
		err[0] = '\0';
	if (size == 0)
		rd_fail(&e.r, RD_TRUNCATED, "truncated: empty file");
	else if (size >= 2 && magic_prefix(data, size, "MZ", 2))
		pe_parse(&e.r, info);
	else if (size < 4 && (magic_prefix(data, size, "\177ELF", 4) ||
	                      magic_prefix(data, size, "MZ", 2)))
		rd_fail(&e.r, RD_TRUNCATED, "truncated: file has %zu bytes", size);
	else if (!magic_prefix(data, size, "\177ELF", 4))
		rd_fail(&e.r, RD_MALFORMED, "malformed: not an ELF or PE file");
	else
		parse_elf(&e);
	return e.r.rc;
}

int elf_read(const char *path, struct elf_info *info, char *err, size_t errlen)
{
	size_t len = 0;
	const char *kind;
	unsigned char *p = (unsigned char *)read_file(path, MAXFILE, &len, &kind);

	if (!p) {
		memset(info, 0, sizeof(*info));
		if (kind)
			snprintf(err, errlen, "%s is %s, not a regular file", path, kind);
		else if (errno == EFBIG)
			snprintf(err, errlen, "%s: larger than 1 GiB", path);
		else
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return kind ? RD_NOTFILE : RD_UNREADABLE;
	}
	return elf_parse(p, len, info, err, errlen);
}

const char *elf_max_version(const struct elf_info *info, const char *prefix)
{
	const char *best = NULL;
	size_t i, n = strlen(prefix);

	for (i = 0; i < info->nverneed; i++) {
		const char *s = info->verneed[i].name;

		if (!s || strncmp(s, prefix, n) != 0 ||
		    s[n] < '0' || s[n] > '9')
			continue;
		if (!best || version_strcmp(s + n, best) > 0)
			best = s + n;
	}
	return best;
}

static const struct machine {
	int format, machine;
	const char *name;
} machines[] = {
	{FMT_ELF, EM_SPARC, "sparc"},     {FMT_ELF, EM_386, "i386"},
	{FMT_ELF, EM_MIPS, "mips"},       {FMT_ELF, EM_PPC, "ppc"},
	{FMT_ELF, EM_PPC64, "ppc64"},     {FMT_ELF, EM_S390, "s390x"},
	{FMT_ELF, EM_ARM, "arm"},         {FMT_ELF, EM_SPARCV9, "sparc64"},
	{FMT_ELF, EM_X86_64, "x86_64"},   {FMT_ELF, EM_AARCH64, "aarch64"},
	{FMT_ELF, EM_RISCV, "riscv"},     {FMT_ELF, 258, "loongarch"},
	{FMT_PE, IMAGE_FILE_MACHINE_I386, "i386"},
	{FMT_PE, IMAGE_FILE_MACHINE_ARMNT, "arm"},
	{FMT_PE, IMAGE_FILE_MACHINE_AMD64, "x86_64"},
	{FMT_PE, IMAGE_FILE_MACHINE_ARM64, "arm64"},
};

const char *elf_machine_name(int format, int machine)
{
	size_t i;

	for (i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
		if (machines[i].format == format &&
		    machines[i].machine == machine)
			return machines[i].name;
	return xprintf("unknown(%d)", machine);
}

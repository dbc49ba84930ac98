/* test_elf.c: elfread on ELF and PE images built in memory, then broken on
 * purpose.  Arguments PATH=MACHINE:CLASS check real files instead, e.g.
 * build/tests/test_elf /bin/ls=x86_64:64; --seeds DIR writes the images as
 * fuzzing seeds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compat/elfread.h"
#include "unit.h"

/* ---- an ELF image builder ---- */

#define BASE 0x10000         /* vaddr of file offset 0 */

struct img {
	unsigned char b[4096];
	size_t n;
	int is64, be;
	size_t eh, ph, sh, dyn, sym;   /* structure sizes of the class */
	size_t phoff, shoff, shnum;
	size_t interp, dynstr, dynstr_size, dynamic, vr, dynsym, attrs;
	size_t s_libc, s_cxx;          /* dynstr offsets of two strings */
};

static void put(struct img *im, size_t off, uint64_t v, int len)
{
	int i;

	for (i = 0; i < len; i++)
		im->b[off + (im->be ? (size_t)(len - 1 - i) : (size_t)i)] =
			(unsigned char)(v >> (8 * i));
}

/* a field of 4 bytes in ELF32 and 8 in ELF64 (addresses, offsets) */
static void word(struct img *im, size_t off, uint64_t v)
{
	put(im, off, v, im->is64 ? 8 : 4);
}

/* the offset of a field: o32 in ELF32, o64 in ELF64 */
static size_t at(const struct img *im, size_t o32, size_t o64)
{
	return im->is64 ? o64 : o32;
}

static size_t align(struct img *im)
{
	im->n = (im->n + 7) & ~(size_t)7;
	return im->n;
}

static size_t add_bytes(struct img *im, const void *p, size_t n)
{
	size_t off = im->n;

	memcpy(im->b + off, p, n);
	im->n += n;
	return off;
}

static size_t add_str(struct img *im, const char *s)
{
	return add_bytes(im, s, strlen(s) + 1) - im->dynstr;
}

static void ehdr(struct img *im, int machine, uint32_t flags)
{
	memcpy(im->b, "\177ELF", 4);
	im->b[4] = im->is64 ? 2 : 1;
	im->b[5] = im->be ? 2 : 1;
	im->b[6] = 1;
	put(im, 16, 3, 2);
	put(im, 18, (uint64_t)machine, 2);
	put(im, 20, 1, 4);
	word(im, at(im, 28, 32), im->phoff);
	word(im, at(im, 32, 40), im->shoff);
	put(im, at(im, 36, 48), flags, 4);
	put(im, at(im, 40, 52), im->eh, 2);
	put(im, at(im, 42, 54), im->ph, 2);
	put(im, at(im, 44, 56), 3, 2);
	put(im, at(im, 46, 58), im->sh, 2);
	put(im, at(im, 48, 60), im->shnum, 2);
}

static void phdr(struct img *im, int i, uint32_t type, size_t off, size_t size)
{
	size_t p = im->phoff + (size_t)i * im->ph;

	put(im, p, type, 4);
	word(im, p + at(im, 4, 8), off);
	word(im, p + at(im, 8, 16), BASE + off);
	word(im, p + at(im, 16, 32), size);
	word(im, p + at(im, 20, 40), size);
}

static void shdr(struct img *im, int i, uint32_t type, size_t off,
                 size_t size, uint32_t link, uint32_t info, size_t entsize)
{
	size_t s = im->shoff + (size_t)i * im->sh;

	put(im, s + 4, type, 4);
	word(im, s + at(im, 12, 16), BASE + off);
	word(im, s + at(im, 16, 24), off);
	word(im, s + at(im, 20, 32), size);
	put(im, s + at(im, 24, 40), link, 4);
	put(im, s + at(im, 28, 44), info, 4);
	word(im, s + at(im, 36, 56), entsize);
}

static void dynent(struct img *im, int i, uint64_t tag, uint64_t val)
{
	word(im, im->dynamic + (size_t)i * im->dyn, tag);
	word(im, im->dynamic + (size_t)i * im->dyn + im->dyn / 2, val);
}

static void vn(struct img *im, size_t off, int cnt, size_t file, size_t next)
{
	put(im, im->vr + off, 1, 2);
	put(im, im->vr + off + 2, (uint64_t)cnt, 2);
	put(im, im->vr + off + 4, file, 4);
	put(im, im->vr + off + 8, 16, 4);
	put(im, im->vr + off + 12, next, 4);
}

static void vna(struct img *im, size_t off, size_t name, size_t next)
{
	put(im, im->vr + off + 8, name, 4);
	put(im, im->vr + off + 12, next, 4);
}

static void sym(struct img *im, int i, size_t name)
{
	put(im, im->dynsym + (size_t)i * im->sym, name, 4);
}

static void strings(struct img *im, size_t s[8])
{
	static const char *const names[8] = {
		"", "libc.so.6", "libstdc++.so.6", "libfoo.so.1",
		"GLIBC_2.2.5", "GLIBC_2.17", "GLIBC_PRIVATE", "GLIBCXX_3.4.21",
	};
	int i;

	im->dynstr = im->n;
	for (i = 0; i < 8; i++)
		s[i] = add_str(im, names[i]);
	im->s_libc = s[1];
}

static void verneeds(struct img *im, const size_t s[8])
{
	im->vr = align(im);
	im->n += 96;
	vn(im, 0, 3, s[1], 64);
	vna(im, 16, s[4], 16);
	vna(im, 32, s[5], 16);
	vna(im, 48, s[6], 0);
	vn(im, 64, 1, s[2], 0);
	vna(im, 80, s[7], 0);
}

static void dynamics(struct img *im, const size_t s[8])
{
	im->dynamic = align(im);
	im->n += 8 * im->dyn;
	dynent(im, 0, 1, s[1]);                 /* DT_NEEDED */
	dynent(im, 1, 1, s[2]);
	dynent(im, 2, 14, s[3]);                /* DT_SONAME */
	dynent(im, 3, 5, BASE + im->dynstr);    /* DT_STRTAB */
	dynent(im, 4, 10, im->dynstr_size);     /* DT_STRSZ */
	dynent(im, 5, 0x6ffffffe, BASE + im->vr);
	dynent(im, 6, 0x6fffffff, 2);           /* DT_VERNEEDNUM */
	dynent(im, 7, 0, 0);
}

/* a shared library with an interpreter, two DT_NEEDED, a soname, version
 * needs and three dynamic symbols; attrs adds a .ARM.attributes section */
static void build(struct img *im, int is64, int be, int machine,
                  uint32_t flags, const void *attrs, size_t nattrs)
{
	static const char interp[] = "/lib/ld-test.so.1";
	size_t s[8], cxx11, cxx03;

	memset(im, 0, sizeof(*im));
	im->is64 = is64;
	im->be = be;
	im->eh = is64 ? 64 : 52;
	im->ph = is64 ? 56 : 32;
	im->sh = is64 ? 64 : 40;
	im->dyn = is64 ? 16 : 8;
	im->sym = is64 ? 24 : 16;
	im->n = im->eh;
	im->phoff = align(im);
	im->n += 3 * im->ph;
	im->interp = add_bytes(im, interp, sizeof(interp));
	strings(im, s);
	cxx11 = add_str(im, "_ZNKSt7__cxx1112basic_stringIcSt11char_traits"
	                    "IcESaIcEE4sizeEv");
	cxx03 = add_str(im, "_ZNSsC1Ev");
	im->s_cxx = cxx11;
	im->dynstr_size = im->n - im->dynstr;
	verneeds(im, s);
	dynamics(im, s);
	im->dynsym = align(im);
	im->n += 3 * im->sym;
	sym(im, 1, cxx11);
	sym(im, 2, cxx03);
	im->attrs = nattrs ? add_bytes(im, attrs, nattrs) : 0;
	im->shoff = align(im);
	im->shnum = nattrs ? 6 : 5;
	im->n += im->shnum * im->sh;
	shdr(im, 1, 3, im->dynstr, im->dynstr_size, 0, 0, 0);
	shdr(im, 2, 6, im->dynamic, 8 * im->dyn, 1, 0, im->dyn);
	shdr(im, 3, 0x6ffffffe, im->vr, 96, 1, 2, 0);
	shdr(im, 4, 11, im->dynsym, 3 * im->sym, 1, 1, im->sym);
	if (nattrs)
		shdr(im, 5, 0x70000003, im->attrs, nattrs, 0, 0, 0);
	phdr(im, 0, 1, 0, im->n);
	phdr(im, 1, 3, im->interp, sizeof(interp));
	phdr(im, 2, 2, im->dynamic, 8 * im->dyn);
	ehdr(im, machine, flags);
}

/* the offset of section i's header field (o32, o64) */
static size_t shf(const struct img *im, int i, size_t o32, size_t o64)
{
	return im->shoff + (size_t)i * im->sh + at(im, o32, o64);
}

/* ---- a PE image builder ---- */

struct pe {
	unsigned char b[1024];
	size_t n, opt, optsize, sec, raw;
};

static void le(unsigned char *p, uint64_t v, int len)
{
	int i;

	for (i = 0; i < len; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* an executable importing KERNEL32.dll and msvcrt.dll from one section
 * at RVA 0x1000, file offset 0x200 */
static void build_pe(struct pe *pe, int machine, int pe64, int subsystem)
{
	size_t dd = pe64 ? 112 : 96;
	unsigned char *raw;

	memset(pe, 0, sizeof(*pe));
	memcpy(pe->b, "MZ", 2);
	le(pe->b + 0x3c, 0x40, 4);
	memcpy(pe->b + 0x40, "PE\0\0", 4);
	le(pe->b + 0x44, (uint64_t)machine, 2);
	le(pe->b + 0x46, 1, 2);
	pe->optsize = dd + 16 * 8;
	le(pe->b + 0x54, pe->optsize, 2);
	pe->opt = 0x58;
	le(pe->b + pe->opt, pe64 ? 0x20b : 0x10b, 2);
	le(pe->b + pe->opt + 68, (uint64_t)subsystem, 2);
	le(pe->b + pe->opt + dd - 4, 16, 4);
	le(pe->b + pe->opt + dd + 8, 0x1000, 4);
	le(pe->b + pe->opt + dd + 12, 60, 4);
	pe->sec = pe->opt + pe->optsize;
	memcpy(pe->b + pe->sec, ".idata", 6);
	le(pe->b + pe->sec + 8, 96, 4);
	le(pe->b + pe->sec + 12, 0x1000, 4);
	le(pe->b + pe->sec + 16, 96, 4);
	le(pe->b + pe->sec + 20, 0x200, 4);
	pe->raw = 0x200;
	raw = pe->b + pe->raw;
	le(raw + 12, 0x1000 + 60, 4);
	le(raw + 32, 0x1000 + 73, 4);
	memcpy(raw + 60, "KERNEL32.dll", 13);
	memcpy(raw + 73, "msvcrt.dll", 11);
	pe->n = pe->raw + 96;
}

/* ---- cases ---- */

static int parse(const void *p, size_t n, struct elf_info *e, char *err)
{
	/* an exact-size copy, so that a sanitizer sees any over-read; it
	 * lives until the next call, as e's strings point into it */
	static unsigned char *copy;

	free(copy);
	copy = malloc(n ? n : 1);
	memcpy(copy, p, n);
	return elf_parse(copy, n, e, err, 256);
}

static int has_needed(const struct elf_info *e, size_t i, const char *s)
{
	return i < e->nneeded && streq(e->needed[i], s);
}

static void check_good(const char *pfx, const struct img *im, int machine)
{
	struct elf_info e;
	char err[256], name[64];
	int rc = elf_parse(im->b, im->n, &e, err, sizeof(err));

#define NAME(s) (snprintf(name, sizeof(name), "%s-%s", pfx, s), name)
	CHECK(NAME("ok"), rc == RD_OK, "rc %d: %s", rc, err);
	CHECK(NAME("class"), e.elfclass == (im->is64 ? 64 : 32) &&
	      e.big_endian == im->be && e.format == FMT_ELF,
	      "class %d be %d", e.elfclass, e.big_endian);
	CHECK(NAME("header"), e.machine == machine && e.type == 3,
	      "machine %d type %d", e.machine, e.type);
	CHECK(NAME("interp"), streq(e.interp, "/lib/ld-test.so.1") && e.dynamic,
	      "interp %s", e.interp);
	CHECK(NAME("needed"), e.nneeded == 2 && has_needed(&e, 0, "libc.so.6")
	      && has_needed(&e, 1, "libstdc++.so.6"), "%zu needed", e.nneeded);
	CHECK(NAME("soname"), streq(e.soname, "libfoo.so.1"), "%s", e.soname);
	CHECK(NAME("verneed"), e.nverneed == 4 &&
	      streq(e.verneed[1].file, "libc.so.6") &&
	      streq(e.verneed[1].name, "GLIBC_2.17") &&
	      streq(e.verneed[3].file, "libstdc++.so.6"),
	      "%zu verneed", e.nverneed);
	CHECK(NAME("glibc"), streq(elf_max_version(&e, "GLIBC_"), "2.17"),
	      "%s", elf_max_version(&e, "GLIBC_"));
	CHECK(NAME("glibcxx"), streq(elf_max_version(&e, "GLIBCXX_"),
	      "3.4.21"), "%s", elf_max_version(&e, "GLIBCXX_"));
	CHECK(NAME("cxx-syms"), e.cxx11_syms == 1 && e.cxx03_syms == 1,
	      "cxx11 %zu cxx03 %zu", e.cxx11_syms, e.cxx03_syms);
#undef NAME
}

/* section headers gone: PT_DYNAMIC, DT_STRTAB, DT_VERNEED must suffice */
static void check_noshdr(void)
{
	struct img im;
	struct elf_info e;
	char err[256];
	int rc;

	build(&im, 1, 0, 62, 0, NULL, 0);
	word(&im, at(&im, 32, 40), 0);
	put(&im, at(&im, 48, 60), 0, 2);
	rc = parse(im.b, im.n, &e, err);
	CHECK("noshdr-ok", rc == RD_OK, "rc %d: %s", rc, err);
	CHECK("noshdr-needed", e.nneeded == 2 && has_needed(&e, 1,
	      "libstdc++.so.6") && streq(e.soname, "libfoo.so.1"),
	      "%zu needed", e.nneeded);
	CHECK("noshdr-glibc", streq(elf_max_version(&e, "GLIBC_"), "2.17"),
	      "%s", elf_max_version(&e, "GLIBC_"));
	CHECK("noshdr-nosyms", e.cxx11_syms == 0, "%zu", e.cxx11_syms);
	build(&im, 1, 0, 62, 0, NULL, 0);
	word(&im, at(&im, 32, 40), 0);
	dynent(&im, 3, 5, 0x900000);
	rc = parse(im.b, im.n, &e, err);
	CHECK("noshdr-strtab-unmapped", rc == RD_MALFORMED, "rc %d: %s", rc,
	      err);
	build(&im, 1, 0, 62, 0, NULL, 0);
	word(&im, at(&im, 32, 40), 0);
	word(&im, im.phoff + 2 * im.ph + 8, 100000);
	rc = parse(im.b, im.n, &e, err);
	CHECK("noshdr-dynamic-past-eof", rc == RD_TRUNCATED, "rc %d: %s", rc,
	      err);
}

/* every prefix of a valid file ends before a structure it describes */
static void check_prefixes(const char *name, const unsigned char *p,
                           size_t n)
{
	struct elf_info e;
	char err[256];
	size_t i;
	int rc = RD_TRUNCATED;

	for (i = 0; i < n && rc == RD_TRUNCATED; i++)
		rc = parse(p, i, &e, err);
	CHECK(name, rc == RD_TRUNCATED, "prefix %zu: rc %d: %s", i - 1, rc,
	      err);
}

/* one byte-patch per case, each applied to a fresh ELF64 LE image */
static void p_class(struct img *im) { im->b[4] = 3; }
static void p_data(struct img *im) { im->b[5] = 0; }
static void p_magic(struct img *im) { im->b[1] = 'e'; }
static void p_version(struct img *im) { im->b[6] = 2; }
static void p_phoff(struct img *im) { word(im, 32, 1u << 20); }
static void p_shoff(struct img *im) { word(im, 40, 1u << 20); }
static void p_phoff_huge(struct img *im) { word(im, 32, UINT64_MAX - 8); }
static void p_phnum(struct img *im) { put(im, 56, 0xffff, 2); }
static void p_shnum(struct img *im) { put(im, 60, 0xfffe, 2); }
static void p_phentsize(struct img *im) { put(im, 54, 8, 2); }
static void p_shentsize(struct img *im) { put(im, 58, 0, 2); }
static void p_link(struct img *im) { put(im, shf(im, 2, 24, 40), 9, 4); }
static void p_link0(struct img *im) { put(im, shf(im, 4, 24, 40), 0, 4); }
static void p_dyn_ent0(struct img *im) { word(im, shf(im, 2, 36, 56), 0); }
static void p_sym_ent0(struct img *im) { word(im, shf(im, 4, 36, 56), 0); }
static void p_sym_ent(struct img *im) { word(im, shf(im, 4, 36, 56), 7); }
static void p_needed_idx(struct img *im) { dynent(im, 0, 1, 5000); }
static void p_unterminated(struct img *im)
{
	word(im, shf(im, 1, 20, 32), im->s_libc + 4);
}
static void p_interp_unterm(struct img *im)
{
	word(im, im->phoff + im->ph + 32, 4);
}
static void p_interp_past(struct img *im)
{
	word(im, im->phoff + im->ph + 8, 4000);
}
static void p_sym_name(struct img *im) { sym(im, 1, 100000); }
static void p_dynsec_past(struct img *im)
{
	word(im, shf(im, 2, 16, 24), 100000);
}
static void p_strtab_past(struct img *im)
{
	word(im, shf(im, 1, 20, 32), 100000);
}
/* like ld.so, a vna_next of 0 ends the list whatever vn_cnt says */
static void p_vn_cnt(struct img *im) { put(im, im->vr + 2, 0xffff, 2); }
/* vn_next of the second entry wraps back to the first in 32-bit math */
static void p_vn_loop(struct img *im) { put(im, im->vr + 64 + 12, 0xffffffc0, 4); }
static void p_vn_self(struct img *im) { put(im, im->vr + 12, 1, 4); }
static void p_vna_loop(struct img *im) { put(im, im->vr + 32 + 12, 0xfffffff0, 4); }
static void p_vn_file(struct img *im) { put(im, im->vr + 4, 77777, 4); }
static void p_vr_size(struct img *im) { word(im, shf(im, 3, 20, 32), 8); }
/* extended numbering: e_shnum 0, count in sh_size of section 0 */
static void p_shnum_overflow(struct img *im)
{
	put(im, 60, 0, 2);
	word(im, shf(im, 0, 20, 32), UINT64_MAX / 3);
}
static void p_shnum_ext(struct img *im)
{
	put(im, 60, 0, 2);
	word(im, shf(im, 0, 20, 32), 5);
}

static const struct patch {
	const char *name;
	void (*fn)(struct img *);
	int want;
} patches[] = {
	{"bad-class", p_class, RD_MALFORMED},
	{"bad-data", p_data, RD_MALFORMED},
	{"bad-magic", p_magic, RD_MALFORMED},
	{"bad-version", p_version, RD_MALFORMED},
	{"phoff-past-end", p_phoff, RD_TRUNCATED},
	{"shoff-past-end", p_shoff, RD_TRUNCATED},
	{"phoff-overflow", p_phoff_huge, RD_MALFORMED},
	{"huge-phnum", p_phnum, RD_TRUNCATED},
	{"huge-shnum", p_shnum, RD_TRUNCATED},
	{"phentsize-small", p_phentsize, RD_MALFORMED},
	{"shentsize-zero", p_shentsize, RD_MALFORMED},
	{"sh-link-out-of-range", p_link, RD_MALFORMED},
	{"sh-link-zero", p_link0, RD_MALFORMED},
	{"dynamic-entsize-zero", p_dyn_ent0, RD_MALFORMED},
	{"dynsym-entsize-zero", p_sym_ent0, RD_MALFORMED},
	{"dynsym-entsize-small", p_sym_ent, RD_MALFORMED},
	{"needed-past-strtab", p_needed_idx, RD_MALFORMED},
	{"unterminated-string", p_unterminated, RD_MALFORMED},
	{"interp-unterminated", p_interp_unterm, RD_MALFORMED},
	{"interp-past-end", p_interp_past, RD_TRUNCATED},
	{"symbol-name-past-strtab", p_sym_name, RD_MALFORMED},
	{"dynamic-past-end", p_dynsec_past, RD_TRUNCATED},
	{"strtab-past-end", p_strtab_past, RD_TRUNCATED},
	{"verneed-loop", p_vn_loop, RD_MALFORMED},
	{"verneed-overlap", p_vn_self, RD_MALFORMED},
	{"vernaux-loop", p_vna_loop, RD_MALFORMED},
	{"vernaux-count-follows-chain", p_vn_cnt, RD_OK},
	{"verneed-file-past-strtab", p_vn_file, RD_MALFORMED},
	{"verneed-section-short", p_vr_size, RD_MALFORMED},
	{"shnum-product-overflow", p_shnum_overflow, RD_MALFORMED},
	{"shnum-extended", p_shnum_ext, RD_OK},
};

/* the std::string ABI symbols are counted at a file's ABI boundary: the
 * symbol table of an object, the dynamic symbols of a linked file (a
 * runtime linked in statically keeps its own in .symtab) */
static void check_abi_boundary(void)
{
	struct img im;
	struct elf_info e;
	char err[256];

	build(&im, 1, 0, 62, 0, NULL, 0);
	put(&im, shf(&im, 4, 4, 4), 2, 4);   /* the table is .symtab */
	parse(im.b, im.n, &e, err);
	CHECK("abi-boundary: a linked file's .symtab is inside it",
	      e.cxx11_syms == 0 && e.cxx03_syms == 0, "cxx11 %zu", e.cxx11_syms);
	put(&im, 16, 1, 2);                  /* ET_REL: an object */
	parse(im.b, im.n, &e, err);
	CHECK("abi-boundary: an object's .symtab counts",
	      e.cxx11_syms == 1 && e.cxx03_syms == 1, "cxx11 %zu", e.cxx11_syms);
}

static void check_patches(void)
{
	struct img im;
	struct elf_info e;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(patches) / sizeof(patches[0]); i++) {
		build(&im, 1, 0, 62, 0, NULL, 0);
		patches[i].fn(&im);
		rc = parse(im.b, im.n, &e, err);
		CHECK(patches[i].name, rc == patches[i].want,
		      "rc %d, want %d: %s", rc, patches[i].want, err);
	}
}

static void check_arm(void)
{
	/* 'A', subsection "aeabi": Tag_File { Tag_CPU_name "7-A",
	 * Tag_compatibility 0 "", Tag_ABI_VFP_args VAL } */
	unsigned char attrs[] = {
		'A', 27, 0, 0, 0, 'a', 'e', 'a', 'b', 'i', 0,
		1, 17, 0, 0, 0, 5, '7', '-', 'A', 0, 32, 0, 0, 28, 1, 26, 0,
	};
	struct img im;
	struct elf_info e;
	char err[256];
	int rc;

	build(&im, 0, 0, 40, 0x05000400, NULL, 0);
	rc = parse(im.b, im.n, &e, err);
	CHECK("arm-eflags-hard", rc == RD_OK && e.arm_hard_float == 1,
	      "rc %d hf %d: %s", rc, e.arm_hard_float, err);
	build(&im, 0, 0, 40, 0x05000000, attrs, sizeof(attrs));
	rc = parse(im.b, im.n, &e, err);
	CHECK("arm-attributes-hard", rc == RD_OK && e.arm_hard_float == 1,
	      "rc %d hf %d: %s", rc, e.arm_hard_float, err);
	check_prefixes("arm-prefixes", im.b, im.n);
	attrs[25] = 0;
	build(&im, 0, 0, 40, 0x05000000, attrs, sizeof(attrs));
	rc = parse(im.b, im.n, &e, err);
	CHECK("arm-attributes-soft", rc == RD_OK && e.arm_hard_float == 0,
	      "rc %d hf %d: %s", rc, e.arm_hard_float, err);
	attrs[25] = 0x80;       /* a ULEB128 that runs off the end */
	attrs[26] = 0x80;
	attrs[27] = 0x80;
	build(&im, 0, 0, 40, 0x05000000, attrs, sizeof(attrs));
	rc = parse(im.b, im.n, &e, err);
	CHECK("arm-attributes-bad-uleb", rc == RD_MALFORMED, "rc %d: %s", rc,
	      err);
	attrs[1] = 200;
	build(&im, 0, 0, 40, 0x05000000, attrs, sizeof(attrs));
	rc = parse(im.b, im.n, &e, err);
	CHECK("arm-attributes-bad-length", rc == RD_MALFORMED, "rc %d: %s",
	      rc, err);
	build(&im, 1, 0, 62, 0x400, NULL, 0);
	rc = parse(im.b, im.n, &e, err);
	CHECK("x86-not-arm", e.arm_hard_float == -1 && e.arm_cpu_arch == -1,
	      "hf %d arch %d", e.arm_hard_float, e.arm_cpu_arch);
	{
		/* Tag_File { Tag_CPU_arch 10 (v7), Tag_THUMB_ISA_use 2,
		 * Tag_ABI_VFP_args 1 } */
		unsigned char v7[] = {
			'A', 21, 0, 0, 0, 'a', 'e', 'a', 'b', 'i', 0,
			1, 11, 0, 0, 0, 6, 10, 9, 2, 28, 1,
		};

		build(&im, 0, 0, 40, 0x05000000, v7, sizeof(v7));
		rc = parse(im.b, im.n, &e, err);
		CHECK("arm-attributes-cpu", rc == RD_OK && e.arm_cpu_arch == 10 &&
		      e.arm_thumb == 2 && e.arm_hard_float == 1, "rc %d arch %d thumb %d: %s",
		      rc, e.arm_cpu_arch, e.arm_thumb, err);
	}
}

static void check_pe(void)
{
	struct pe pe;
	struct elf_info e;
	char err[256];
	int rc;

	build_pe(&pe, 0x8664, 1, 3);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe64-ok", rc == RD_OK && e.format == FMT_PE, "rc %d: %s", rc,
	      err);
	CHECK("pe64-header", e.machine == 0x8664 && e.elfclass == 64 &&
	      e.pe_subsystem == 3, "machine %x class %d subsystem %d",
	      e.machine, e.elfclass, e.pe_subsystem);
	CHECK("pe64-imports", e.nneeded == 2 && has_needed(&e, 0,
	      "KERNEL32.dll") && has_needed(&e, 1, "msvcrt.dll"),
	      "%zu needed", e.nneeded);
	check_prefixes("pe64-prefixes", pe.b, pe.n);
	build_pe(&pe, 0x14c, 0, 2);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe32-ok", rc == RD_OK && e.elfclass == 32 && e.machine == 0x14c
	      && e.pe_subsystem == 2 && e.nneeded == 2, "rc %d class %d: %s",
	      rc, e.elfclass, err);
	build_pe(&pe, 0x8664, 1, 3);
	le(pe.b + 0x3c, 5000, 4);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-lfanew-past-end", rc == RD_TRUNCATED, "rc %d: %s", rc, err);
	build_pe(&pe, 0x8664, 1, 3);
	pe.b[0x41] = 'X';
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-bad-signature", rc == RD_MALFORMED, "rc %d: %s", rc, err);
	build_pe(&pe, 0x8664, 1, 3);
	le(pe.b + pe.opt, 0x107, 2);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-bad-magic", rc == RD_MALFORMED, "rc %d: %s", rc, err);
	build_pe(&pe, 0x8664, 1, 3);
	le(pe.b + pe.opt + 112 + 8, 0x9000, 4);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-import-rva-unmapped", rc == RD_MALFORMED, "rc %d: %s", rc,
	      err);
	build_pe(&pe, 0x8664, 1, 3);
	memset(pe.b + pe.raw + 73, 'x', 23);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-dll-unterminated", rc == RD_MALFORMED, "rc %d: %s", rc, err);
	build_pe(&pe, 0x8664, 1, 3);
	memset(pe.b + pe.raw, 0x11, 60);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-imports-unterminated", rc == RD_MALFORMED, "rc %d: %s", rc,
	      err);
	build_pe(&pe, 0x8664, 1, 3);
	le(pe.b + 0x46, 0xffff, 2);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-huge-nsections", rc == RD_TRUNCATED, "rc %d: %s", rc, err);
	build_pe(&pe, 0x8664, 1, 3);
	le(pe.b + pe.sec + 20, 0x7fffff00, 4);
	rc = parse(pe.b, pe.n, &e, err);
	CHECK("pe-section-past-end", rc == RD_TRUNCATED, "rc %d: %s", rc, err);
}

static void check_small(void)
{
	static const struct {
		const char *name, *bytes;
		size_t n;
		int want;
	} t[] = {
		{"empty-file", "", 0, RD_TRUNCATED},
		{"elf-magic-only", "\177EL", 3, RD_TRUNCATED},
		{"mz-only", "MZ", 2, RD_TRUNCATED},
		{"text-file", "#!/bin/sh\necho hi\n", 18, RD_MALFORMED},
		{"elf-ident-short", "\177ELF\2\1\1", 7, RD_TRUNCATED},
	};
	struct elf_info e;
	char err[256];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		rc = parse(t[i].bytes, t[i].n, &e, err);
		CHECK(t[i].name, rc == t[i].want, "rc %d, want %d: %s", rc,
		      t[i].want, err);
	}
	rc = elf_read("/nonexistent/file", &e, err, sizeof(err));
	CHECK("read-missing", rc == RD_UNREADABLE && strstr(err, "nonexistent"),
	      "rc %d: %s", rc, err);
	rc = elf_read("/", &e, err, sizeof(err));
	CHECK("read-directory: not read", rc == RD_NOTFILE && strstr(err, "is a directory"),
	      "rc %d: %s", rc, err);
	rc = elf_parse((const unsigned char *)"\177ELF\3\1\1\0\0\0\0\0\0\0\0\0",
	               16, &e, err, 0);
	CHECK("no-err-buffer", rc == RD_MALFORMED, "rc %d", rc);
}

/* versions as verneed names; the highest with the prefix, or NULL */
static const char *maxver(const char *prefix, const char *a, const char *b,
                          const char *c)
{
	static struct elf_verneed v[3];
	static struct elf_info e;

	v[0].name = a;
	v[1].name = b;
	v[2].name = c;
	e.verneed = v;
	e.nverneed = 3;
	return elf_max_version(&e, prefix);
}

static void check_versions(void)
{
	static const struct {
		const char *name, *prefix, *a, *b, *c, *want;
	} t[] = {
		{"ver-2.17<2.34", "GLIBC_", "GLIBC_2.34", "GLIBC_2.17",
		 "GLIBC_2.4", "2.34"},
		{"ver-3.4.9<3.4.19", "GLIBCXX_", "GLIBCXX_3.4.19", "GLIBCXX_3.4.9",
		 "GLIBCXX_3.4", "3.4.19"},
		{"ver-2.2.5<2.17", "GLIBC_", "GLIBC_2.2.5", "GLIBC_2.17",
		 "GLIBC_2.3.4", "2.17"},
		{"ver-private-ignored", "GLIBC_", "GLIBC_PRIVATE", "GLIBC_2.3",
		 "GLIBC_2.2.5", "2.3"},
		{"ver-prefix-exact", "GLIBC_", "GLIBCXX_3.4.30", "CXXABI_1.3",
		 "GLIBC_2.2.5", "2.2.5"},
		{"ver-none", "GLIBC_", "GLIBCXX_3.4", "GLIBC_PRIVATE", "GCC_3.0",
		 NULL},
		{"ver-longer-wins", "GLIBC_", "GLIBC_2.17", "GLIBC_2.17.1",
		 "GLIBC_2.2", "2.17.1"},
		{"ver-huge-part", "GLIBC_", "GLIBC_2.99999999999999999999999",
		 "GLIBC_2.9", "GLIBC_3.0", "3.0"},
		{"ver-leading-zero", "CXXABI_", "CXXABI_1.3.09", "CXXABI_1.3.10",
		 "CXXABI_1.3", "1.3.10"},
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *got = maxver(t[i].prefix, t[i].a, t[i].b, t[i].c);

		CHECK(t[i].name, streq(got, t[i].want), "got %s, want %s", got,
		      t[i].want);
	}
}

static void check_names(void)
{
	static const struct {
		int format, machine;
		const char *want;
	} t[] = {
		{FMT_ELF, 62, "x86_64"}, {FMT_ELF, 3, "i386"},
		{FMT_ELF, 183, "aarch64"}, {FMT_ELF, 40, "arm"},
		{FMT_ELF, 21, "ppc64"}, {FMT_ELF, 22, "s390x"},
		{FMT_ELF, 243, "riscv"}, {FMT_PE, 0x8664, "x86_64"},
		{FMT_PE, 0x14c, "i386"}, {FMT_PE, 0xaa64, "arm64"},
		{FMT_ELF, 999, "unknown(999)"}, {FMT_PE, 62, "unknown(62)"},
	};
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!streq(elf_machine_name(t[i].format, t[i].machine), t[i].want)) {
			printf("FAIL machine-names: %d -> %s\n", t[i].machine,
			       elf_machine_name(t[i].format, t[i].machine));
			bad = 1;
		}
	CHECK("machine-names", !bad, "see above");
}

/* random byte changes to valid images: any result but a crash is fine,
 * and an OK result must carry sane strings */
static void check_mutations(void)
{
	struct img im;
	struct pe pe;
	struct elf_info e;
	char err[256];
	uint32_t seed = 12345;
	int i, j, bad = 0;

	for (i = 0; i < 20000; i++) {
		unsigned char *p;
		size_t n;

		if (i % 3 == 2) {
			build_pe(&pe, 0x8664, 1, 3);
			p = pe.b;
			n = pe.n;
		} else {
			build(&im, i % 3, i % 2, 62, 0, NULL, 0);
			p = im.b;
			n = im.n;
		}
		for (j = 0; j < 1 + i % 4; j++) {
			seed = seed * 1103515245 + 12345;
			p[(seed >> 8) % n] = (unsigned char)(seed >> 24);
		}
		if (parse(p, n, &e, err) == RD_OK && e.nneeded &&
		    strlen(e.needed[0]) > n)
			bad = 1;
	}
	CHECK("mutations-20000", !bad, "bad string");
}

/* PATH=MACHINE:CLASS: a real file */
static void check_file(const char *arg)
{
	char *path = strdup(arg), *eq = strrchr(path, '='), *colon;
	struct elf_info e;
	char err[256], name[300];
	int rc;

	if (!eq || !(colon = strchr(eq, ':'))) {
		printf("FAIL file %s: want PATH=MACHINE:CLASS\n", arg);
		unit_failed = 1;
		return;
	}
	*eq++ = '\0';
	*colon++ = '\0';
	snprintf(name, sizeof(name), "file-%s", path);
	rc = elf_read(path, &e, err, sizeof(err));
	CHECK(name, rc == RD_OK && streq(elf_machine_name(e.format, e.machine),
	      eq) && e.elfclass == atoi(colon), "rc %d (%s) machine %s class %d",
	      rc, err, elf_machine_name(e.format, e.machine), e.elfclass);
}

static void write_seed(const char *dir, const char *name, const void *p,
                       size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
		printf("FAIL seeds: cannot write %s\n", path);
		unit_failed = 1;
	}
}

/* --seeds DIR: the images above as fuzzing seeds */
static void write_seeds(const char *dir)
{
	static const unsigned char attrs[] = {
		'A', 27, 0, 0, 0, 'a', 'e', 'a', 'b', 'i', 0,
		1, 17, 0, 0, 0, 5, '7', '-', 'A', 0, 32, 0, 0, 28, 1, 26, 0,
	};
	struct img im;
	struct pe pe;

	build(&im, 1, 0, 62, 0, NULL, 0);
	write_seed(dir, "made-elf64le", im.b, im.n);
	word(&im, at(&im, 32, 40), 0);
	write_seed(dir, "made-elf64le-noshdr", im.b, im.n);
	build(&im, 0, 1, 20, 0, NULL, 0);
	write_seed(dir, "made-elf32be", im.b, im.n);
	build(&im, 1, 1, 22, 0, NULL, 0);
	write_seed(dir, "made-elf64be", im.b, im.n);
	build(&im, 0, 0, 40, 0x05000000, attrs, sizeof(attrs));
	write_seed(dir, "made-arm-attributes", im.b, im.n);
	build_pe(&pe, 0x8664, 1, 3);
	write_seed(dir, "made-pe64", pe.b, pe.n);
	build_pe(&pe, 0x14c, 0, 2);
	write_seed(dir, "made-pe32", pe.b, pe.n);
}

int main(int argc, char **argv)
{
	struct img im;
	int i;

	if (argc == 3 && strcmp(argv[1], "--seeds") == 0) {
		write_seeds(argv[2]);
		return unit_failed;
	}
	if (argc > 1) {
		for (i = 1; i < argc; i++)
			check_file(argv[i]);
		return unit_failed;
	}
	build(&im, 1, 0, 62, 0, NULL, 0);
	check_good("elf64le", &im, 62);
	check_prefixes("elf64le-prefixes", im.b, im.n);
	build(&im, 0, 1, 20, 0, NULL, 0);
	check_good("elf32be", &im, 20);
	check_prefixes("elf32be-prefixes", im.b, im.n);
	build(&im, 1, 1, 22, 0, NULL, 0);
	check_good("elf64be", &im, 22);
	build(&im, 0, 0, 3, 0, NULL, 0);
	check_good("elf32le", &im, 3);
	check_noshdr();
	check_patches();
	check_abi_boundary();
	check_arm();
	check_pe();
	check_small();
	check_versions();
	check_names();
	check_mutations();
	return unit_failed;
}

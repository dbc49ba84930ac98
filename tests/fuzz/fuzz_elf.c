/* fuzz_elf.c: libFuzzer harness for the ELF/PE reader.  Any input must
 * parse to OK, MALFORMED or TRUNCATED without a sanitizer report.
 * fuzz-sources: compat/elfread.c base/binread.c compat/pe.c base/util.c base/version.c */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compat/elfread.h"
#include "base/util.h"

/* touch every string the reader returned, so that the sanitizers check
 * they lie inside the input and are terminated */
static size_t touch(const struct elf_info *e)
{
	size_t i, n = e->interp ? strlen(e->interp) : 0;

	n += e->soname ? strlen(e->soname) : 0;
	for (i = 0; i < e->nneeded; i++)
		n += strlen(e->needed[i]);
	for (i = 0; i < e->nverneed; i++)
		n += strlen(e->verneed[i].file) + strlen(e->verneed[i].name);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const prefixes[] = {
		"GLIBC_", "GLIBCXX_", "CXXABI_", "GFORTRAN_", "",
	};
	struct elf_info e;
	char err[128];
	size_t i;
	int rc = elf_parse(data, size, &e, err, sizeof(err));

	if (rc != RD_OK && rc != RD_MALFORMED && rc != RD_TRUNCATED)
		abort();
	if (rc != RD_OK && (err[0] == '\0' || !memchr(err, 0, sizeof(err))))
		abort();
	if (touch(&e) > size * (e.nverneed + e.nneeded + 2))
		abort();
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		elf_max_version(&e, prefixes[i]);
	/* elfread never frees (util.h); the harness frees the two arrays it
	 * grows, so that leak detection still means something */
	xfree((void *)e.needed);
	xfree(e.verneed);
	return 0;
}

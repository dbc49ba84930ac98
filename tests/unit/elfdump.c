/* elfdump.c: print what elfread finds in each file, one field a line, for
 * tests/t_elf_real.sh to compare with readelf.  Exits 1 if a file does not
 * parse. */
#include <stdio.h>

#include "compat/elfread.h"

static const char *orempty(const char *s)
{
	return s ? s : "";
}

static void dump(const struct elf_info *e)
{
	size_t i;

	printf("format=%s\n", e->format == FMT_PE ? "pe" : "elf");
	printf("machine=%s\n", elf_machine_name(e->format, e->machine));
	printf("class=%d\n", e->elfclass);
	printf("endian=%s\n", e->big_endian ? "big" : "little");
	printf("type=%d\n", e->type);
	printf("interp=%s\n", orempty(e->interp));
	printf("dynamic=%d\n", e->dynamic);
	for (i = 0; i < e->nneeded; i++)
		printf("needed=%s\n", e->needed[i]);
	printf("soname=%s\n", orempty(e->soname));
	for (i = 0; i < e->nverneed; i++)
		printf("verneed=%s:%s\n", e->verneed[i].file, e->verneed[i].name);
	printf("glibc=%s\n", orempty(elf_max_version(e, "GLIBC_")));
	printf("glibcxx=%s\n", orempty(elf_max_version(e, "GLIBCXX_")));
	printf("cxx11=%zu\n", e->cxx11_syms);
	printf("cxx03=%zu\n", e->cxx03_syms);
	printf("hardfloat=%d\n", e->arm_hard_float);
	printf("subsystem=%d\n", e->pe_subsystem);
}

int main(int argc, char **argv)
{
	struct elf_info e;
	char err[256];
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (elf_read(argv[i], &e, err, sizeof(err)) != RD_OK) {
			printf("error=%s\n", err);
			rc = 1;
			continue;
		}
		dump(&e);
	}
	return rc;
}

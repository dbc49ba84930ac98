/* target.c: the tables of targets and tools */
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "targets/target.h"

const struct target targets[] = {
#define TARGET(name, arch, os, libc, abi, mach, cls, be, ldso, floor, clang, \
               qemu, libdir, cmake, mfam, mcpu, multiarch, cflags, arm_arch) \
	{name, arch, os, libc, abi, mach, cls, be, ldso, floor, clang, qemu, \
	 libdir, cmake, mfam, mcpu, multiarch, cflags, arm_arch},
#include "targets/targets.def"
#undef TARGET
	{0},
};

const struct tool tools[] = {
#define TOOL(name, family, lang, shard) {name, family, lang, shard},
#include "targets/tools.def"
#undef TOOL
};

const unsigned ntools = sizeof(tools) / sizeof(tools[0]);

const struct target *target_by_name(const char *name)
{
	const struct target *t;

	for (t = targets; t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

const struct target *target_find(const char *arch, enum os os, enum libc libc,
                                 const char *abi)
{
	const struct target *t;

	for (t = targets; t->name; t++)
		if (t->os == os && t->libc == libc && strcmp(t->arch, arch) == 0 &&
		    strcmp(t->abi, abi) == 0)
			return t;
	return NULL;
}

static int toolcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tool *)elem)->name);
}

const struct tool *tool_by_name(const char *name)
{
	return bsearch(name, tools, ntools, sizeof(tools[0]), toolcmp);
}

int target_is_host_arch(const struct target *t)
{
#if defined(__x86_64__)
	return strcmp(t->arch, "x86_64") == 0 && t->os == OS_LINUX;
#elif defined(__aarch64__)
	return strcmp(t->arch, "aarch64") == 0 && t->os == OS_LINUX;
#else
	(void)t;
	return 0;
#endif
}

int tool_is_compiler(const struct tool *tl)
{
	return tl->family == FAM_GCC || tl->family == FAM_CLANG;
}

const char *default_osver(const struct target *t)
{
	if (t->os == OS_DARWIN)
		return strcmp(t->arch, "aarch64") == 0 ? "20" : "14";
	if (t->os == OS_FREEBSD)
		return "13.2";
	return "";
}

int target_armv6(const struct target *t)
{
	return t->arm_arch && t->arm_arch < 10;
}

int target_sdk_only(const struct target *t)
{
	return t->os == OS_DARWIN || t->os == OS_FREEBSD;
}

/* binfmt.c: registering ccmux as the binfmt_misc interpreter of foreign ELF
 * files, and running them when the kernel calls it */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "cmd/binfmt.h"
#include "cmd/cmd.h"
#include "compat/elfread.h"
#include "driver/exec.h"
#include "driver/run.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

/* ELF header bytes that identify executables of one machine: magic, class,
 * byte order, version; OS ABI and padding masked; e_type 2 or 3 */
static char *elf_magic(const struct target *t, int mask)
{
	unsigned char b[20] = {0x7f, 'E', 'L', 'F', 0, 0, 1, 0};
	struct buf out = {0};
	unsigned i;

	b[4] = t->elf_class == 64 ? 2 : 1;
	b[5] = t->big_endian ? 2 : 1;
	b[16] = 2;
	b[t->big_endian ? 19 : 18] = (unsigned char)(t->machine & 0xff);
	b[t->big_endian ? 18 : 19] = (unsigned char)(t->machine >> 8);
	if (mask) {
		memset(b, 0xff, sizeof(b));
		b[7] = 0;
		memset(b + 8, 0, 8);
		b[16] = 0xfe;
	}
	for (i = 0; i < sizeof(b); i++)
		buf_puts(&out, xprintf("\\x%02x", b[i]));
	return out.s;
}

/* the first target of each foreign machine this host can run with qemu */
static int registrable(const struct target *t)
{
	const struct target *u;

	if (t->os != OS_LINUX || !*t->qemu || !t->machine ||
	    strcmp(t->arch, "x86_64") == 0 || strcmp(t->arch, "i686") == 0)
		return 0;
	for (u = targets; u != t; u++)
		if (u->os == OS_LINUX && u->machine == t->machine &&
		    u->elf_class == t->elf_class && *u->qemu)
			return 0;
	return 1;
}

static void mount_binfmt(void)
{
	struct stat st;

	if (stat(BINFMT_DIR "/register", &st) == 0)
		return;
	if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) != 0)
		fatal("cannot mount binfmt_misc on " BINFMT_DIR ":");
}

static void write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0 || write_all(fd, s, strlen(s)) != 0)
		fatal("%s:", path);
	close(fd);
}

static int binfmt_register(const struct ctx *c, int remove)
{
	const struct target *t;
	char *interp;

	if (!c->prefix)
		fatal("binfmt: ccmux must be installed as PREFIX/bin/ccmux");
	interp = xconcat(c->prefix, "/lib/ccmux/binfmt/" BINFMT_NAME, (char *)NULL);
	if (!remove && access(interp, X_OK) != 0)
		fatal("binfmt: %s:", interp);
	mount_binfmt();
	for (t = targets; t->name; t++) {
		char *entry;

		if (!registrable(t))
			continue;
		entry = xconcat(BINFMT_DIR "/ccmux-", t->qemu, (char *)NULL);
		if (access(entry, F_OK) == 0)
			write_file(entry, "-1");
		if (remove) {
			printf("removed ccmux-%s\n", t->qemu);
			continue;
		}
		write_file(BINFMT_DIR "/register",
		           xprintf(":ccmux-%s:M::%s:%s:%s:", t->qemu, elf_magic(t, 0),
		                   elf_magic(t, 1), interp));
		printf("registered ccmux-%s: %s binaries run through %s\n", t->qemu,
		       t->arch, interp);
	}
	return 0;
}

static int binfmt_status(void)
{
	const struct target *t;

	for (t = targets; t->name; t++) {
		char *entry;

		if (!registrable(t))
			continue;
		entry = xconcat(BINFMT_DIR "/ccmux-", t->qemu, (char *)NULL);
		printf("ccmux-%s: %s\n", t->qemu,
		       access(entry, F_OK) == 0 ? "registered" : "not registered");
	}
	return 0;
}

int cmd_binfmt(const struct ctx *c, int argc, char **argv)
{
	if (argc == 0)
		return binfmt_register(c, 0);
	if (argc == 1 && strcmp(argv[0], "--remove") == 0)
		return binfmt_register(c, 1);
	if (argc == 1 && strcmp(argv[0], "--status") == 0)
		return binfmt_status();
	fatal("usage: ccmux binfmt [--remove|--status]");
}

/* the Linux target of an ELF file: machine, class, and musl or glibc by
 * its interpreter */
static const struct target *target_of(const char *path)
{
	const struct target *t;
	struct elf_info e;
	char err[256];
	enum libc libc;

	if (elf_read(path, &e, err, sizeof(err)) != RD_OK)
		fatal("binfmt %s: %s", path, err);
	libc = e.interp && strstr(e.interp, "ld-musl") ? LIBC_MUSL : LIBC_GLIBC;
	for (t = targets; t->name; t++)
		if (t->os == OS_LINUX && t->machine == e.machine &&
		    t->elf_class == e.elfclass && t->libc == libc)
			return t;
	fatal("binfmt %s: no target for a %s %d-bit file", path,
	      elf_machine_name(e.format, e.machine), e.elfclass);
}

void binfmt_exec(const struct ctx *c, int argc, char **argv)
{
	struct platform pf;
	struct plan p;

	if (argc < 2)
		fatal("binfmt: called without a program (the kernel passes one)");
	memset(&pf, 0, sizeof(pf));
	pf.target = target_of(argv[1]);
	run_plan(c, &pf, argc - 1, argv + 1, &p);
	plan_exec(c, &p, argc - 1, argv + 1);
}

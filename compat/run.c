/* run.c: running a target's binary here, against the target's sysroot */
#include <string.h>

#include "elfread.h"
#include "path.h"
#include "rules.h"
#include "run.h"

/* the oldest GCC shard whose runtime satisfies what the binary needs from
 * libstdc++ and libgfortran, so that its libraries are the ones found */
static const struct shard *runtime_shard(const struct shardset *ss,
                                         const struct elf_info *e)
{
	const char *cxx = elf_max_version(e, "GLIBCXX_");
	struct version need = {{0, 0, 0}, 0}, have;
	int gf = 0;
	size_t i;
	unsigned k;

	if (cxx)
		version_parse(cxx, &need);
	for (i = 0; i < e->nneeded; i++)
		if (startswith(e->needed[i], "libgfortran.so."))
			gf = e->needed[i][15] - '0';
	for (k = 0; k < ss->ngcc; k++) {
		const struct gccinfo *g = gcc_info(ss->gcc[k].ver.v[0]);

		if (!g || (gf && g->libgfortran != gf))
			continue;
		version_parse(g->glibcxx, &have);
		if (!cxx || version_cmp(&have, &need) >= 0)
			return &ss->gcc[k];
	}
	return NULL;
}

static char *library_path(const struct platform *p, const struct shardset *ss,
                          const struct elf_info *e)
{
	const char *sr = ss->sysroot, *ld = p->target->libdir;
	const struct shard *g = runtime_shard(ss, e);
	struct buf b = {0};

	buf_puts(&b, xconcat(sr, "/", ld, ":", sr, "/usr/", ld, (char *)NULL));
	if (g)
		buf_puts(&b, xconcat(":", g->dir, "/", ss->tdir, "/", ld, (char *)NULL));
	return b.s;
}

void run_plan(const struct ctx *c, const struct platform *p, int argc,
              char *const *argv, struct plan *out)
{
	const struct target *t = p->target;
	struct shardset ss;
	struct elf_info e;
	char err[256];
	const char *qemu;
	int rc;

	memset(out, 0, sizeof(*out));
	out->request = "run";
	if (argc < 1)
		fatal("usage: ccmux run TRIPLET PROG [ARGS...]");
	rc = elf_read(argv[0], &e, err, sizeof(err));
	if (rc != ELF_OK)
		fatal("run %s: %s", argv[0], err);
	if (e.format != FMT_ELF || e.machine != t->elf_machine ||
	    e.elfclass != t->elf_class)
		fatal("run %s: a %s %d-bit file, not a %s binary", argv[0],
		      elf_machine_name(e.format, e.machine), e.elfclass, t->name);
	shard_scan(c->roots, platform_dir(p), 0, &ss);
	if (target_is_host_arch(t) && !e.interp) {
		sv_pushn(&out->argv, argv, (size_t)argc);
		return;
	}
	if (e.interp && !ss.sysroot)
		fatal("run %s: no sysroot for %s (ROOT/%s/%s/sys-root) to load it "
		      "from", argv[0], t->name, t->name, t->name);
	if (target_is_host_arch(t) && t->libc == LIBC_GLIBC) {
		/* native, but with the sysroot's loader and libraries only */
		sv_push(&out->argv, xconcat(ss.sysroot, e.interp, (char *)NULL));
		sv_push(&out->argv, "--inhibit-cache");
		sv_push(&out->argv, "--library-path");
		sv_push(&out->argv, library_path(p, &ss, &e));
		sv_pushn(&out->argv, argv, (size_t)argc);
		return;
	}
	if (!*t->qemu)
		fatal("run: no way to run %s binaries on this machine", t->name);
	qemu = path_search(xconcat("qemu-", t->qemu, (char *)NULL), c->self);
	if (!qemu)
		fatal("run: qemu-%s is not installed (apt-get install qemu-user)",
		      t->qemu);
	sv_push(&out->argv, qemu);
	if (ss.sysroot) {
		sv_push(&out->argv, "-L");
		sv_push(&out->argv, ss.sysroot);
	}
	if (e.interp && t->libc == LIBC_GLIBC) {
		sv_push(&out->argv, "-E");
		sv_push(&out->argv, xconcat("LD_LIBRARY_PATH=",
		                            library_path(p, &ss, &e), (char *)NULL));
	}
	sv_pushn(&out->argv, argv, (size_t)argc);
}

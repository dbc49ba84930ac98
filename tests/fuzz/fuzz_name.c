/* fuzz_name.c: libFuzzer harness for the name grammar.  Any bytes, as a
 * tool name and as a triplet, must parse or be refused with a message;
 * whatever parses must print and parse back to the same platform.
 * fuzz-sources: targets/name.c targets/target.c base/util.c base/version.c
 * fuzz-options: -detect_leaks=0
 * (no leak checks: ccmux never frees, see README) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "targets/name.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	struct name n;
	struct platform p, q;
	const char *e;

	e = parse_name(s, &n);
	if (!e && n.plat.target) {
		char *canon = platform_string(&n.plat), *again;

		if (parse_triplet(canon, &q) != NULL || q.target != n.plat.target)
			abort();   /* the canonical spelling must parse back */
		again = platform_string(&q);
		if (strcmp(again, canon) != 0)
			abort();   /* ... to the same platform */
		xfree(again);
		xfree(canon);
	}
	if (e && !*e)
		abort();
	xfree((void *)e);   /* messages are allocated: millions of runs */
	e = parse_triplet(s, &p);
	if (!e)
		xfree(platform_dir(&p));
	xfree((void *)e);
	xfree(s);
	return 0;
}

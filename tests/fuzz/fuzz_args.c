/* fuzz_args.c: libFuzzer harness for the argument classifier.  The input is
 * split at NUL bytes into an argv (arguments starting with '@' are turned
 * into '-' so no file is read); the whole input is also split as a response
 * file.  Nothing may crash, and the classification must be sane.
 * fuzz-sources: driver/args.c base/util.c
 * fuzz-options: -detect_leaks=0
 * (no leak checks: ccmux never frees, see README) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "driver/args.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1), **rsp;
	struct strvec sv = {0};
	struct args a;
	size_t i, start = 0;
	int n;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (i = 0; i <= size; i++) {
		if (i < size && buf[i] != '\0')
			continue;
		if (buf[start] == '@')
			buf[start] = '-';
		sv_push(&sv, buf + start);
		start = i + 1;
	}
	args_classify((int)sv.n, (char *const *)sv.v, &a);
	if (a.mode > MODE_QUERY || a.ninputs < 0 || a.ninputs > (int)sv.n)
		abort();
	if (a.mode == MODE_LINK && a.ninputs == 0)
		abort();
	n = rsp_split(buf, &rsp);
	for (i = 0; i < (size_t)n; i++)
		xfree(rsp[i]);
	xfree(rsp);
	xfree(sv.v);
	xfree(buf);
	return 0;
}

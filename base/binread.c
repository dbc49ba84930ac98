/* binread.c: the one bounds-checked reader of untrusted bytes (see
 * binread.h): every read checks off > size || len > size - off the toybox
 * way and converts the byte order; the first error sticks */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/binread.h"

void rd_fail(struct rd *r, int rc, const char *fmt, ...)
{
	va_list ap;

	if (r->rc)
		return;
	r->rc = rc;
	if (!r->errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(r->err, r->errlen, fmt, ap);
	va_end(ap);
}

/* 1 if len bytes at off lie inside the file; else records why and returns 0 */
int rd_span(struct rd *r, uint64_t off, uint64_t len, const char *what)
{
	if (r->rc)
		return 0;
	if (len > UINT64_MAX - off) {
		rd_fail(r, RD_MALFORMED, "malformed: %s at %llu of %llu bytes "
		     "overflows", what, (ull)off, (ull)len);
		return 0;
	}
	if (off > r->size || len > r->size - off) {
		rd_fail(r, RD_TRUNCATED, "truncated: %s ends at %llu, file has "
		     "%llu bytes", what, (ull)(off + len), (ull)r->size);
		return 0;
	}
	return 1;
}

/* the len-byte (1..8) integer at base + off in the file's byte order;
 * 0 after any error */
uint64_t rd_get(struct rd *r, uint64_t base, uint64_t off, unsigned len)
{
	uint64_t v = 0;
	unsigned i;

	if (r->rc)
		return 0;
	if (base > r->size || off > r->size - base ||
	    len > r->size - base - off) {
		rd_fail(r, RD_TRUNCATED, "truncated: %u-byte field at %llu+%llu "
		     "past the end of %llu bytes", len, (ull)base, (ull)off,
		     (ull)r->size);
		return 0;
	}
	base += off;
	for (i = 0; i < len; i++)
		v = v << 8 | r->p[base + (r->be ? i : len - 1 - i)];
	return v;
}

/* the NUL-terminated string at idx of the table (off, size), which must
 * already be inside the file; NULL (and an error) if it is not in the table
 * or not terminated there */
const char *rd_str(struct rd *r, uint64_t off, uint64_t size,
                       uint64_t idx, const char *what)
{
	const unsigned char *s;

	if (r->rc)
		return NULL;
	if (idx >= size) {
		rd_fail(r, RD_MALFORMED, "malformed: %s string index %llu outside "
		     "its table of %llu bytes", what, (ull)idx, (ull)size);
		return NULL;
	}
	s = r->p + off + idx;
	if (!memchr(s, 0, size - idx)) {
		rd_fail(r, RD_MALFORMED, "malformed: %s string at %llu is not "
		     "terminated inside its table", what, (ull)(off + idx));
		return NULL;
	}
	return (const char *)s;
}

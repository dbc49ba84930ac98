/* binread.h: bounds-checked reading of a file's bytes, shared by the ELF
 * and PE readers.  The first error sticks in struct rd: later reads return
 * 0 or NULL, so every loop stops at its next check and the reason reported
 * is the first one found. */
#ifndef CCMUX_BINREAD_H
#define CCMUX_BINREAD_H

#include <stddef.h>
#include <stdint.h>

/* what reading a file came to, for ELF and PE alike */
enum {
	RD_OK = 0, RD_UNREADABLE = -1, RD_MALFORMED = -2, RD_TRUNCATED = -3,
	RD_NOTFILE = -4,   /* a FIFO, socket, device or directory: not read */
};

typedef unsigned long long ull;

/* at most this many entries of one table are read; real files stay far
 * below it (libstdc++ has ~7,000 dynamic symbols) */
#define CAP 1000000u

struct rd {
	const unsigned char *p;
	uint64_t size;
	int be, is64;
	int rc;                 /* first error, RD_OK until then */
	char *err;
	size_t errlen;
};

/* record the first error: its code (RD_TRUNCATED, RD_MALFORMED) and why */
void rd_fail(struct rd *r, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* 1 if len bytes at off lie inside the file; else records why and returns 0 */
int rd_span(struct rd *r, uint64_t off, uint64_t len, const char *what);
/* the len-byte (1..8) integer at base + off in the file's byte order; 0
 * after any error */
uint64_t rd_get(struct rd *r, uint64_t base, uint64_t off, unsigned len);
/* the NUL-terminated string at idx of the table (off, size), which must be
 * inside the file; NULL (and an error) if outside the table or unterminated */
const char *rd_str(struct rd *r, uint64_t off, uint64_t size, uint64_t idx,
                   const char *what);
#endif

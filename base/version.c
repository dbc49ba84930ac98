/* version.c: dotted versions */
#include <stdio.h>
#include <string.h>

#include "base/version.h"

int version_parse(const char *s, struct version *out)
{
	int i = 0;

	out->v[0] = out->v[1] = out->v[2] = 0;
	out->parts = 0;
	for (;;) {
		int n = 0, digits = 0;

		for (; *s >= '0' && *s <= '9'; s++, digits++)
			if (digits < 5)
				n = n * 10 + (*s - '0');
		if (digits == 0 || digits > 5)
			return -1;
		out->v[i++] = n;
		out->parts = i;
		if (*s == '\0')
			return 0;
		if (*s != '.' || i == 3)
			return -1;
		s++;
	}
}

int version_cmp(const struct version *a, const struct version *b)
{
	int i;

	for (i = 0; i < 3; i++)
		if (a->v[i] != b->v[i])
			return a->v[i] < b->v[i] ? -1 : 1;
	return 0;
}

void version_format(const struct version *a, char *buf, unsigned n)
{
	if (a->parts <= 1)
		snprintf(buf, n, "%d", a->v[0]);
	else if (a->parts == 2)
		snprintf(buf, n, "%d.%d", a->v[0], a->v[1]);
	else
		snprintf(buf, n, "%d.%d.%d", a->v[0], a->v[1], a->v[2]);
}

/* compares the digit runs at a and b numerically, without overflow;
 * advances both past them */
static int cmp_num(const char **a, const char **b)
{
	size_t na, nb;
	int c;

	while (**a == '0')
		(*a)++;
	while (**b == '0')
		(*b)++;
	na = strspn(*a, "0123456789");
	nb = strspn(*b, "0123456789");
	c = na != nb ? (na < nb ? -1 : 1) : memcmp(*a, *b, na);
	*a += na;
	*b += nb;
	return c;
}

int version_strcmp(const char *a, const char *b)
{
	for (;;) {
		int c = cmp_num(&a, &b);

		if (c)
			return c;
		if (*a != '.' || *b != '.')
			return (*a == '.') - (*b == '.');
		a++;
		b++;
	}
}

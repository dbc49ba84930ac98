/* settings.c: the CCMUX_ variables, read once */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "driver/settings.h"

/* NULL for an unset or empty variable */
static const char *value(const char *name)
{
	const char *v = ccmux_env(name);

	return v && *v ? v : NULL;
}

void settings_read(struct settings *s)
{
	const char *v;

	memset(s, 0, sizeof(*s));
	s->root = value("CCMUX_ROOT");
	s->target = value("CCMUX_TARGET");
	s->launcher = value("CCMUX_LAUNCHER");
	s->log = value("CCMUX_LOG");
	if ((v = value("CCMUX_GCC_VERSION"))) {
		if (version_parse(v, &s->gcc_pref) != 0)
			fatal("CCMUX_GCC_VERSION='%s' is not a version; use MAJOR[.MINOR"
			      "[.PATCH]], e.g. 12 or 11.3.0", v);
		s->has_gcc_pref = 1;
	}
	if ((v = value("CCMUX_GLIBC")) &&
	    (version_parse(v, &s->glibc) != 0 || s->glibc.parts != 2 ||
	     s->glibc.v[0] != 2))
		fatal("CCMUX_GLIBC='%s' is not a glibc floor; use 2.N, e.g. 2.28", v);
	s->static_mode = -1;
	if ((v = value("CCMUX_STATIC"))) {
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
			fatal("CCMUX_STATIC='%s': use 0 or 1", v);
		s->static_mode = *v == '1';
	}
	s->cxx_runtime = -1;
	if ((v = value("CCMUX_CXX_RUNTIME"))) {
		if (strcmp(v, "static") != 0 && strcmp(v, "shared") != 0)
			fatal("CCMUX_CXX_RUNTIME='%s': use static or shared", v);
		s->cxx_runtime = *v == 's' && v[1] == 't';
	}
	v = value("CCMUX_DEBUG");
	s->debug = v && strcmp(v, "0") != 0;
	v = value("CCMUX_AUDIT");
	s->audit = v && strcmp(v, "1") == 0;
	v = value("CCMUX_DEPTH");
	s->depth = v ? atoi(v) : 0;
}

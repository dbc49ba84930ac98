/* TEMPORARY STUB */
#include "audit.h"
int audit_main(const struct ctx *c, int argc, char **argv) { (void)c; (void)argc; (void)argv; fatal("audit: not built yet"); }
int audit_after_link(const struct ctx *c, const struct plan *p, char **env) { (void)c; (void)p; (void)env; fatal("audit: not built yet"); }

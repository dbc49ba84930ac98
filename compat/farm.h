/* farm.h: the names ccmux is installed under, and the files that build
 * systems read (CMake toolchain files, meson cross files) */
#ifndef CCMUX_FARM_H
#define CCMUX_FARM_H

#include "plan.h"

/* print every farm name, one per line: TRIPLET-TOOL[-MAJOR] for PREFIX/bin,
 * TRIPLET/bin/TOOL for PREFIX/lib/ccmux */
void farm_names(const struct ctx *c);
/* write PREFIX/share/ccmux/{cmake,meson}/TRIPLET.{cmake,ini}; returns 0 */
int farm_files(const struct ctx *c, const char *prefix);

#endif

/* path.h: finding programs on PATH and recognising our own binary */
#ifndef CCMUX_PATH_H
#define CCMUX_PATH_H

/* the first executable NAME in $PATH that is not ccmux itself (self may be
 * NULL: no check); NULL if none */
const char *path_search(const char *name, const char *self);
/* 1 if path is (a link to) the same file as self */
int is_self(const char *path, const char *self);

/* what a path names, following links */
enum { PATH_MISSING, PATH_FILE, PATH_DIR, PATH_OTHER };
int path_kind(const char *path);
/* 1 if path is a directory (following links) */
int dir_exists(const char *path);
/* make a directory and the ones above it (mode for each new one); 0, or
 * -1 with errno */
int mkdir_p(const char *path, unsigned mode);

#endif

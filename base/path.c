/* path.c: PATH search and self recognition */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/path.h"
#include "base/util.h"

int is_self(const char *path, const char *self)
{
	struct stat a, b;

	if (!self || stat(path, &a) != 0 || stat(self, &b) != 0)
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

const char *path_search(const char *name, const char *self)
{
	const char *path = getenv("PATH");
	const char *p, *end;

	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; p = end + 1) {
		char *dir, *full;

		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dir = end == p ? xstrdup(".") : xstrndup(p, (size_t)(end - p));
		full = xconcat(dir, "/", name, (char *)NULL);
		if (access(full, X_OK) == 0 && !is_self(full, self)) {
			struct stat st;

			if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
				return full;
		}
		if (!*end)
			return NULL;
	}
}

int path_kind(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return PATH_MISSING;
	if (S_ISREG(st.st_mode))
		return PATH_FILE;
	return S_ISDIR(st.st_mode) ? PATH_DIR : PATH_OTHER;
}

int dir_exists(const char *path)
{
	return path_kind(path) == PATH_DIR;
}

int mkdir_p(const char *path, unsigned mode)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(p, mode);   /* an error shows at the last one */
			*s = '/';
		}
	return mkdir(p, mode) != 0 && errno != EEXIST ? -1 : 0;
}

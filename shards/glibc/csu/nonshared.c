/* nonshared.c: the members of a generated floor's libc_nonshared.a (and
 * libpthread_nonshared.a below glibc 2.28).  Compiled once per member with
 * -DM_NAME; needs no header, so that it builds before the floor's headers
 * exist and never depends on what they declare.
 *
 * These are the functions glibc links statically into every program and
 * shared object rather than exporting them: the ones that must know which
 * module called them (__dso_handle: atexit handlers and fork handlers of a
 * shared object go away with it), the glue for crt1.o's old calling
 * convention, and, below 2.33, stat() & co., which older glibcs export only
 * as __xstat(version, ...).  Every function is hidden: each module gets its
 * own copy.
 */
#define HIDDEN __attribute__((visibility("hidden")))

/* GCC's crtbegin.o defines it: 0 in a program, its own address in a
 * shared object; weak so that -nostartfiles links still work */
extern void *__dso_handle __attribute__((weak, visibility("hidden")));
#define DSO (&__dso_handle ? __dso_handle : (void *)0)

typedef void (*voidfn)(void);
typedef void (*argfn)(int, char **, char **);

#if defined M_atexit
int __cxa_atexit(void (*)(void *), void *, void *);

HIDDEN int atexit(voidfn fn)
{
	return __cxa_atexit((void (*)(void *))fn, (void *)0, DSO);
}

#elif defined M_at_quick_exit
int __cxa_at_quick_exit(void (*)(void *), void *);

HIDDEN int at_quick_exit(voidfn fn)
{
	return __cxa_at_quick_exit((void (*)(void *))fn, DSO);
}

#elif defined M_pthread_atfork
int __register_atfork(voidfn, voidfn, voidfn, void *);

HIDDEN int pthread_atfork(voidfn prepare, voidfn parent, voidfn child)
{
	return __register_atfork(prepare, parent, child, DSO);
}

#elif defined M_stack_chk_fail_local
/* what -fstack-protector calls in position-independent i386/ARM code */
void __stack_chk_fail(void) __attribute__((noreturn));

HIDDEN void __attribute__((noreturn)) __stack_chk_fail_local(void)
{
	__stack_chk_fail();
}

#elif defined M_csu || defined M_csu_static
/* crt1.o of glibc <= 2.33 hands these to __libc_start_main, which calls
 * init before main and registers fini with atexit.  The linker provides
 * the array bounds; _init/_fini come from crti.o.  In a dynamic program
 * ld.so runs the preinit array and the destructors (DT_FINI_ARRAY,
 * DT_FINI) itself, so only _init and the init array are left here; a
 * static program (M_csu_static, linked with glibc 2.36's libc.a) gets the
 * preinit array here too, and its libc runs the destructors. */
extern argfn __preinit_array_start[] HIDDEN, __preinit_array_end[] HIDDEN;
extern argfn __init_array_start[] HIDDEN, __init_array_end[] HIDDEN;
void _init(void) HIDDEN;

HIDDEN void __libc_csu_init(int argc, char **argv, char **envp)
{
	argfn *f;

#ifdef M_csu_static
	for (f = __preinit_array_start; f < __preinit_array_end; f++)
		(*f)(argc, argv, envp);
#endif
	_init();
	for (f = __init_array_start; f < __init_array_end; f++)
		(*f)(argc, argv, envp);
}

HIDDEN void __libc_csu_fini(void)
{
}

#elif defined M_stat || defined M_stat64
/* glibc < 2.33 exports the stat family only as __xstat(VERSION, ...): the
 * version names the layout of struct stat the caller has, which is the
 * architecture's _STAT_VER (_MKNOD_VER for mknod), passed with -D */
struct st;
typedef unsigned long long dev;		/* dev_t: 64 bits on every Linux ABI */
typedef unsigned int mode;

# ifdef M_stat64
#  define S(name) name##64
# else
#  define S(name) name
# endif
int S(__xstat)(int, const char *, struct st *);
int S(__lxstat)(int, const char *, struct st *);
int S(__fxstat)(int, int, struct st *);
int S(__fxstatat)(int, int, const char *, struct st *, int);

HIDDEN int S(stat)(const char *path, struct st *buf)
{
	return S(__xstat)(STAT_VER, path, buf);
}

HIDDEN int S(lstat)(const char *path, struct st *buf)
{
	return S(__lxstat)(STAT_VER, path, buf);
}

HIDDEN int S(fstat)(int fd, struct st *buf)
{
	return S(__fxstat)(STAT_VER, fd, buf);
}

HIDDEN int S(fstatat)(int dirfd, const char *path, struct st *buf, int flags)
{
	return S(__fxstatat)(STAT_VER, dirfd, path, buf, flags);
}

# ifndef M_stat64
int __xmknod(int, const char *, mode, dev *);
int __xmknodat(int, int, const char *, mode, dev *);

HIDDEN int mknod(const char *path, mode m, dev d)
{
	return __xmknod(MKNOD_VER, path, m, &d);
}

HIDDEN int mknodat(int dirfd, const char *path, mode m, dev d)
{
	return __xmknodat(MKNOD_VER, dirfd, path, m, &d);
}
# endif

#elif defined M_gmon
/* gcrt1.o's addition (-pg): start the profiler before the constructors
 * and write gmon.out at exit.  A preinit entry is used rather than
 * crti.o's old __gmon_start__ hook, so crti.o stays the same for all. */
extern char __executable_start[], etext[];
void __monstartup(unsigned long, unsigned long);
void _mcleanup(void);
int atexit(voidfn);

static void gmon_start(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	__monstartup((unsigned long)__executable_start, (unsigned long)etext);
	atexit(_mcleanup);
}

static argfn gmon_entry __attribute__((used, section(".preinit_array"))) = gmon_start;

#else
# error "nonshared.c: compile with -DM_<member>"
#endif

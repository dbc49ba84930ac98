/* args.h: classifying a compiler command line without changing it */
#ifndef CCMUX_ARGS_H
#define CCMUX_ARGS_H

#include "compat/rules.h"
#include "targets/target.h"

enum mode {
	MODE_LINK,        /* inputs and no -c/-S/-E: the driver links */
	MODE_COMPILE,     /* -c, -S, -fsyntax-only */
	MODE_PREPROCESS,  /* -E, -M, -MM */
	MODE_PRINT,       /* -print-*: answers about search paths */
	MODE_QUERY,       /* --version, -v, -dumpversion, ... or no input */
};

/* bit for each language seen among the inputs */
enum { L_C = 1, L_CXX = 2, L_FORTRAN = 4, L_ASM = 8, L_OBJ = 16, L_OTHER = 32 };

struct args {
	enum mode mode;
	unsigned langs;          /* L_* bits of the inputs */
	int ninputs;             /* files, '-' and -l libraries */
	int shared_inputs;       /* inputs named *.so or *.so.N */
	const char *objects[8];  /* the first .o inputs (for the ABI check) */
	int nobjects;
	const char *output;      /* -o value, or NULL */
	const char *sysroot;     /* --sysroot value, or NULL */
	const char *std;         /* the last -std= value ("c++17"), or NULL */
	struct armflags arm;     /* -march= -mcpu= -mfpu= -mfloat-abi= -mthumb */
	const char *abi_define;  /* the last -D/-U of _GLIBCXX_USE_CXX11_ABI as
	                            given ("-D_GLIBCXX_USE_CXX11_ABI=1"), or NULL */
	int abi_value;           /* its value: 0, 1, or -1 for -U */
	int nostdinc, nostdincxx, shared, is_static, relocatable, static_pie;
	int defines_winver;      /* -DWINVER or -D_WIN32_WINNT given */
};

/* classify argv[0..argc-1] (the user's arguments, without argv[0]);
 * @file arguments are read (nested up to a limit) but never expanded in
 * what is passed on; missing @files are left for the compiler */
void args_classify(int argc, char *const *argv, struct args *a);
/* 1 if the option table is sorted, as its bsearch needs (unit tests) */
int args_table_sorted(void);
/* the L_* language of an input file name by its suffix */
unsigned lang_of_file(const char *name);
/* the L_* language of a -x value ("c++", "f95", ...) */
unsigned lang_of_x(const char *x);
/* split the text of a response file the way GCC does (whitespace,
 * quotes, backslashes) into a new argv; returns the count */
int rsp_split(const char *text, char ***out);

#endif

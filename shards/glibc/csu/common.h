/* common.h: pieces every architecture's start file shares.  Preprocessor
 * macros only; the assembler syntax they emit is portable (.type with %,
 * sections with %progbits) so that one text serves x86, ARM, AArch64 and
 * POWER. */

/* crt1.o's data: __data_start (data_start weak), as programs and garbage
 * collectors find the start of .data by it; _IO_stdin_used, which tells
 * glibc the program was built against the current FILE layout (i386's libc
 * checks for it and falls back to the libio of glibc 2.0 without it) */
#define CRT1_DATA					\
	.data;						\
	.globl	__data_start;				\
__data_start:						\
	.long	0;					\
	.weak	data_start;				\
	data_start = __data_start;			\
	.section .rodata.cst4, "aM", %progbits, 4;	\
	.p2align 2;					\
	.globl	_IO_stdin_used;				\
	.type	_IO_stdin_used, %object;		\
	.size	_IO_stdin_used, 4;			\
_IO_stdin_used:						\
	.long	0x20001

/* the GNU ABI note: a Linux program for kernels from MAJ.MIN.SUB on */
#define CRT1_NOTE(maj, min, sub)			\
	.section .note.ABI-tag, "a", %note;		\
	.p2align 2;					\
	.long	4;		/* name size */		\
	.long	16;		/* descriptor size */	\
	.long	1;		/* NT_GNU_ABI_TAG */	\
	.asciz	"GNU";					\
	.long	0;		/* Linux */		\
	.long	maj, min, sub

#define NOTE_GNU_STACK	.section .note.GNU-stack, "", %progbits

/* crt1.o also serves -static links (and gcrt1.o -pg -static ones), against
 * glibc 2.36's libc.a, which can relocate a static PIE: its
 * __libc_start_main calls _dl_relocate_static_pie, which a program that is
 * not a static PIE must define as doing nothing (glibc's own crt1.o does;
 * there is no rcrt1.o here, so -static-pie is not offered).  Hidden, so a
 * dynamic program never exports it. */
#define CRT1_STATIC_RELOC(retinsn)			\
	.text;						\
	.p2align 2;					\
	.globl	_dl_relocate_static_pie;		\
	.hidden	_dl_relocate_static_pie;		\
	.type	_dl_relocate_static_pie, %function;	\
_dl_relocate_static_pie:				\
	retinsn;					\
	.size	_dl_relocate_static_pie, .-_dl_relocate_static_pie

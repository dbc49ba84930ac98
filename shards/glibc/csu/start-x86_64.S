/* x86_64 start files, written from the System V AMD64 psABI (section
 * "Process Initialization") and glibc's documented __libc_start_main
 * interface.  One source, three objects:
 *   -DCRT1 [-DPIC] [-DCSU]   crt1.o / Scrt1.o (-DPIC): _start
 *   -DCRTI                   crti.o: _init/_fini prologues
 *   -DCRTN                   crtn.o: their epilogues
 * CSU: the program's init/fini are __libc_csu_init/__libc_csu_fini (glibc
 * <= 2.33 runs no constructor of the program without them); without CSU
 * both are NULL (glibc >= 2.34 finds them through the dynamic section).
 */
#include "common.h"

#if defined CRT1
/* at entry: %rsp -> argc, argv[], NULL, envp[], NULL, auxv; %rdx = a
 * function for atexit (ld.so's finalizer) or 0; nothing else defined */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip		/* the outermost frame */
	xorl	%ebp, %ebp
	movq	%rdx, %r9		/* 6th: rtld_fini */
	popq	%rsi			/* 2nd: argc */
	movq	%rsp, %rdx		/* 3rd: argv */
	andq	$-16, %rsp
	pushq	%rax			/* keep the 16-byte alignment */
	pushq	%rsp			/* 7th (stack): stack_end */
# ifdef CSU
#  ifdef PIC
	leaq	__libc_csu_fini(%rip), %r8
	leaq	__libc_csu_init(%rip), %rcx
#  else
	movq	$__libc_csu_fini, %r8
	movq	$__libc_csu_init, %rcx
#  endif
# else
	xorl	%r8d, %r8d		/* 5th: fini */
	xorl	%ecx, %ecx		/* 4th: init */
# endif
# ifdef PIC
	movq	main@GOTPCREL(%rip), %rdi	/* 1st: main */
# else
	movq	$main, %rdi
# endif
	call	*__libc_start_main@GOTPCREL(%rip)
	hlt				/* __libc_start_main never returns */
	.cfi_endproc
	.size	_start, .-_start

CRT1_DATA
CRT1_STATIC_RELOC(ret)
CRT1_NOTE(2, 6, 32)

#elif defined CRTI
/* _init/_fini: what the linker collects in .init/.fini sits between these
 * prologues and crtn.o's epilogues; the stack is 16-byte aligned inside */
	.section .init, "ax", @progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, @function
_init:
	subq	$8, %rsp

	.section .fini, "ax", @progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, @function
_fini:
	subq	$8, %rsp

#elif defined CRTN
	.section .init, "ax", @progbits
	addq	$8, %rsp
	ret

	.section .fini, "ax", @progbits
	addq	$8, %rsp
	ret
#endif

NOTE_GNU_STACK

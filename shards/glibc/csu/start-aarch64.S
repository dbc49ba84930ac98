/* AArch64 start files, written from the AAPCS64 / Linux process start
 * conventions and glibc's __libc_start_main interface.  See
 * start-x86_64.S for the CRT1/PIC/CSU/CRTI/CRTN switches. */
#include "common.h"

#if defined CRT1
/* at entry: sp -> argc, argv[], NULL, envp[], NULL, auxv; x0 = ld.so's
 * finalizer or 0.  __libc_start_main(main x0, argc x1, argv x2, init x3,
 * fini x4, rtld_fini x5, stack_end x6) */
	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	.cfi_undefined x30
	mov	x29, #0
	mov	x30, #0
	mov	x5, x0			/* rtld_fini */
	ldr	x1, [sp]		/* argc */
	add	x2, sp, #8		/* argv */
	mov	x6, sp			/* stack_end */
# ifdef CSU
	adrp	x3, __libc_csu_init
	add	x3, x3, :lo12:__libc_csu_init
	adrp	x4, __libc_csu_fini
	add	x4, x4, :lo12:__libc_csu_fini
# else
	mov	x3, #0
	mov	x4, #0
# endif
# ifdef PIC
	adrp	x0, :got:main
	ldr	x0, [x0, #:got_lo12:main]
# else
	adrp	x0, main
	add	x0, x0, :lo12:main
# endif
	bl	__libc_start_main
	bl	abort			/* not reached */
	.cfi_endproc
	.size	_start, .-_start

CRT1_DATA
CRT1_STATIC_RELOC(ret)
CRT1_NOTE(3, 7, 0)

#elif defined CRTI
	.section .init, "ax", %progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, %function
_init:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp

	.section .fini, "ax", %progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, %function
_fini:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp

#elif defined CRTN
	.section .init, "ax", %progbits
	ldp	x29, x30, [sp], #16
	ret

	.section .fini, "ax", %progbits
	ldp	x29, x30, [sp], #16
	ret
#endif

NOTE_GNU_STACK

/* powerpc64le start files (ELFv2 ABI), written from the 64-bit ELF V2 ABI
 * and glibc's PowerPC __libc_start_main interface, which differs from the
 * other architectures: it takes the kernel's registers as they are and a
 * pointer to a startup block,
 *   __libc_start_main(argc r3, argv r4, envp r5, auxv r6, rtld_fini r7,
 *                     &{ sda_base, main, init, fini } r8, stack_on_entry r9)
 * where a static program (the kernel's argc on the stack) is told apart
 * from a dynamic one (ld.so's registers) through stack_on_entry.  See
 * start-x86_64.S for the CRT1/PIC/CSU/CRTI/CRTN switches; code is the same
 * with and without PIC, the block is relocated data either way. */
#include "common.h"

	.abiversion 2

#if defined CRT1
	.text
	.p2align 2
	.globl	_start
	.type	_start, @function
_start:
0:	addis	2, 12, .TOC.-0b@ha	/* the kernel and ld.so enter with */
	addi	2, 2, .TOC.-0b@l	/* r12 = _start: the global entry */
	.localentry _start, .-_start
	mr	9, 1			/* stack_on_entry */
	clrrdi	1, 1, 4			/* 16-byte aligned */
	li	0, 0
	stdu	1, -32(1)		/* minimal frame */
	std	0, 0(1)			/* back chain ends here */
	mtlr	0
	addis	8, 2, .Lstartinfo@toc@ha
	addi	8, 8, .Lstartinfo@toc@l
	bl	__libc_start_main
	nop
	trap				/* not reached */
	.size	_start, .-_start

	.section .data.rel.ro, "aw", @progbits
	.p2align 3
.Lstartinfo:
	.quad	0			/* sda_base: unused on 64-bit */
	.quad	main
# ifdef CSU
	.quad	__libc_csu_init
	.quad	__libc_csu_fini
# else
	.quad	0
	.quad	0
# endif

CRT1_DATA
CRT1_STATIC_RELOC(blr)
CRT1_NOTE(3, 10, 0)

#elif defined CRTI
/* 32 bytes of frame: what the linker collects between here and crtn.o
 * may call out, and calls save the TOC pointer at 24(r1) */
	.section .init, "ax", @progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, @function
_init:
0:	addis	2, 12, .TOC.-0b@ha
	addi	2, 2, .TOC.-0b@l
	.localentry _init, .-_init
	mflr	0
	std	0, 16(1)
	stdu	1, -32(1)

	.section .fini, "ax", @progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, @function
_fini:
0:	addis	2, 12, .TOC.-0b@ha
	addi	2, 2, .TOC.-0b@l
	.localentry _fini, .-_fini
	mflr	0
	std	0, 16(1)
	stdu	1, -32(1)

#elif defined CRTN
	.section .init, "ax", @progbits
	addi	1, 1, 32
	ld	0, 16(1)
	mtlr	0
	blr

	.section .fini, "ax", @progbits
	addi	1, 1, 32
	ld	0, 16(1)
	mtlr	0
	blr
#endif

NOTE_GNU_STACK

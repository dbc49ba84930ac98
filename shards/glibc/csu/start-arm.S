/* ARM (EABI, hard-float) start files, written from the ARM ELF/AAPCS
 * process start conventions and glibc's __libc_start_main interface.
 * ARM state and ARMv4T-era instructions only, so the same objects serve
 * armv6 (ARM1176, no Thumb-2) and armv7.  See start-x86_64.S for the
 * CRT1/PIC/CSU/CRTI/CRTN switches. */
#include "common.h"

	.syntax	unified
	.arm
	.eabi_attribute 28, 1		/* Tag_ABI_VFP_args: hard-float calls */

#if defined CRT1
/* at entry: sp -> argc, argv[], NULL, envp[], NULL, auxv; r0 = ld.so's
 * finalizer or 0.  __libc_start_main(main r0, argc r1, argv r2, init r3,
 * fini [sp], rtld_fini [sp+4], stack_end [sp+8]) */
	.text
	.p2align 2
	.globl	_start
	.type	_start, %function
_start:
	.fnstart
	.cantunwind
	mov	fp, #0
	mov	lr, #0
	pop	{r1}			/* argc */
	mov	r2, sp			/* argv */
	push	{r2}			/* stack_end */
	push	{r0}			/* rtld_fini */
# ifdef PIC
	ldr	r4, .Lgot
.Lgot_pc:
	add	r4, pc, r4		/* r4 = the GOT */
#  ifdef CSU
	ldr	ip, .Lfini
.Lfini_pc:
	add	ip, pc, ip
	ldr	r3, .Linit
.Linit_pc:
	add	r3, pc, r3
#  else
	mov	ip, #0
	mov	r3, #0
#  endif
	push	{ip}			/* fini */
	ldr	r0, .Lmain
	ldr	r0, [r4, r0]		/* main, from its GOT entry */
	bl	__libc_start_main(PLT)
	bl	abort(PLT)
	.p2align 2
.Lgot:	.word	_GLOBAL_OFFSET_TABLE_ - (.Lgot_pc + 8)
.Lmain:	.word	main(GOT)
#  ifdef CSU
.Lfini:	.word	__libc_csu_fini - (.Lfini_pc + 8)
.Linit:	.word	__libc_csu_init - (.Linit_pc + 8)
#  endif
# else
#  ifdef CSU
	ldr	ip, =__libc_csu_fini
	ldr	r3, =__libc_csu_init
#  else
	mov	ip, #0
	mov	r3, #0
#  endif
	push	{ip}			/* fini */
	ldr	r0, =main
	bl	__libc_start_main
	bl	abort
	.ltorg
# endif
	.fnend
	.size	_start, .-_start

CRT1_DATA
CRT1_STATIC_RELOC(bx lr)
CRT1_NOTE(2, 6, 32)

#elif defined CRTI
/* r3 is pushed only to keep the stack 8-byte aligned */
	.section .init, "ax", %progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, %function
_init:
	push	{r3, lr}

	.section .fini, "ax", %progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, %function
_fini:
	push	{r3, lr}

#elif defined CRTN
	.section .init, "ax", %progbits
	pop	{r3, lr}
	bx	lr

	.section .fini, "ax", %progbits
	pop	{r3, lr}
	bx	lr
#endif

NOTE_GNU_STACK

/* i386 start files, written from the System V i386 psABI ("Process
 * Initialization") and glibc's __libc_start_main interface.  See
 * start-x86_64.S for the CRT1/PIC/CSU/CRTI/CRTN switches. */
#include "common.h"

#if defined CRT1
/* at entry: %esp -> argc, argv[], NULL, envp[], NULL, auxv; %edx = ld.so's
 * finalizer or 0; arguments to __libc_start_main go on the stack:
 * main, argc, argv, init, fini, rtld_fini, stack_end */
	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined eip
	xorl	%ebp, %ebp
	popl	%esi			/* argc */
	movl	%esp, %ecx		/* argv */
	andl	$-16, %esp
	pushl	%eax			/* padding: 8 pushes keep 16-byte alignment */
	pushl	%esp			/* stack_end */
	pushl	%edx			/* rtld_fini */
# ifdef PIC
	call	1f
1:	popl	%ebx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-1b], %ebx
#  ifdef CSU
	leal	__libc_csu_fini@GOTOFF(%ebx), %eax
	pushl	%eax
	leal	__libc_csu_init@GOTOFF(%ebx), %eax
	pushl	%eax
#  else
	pushl	$0
	pushl	$0
#  endif
	pushl	%ecx
	pushl	%esi
	pushl	main@GOT(%ebx)
	call	__libc_start_main@PLT
# else
#  ifdef CSU
	pushl	$__libc_csu_fini
	pushl	$__libc_csu_init
#  else
	pushl	$0
	pushl	$0
#  endif
	pushl	%ecx
	pushl	%esi
	pushl	$main
	call	__libc_start_main
# endif
	hlt
	.cfi_endproc
	.size	_start, .-_start

/* _fp_hw: old programs read it to learn the FPU type; 3 = an FPU */
	.section .rodata
	.p2align 2
	.globl	_fp_hw
	.type	_fp_hw, @object
	.size	_fp_hw, 4
_fp_hw:	.long	3

CRT1_DATA
CRT1_STATIC_RELOC(ret)
CRT1_NOTE(2, 6, 32)

#elif defined CRTI
/* _init/_fini set %ebx to the GOT for whatever the linker collects
 * between them and crtn.o (PIC code compiled into .init needs it) */
	.section .init, "ax", @progbits
	.p2align 2
	.globl	_init
	.hidden	_init
	.type	_init, @function
_init:
	pushl	%ebx
	subl	$8, %esp
	call	1f
1:	popl	%ebx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-1b], %ebx

	.section .fini, "ax", @progbits
	.p2align 2
	.globl	_fini
	.hidden	_fini
	.type	_fini, @function
_fini:
	pushl	%ebx
	subl	$8, %esp
	call	2f
2:	popl	%ebx
	addl	$_GLOBAL_OFFSET_TABLE_+[.-2b], %ebx

#elif defined CRTN
	.section .init, "ax", @progbits
	addl	$8, %esp
	popl	%ebx
	ret

	.section .fini, "ax", @progbits
	addl	$8, %esp
	popl	%ebx
	ret
#endif

NOTE_GNU_STACK

# ccmux: one static binary, installed under many names.
#   make            build ./ccmux (static, musl-gcc)
#   make check      run the test suite (tests/run.sh)
#   make bench      the benchmark (bench/run.sh)
#   make fuzz       the libFuzzer harnesses (tests/fuzz/run.sh)
#   make install    PREFIX=/opt/ccmux DESTDIR=
VERSION = 0.1.0
PREFIX = /opt/ccmux
DESTDIR =
CC = musl-gcc
CFLAGS = -Os
LDFLAGS = -static
O = build

ALL_CFLAGS = $(CFLAGS) -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror=implicit \
	-Itargets -Icompat -DCCMUX_VERSION='"$(VERSION)"'

# every module but wrapper.c; unit tests link these
LIBOBJS = \
	$(O)/targets/target.o \
	$(O)/targets/name.o \
	$(O)/compat/util.o \
	$(O)/compat/version.o \
	$(O)/compat/shard.o \
	$(O)/compat/rules.o \
	$(O)/compat/args.o \
	$(O)/compat/path.o \
	$(O)/compat/sysroot.o \
	$(O)/compat/plan.o \
	$(O)/compat/exec.o \
	$(O)/compat/run.o \
	$(O)/compat/farm.o \
	$(O)/compat/binfmt.o \
	$(O)/compat/elfread.o \
	$(O)/compat/audit.o

UNITS = $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/test_*.c))

all: ccmux

ccmux: $(O)/wrapper.o $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(O)/wrapper.o $(LIBOBJS)

$(O)/%.o: %.c targets/*.h targets/*.def compat/*.h compat/*.def
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(LIBOBJS) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIBOBJS)

units: $(UNITS)

check: ccmux units
	bash tests/run.sh

bench: ccmux
	bash bench/run.sh

fuzz:
	bash tests/fuzz/run.sh

install: ccmux
	mkdir -p $(DESTDIR)$(PREFIX)/bin
	cp ccmux $(DESTDIR)$(PREFIX)/bin/ccmux.new
	mv -f $(DESTDIR)$(PREFIX)/bin/ccmux.new $(DESTDIR)$(PREFIX)/bin/ccmux

clean:
	rm -rf build build-* ccmux

.PHONY: all units check bench fuzz install clean

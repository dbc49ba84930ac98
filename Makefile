# ccmux: one static binary, installed under many names.
#   make            build ./ccmux (static, musl-gcc)
#   make check      run the test suite (tests/run.sh)
#   make check-asan the suite again with ccmux under ASan and UBSan
#   make check-real real upstream projects cross-built (tests/real/run.sh)
#   make check-all  all of these, check-real on every installed Linux target
#                   (a developer machine with a warm cache; CI runs a part)
#   make bench      the benchmark (bench/run.sh)
#   make bench-emulated  cross through ccmux against an emulated native build
#   make bench-install   what installing costs, cold and warm (bench/install.sh)
#   make fuzz       the libFuzzer harnesses (tests/fuzz/run.sh)
#   make install    PREFIX=/opt/ccmux DESTDIR=
VERSION = 0.1.0
PREFIX = /opt/ccmux
DESTDIR =
CC = musl-gcc
# small and quick to exec: ccmux runs once per compiler call
CFLAGS = -Os -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
LDFLAGS = -static -Wl,--gc-sections -s
O = build
BIN = ccmux

ALL_CFLAGS = $(CFLAGS) -std=c99 -D_GNU_SOURCE -Wall -Wextra -Werror=implicit \
	-I. -DCCMUX_VERSION='"$(VERSION)"'

# the layers, lowest first: an object includes only from its own layer and
# the ones before it (base < targets < compat < driver < cmd < wrapper.c)
BASE = $(O)/base/util.o $(O)/base/version.o $(O)/base/path.o $(O)/base/binread.o
TARGETS = $(O)/targets/target.o $(O)/targets/name.o
COMPAT = $(O)/compat/rules.o $(O)/compat/shard.o $(O)/compat/sysroot.o \
	$(O)/compat/elfread.o $(O)/compat/pe.o $(O)/compat/audit.o \
	$(O)/compat/policy.o
DRIVER = $(O)/driver/settings.o $(O)/driver/ctx.o $(O)/driver/args.o \
	$(O)/driver/choice.o $(O)/driver/plan.o $(O)/driver/driver.o \
	$(O)/driver/exec.o $(O)/driver/run.o
CMD = $(O)/cmd/explain.o $(O)/cmd/info.o $(O)/cmd/audit.o $(O)/cmd/farm.o \
	$(O)/cmd/binfmt.o $(O)/cmd/env.o $(O)/cmd/ecosys.o \
	$(O)/cmd/bazel.o $(O)/cmd/adopt.o
# every module but wrapper.c; unit tests link these
LIBOBJS = $(BASE) $(TARGETS) $(COMPAT) $(DRIVER) $(CMD)
HEADERS = $(wildcard base/*.h targets/*.h targets/*.def compat/*.h compat/*.def \
	driver/*.h cmd/*.h cmd/*.def)

UNITS = $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/test_*.c))

all: $(BIN)

$(BIN): $(O)/wrapper.o $(LIBOBJS)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(O)/wrapper.o $(LIBOBJS)

$(O)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%: tests/unit/%.c $(LIBOBJS) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIBOBJS)

units: $(UNITS)

check: $(BIN) units
	CCMUX_BIN=$(CURDIR)/$(BIN) CCMUX_UNITS=$(O)/tests bash tests/run.sh

# the whole suite once more with ccmux built under ASan and UBSan (clang,
# glibc); leak checking is off because ccmux never frees (see README)
SAN = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
check-asan:
	$(MAKE) O=build-asan BIN=ccmux-asan CC=clang-16 CFLAGS="$(SAN)" \
		LDFLAGS="$(SAN)" check ASAN_OPTIONS=detect_leaks=0

check-real: $(BIN)
	bash tests/real/run.sh

# every stage, the real projects on every installed Linux target (hours)
check-all: check check-asan fuzz
	p=$${CCMUX_PREFIX:-$$(cat .ccmux-prefix 2>/dev/null || echo /opt/ccmux)}; \
	REAL_TARGETS="$$("$$p/bin/ccmux" targets --installed | grep -- -linux- | tr '\n' ' ')" \
		bash tests/real/run.sh

bench: ccmux
	bash bench/run.sh

# sqlite3 for aarch64: cross through ccmux against Debian's arm64 gcc under
# qemu-user (bench/emulated.sh, about 35 minutes, root)
bench-emulated:
	bash bench/emulated.sh

# every seed target into new prefixes, cold then warm (about an hour cold)
bench-install:
	bash bench/install.sh

fuzz:
	bash tests/fuzz/run.sh

install: $(BIN)
	mkdir -p $(DESTDIR)$(PREFIX)/bin
	cp ccmux $(DESTDIR)$(PREFIX)/bin/ccmux.new
	mv -f $(DESTDIR)$(PREFIX)/bin/ccmux.new $(DESTDIR)$(PREFIX)/bin/ccmux

clean:
	rm -rf build build-* ccmux ccmux-asan

.PHONY: all units check check-asan check-real check-all bench bench-emulated bench-install fuzz install clean

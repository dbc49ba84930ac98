#!/usr/bin/env bash
# wheel: a C extension module built with setuptools through ccmux (Debian's
# python3, CC/LDSHARED the farm's TRIPLET-gcc-12: Python's build flags,
# -fstack-protector-strong among them, are newer than GCC 4.8), at the
# target's floor, then:
#  - x86_64-linux-gnu: imported by the host's Python; a wheel tagged
#    manylinux2014_x86_64 (bdist_wheel --plat-name) whose module passes
#    `ccmux audit --policy manylinux2014`;
#  - other glibc targets: the target's Python headers and sysconfig data from
#    Debian's libpython3.11-dev:ARCH and libpython3.11-stdlib:ARCH and its
#    python3.11 from python3.11-minimal:ARCH, all unpacked privately
#    (tests/real/debs.sh); the module is imported by that Python under qemu
#    with the cross libc (Debian's 2.36: its python needs it) and audited
#    against manylinux2014 (the floor is 2.17 where ccmux has it).
# The policy audit must also catch a module linked against a library the
# policy does not allow (libcrypt.so.1), so the check can fail.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/debs.sh"
PY=/usr/bin/python3
$PY -c 'import setuptools' 2>/dev/null || { fail tools "no setuptools for $PY (apt-get install python3-setuptools python3-dev)"; exit 0; }
case "$T" in
*-musl*) skip build "Debian has no musl Python to import the module"; exit 0 ;;
esac
PYV=$($PY -c 'import sys; print("%d.%d" % sys.version_info[:2])')
MA=$("$CCMUX" targets --field multiarch "$T")
ARCH=${T%%-*}
unset CFLAGS LDFLAGS CPPFLAGS PYTHONPATH PYTHONHOME _PYTHON_SYSCONFIGDATA_NAME
export HOME=$W

src() {
	rm -rf "$W/src" && mkdir -p "$W/src" && cd "$W/src" || return 1
	cat > ccdemo.c <<-'EOF'
	#define PY_SSIZE_T_CLEAN
	#include <Python.h>
	#include <math.h>

	static PyObject *hyp(PyObject *self, PyObject *args)
	{
		double a, b;

		(void)self;
		if (!PyArg_ParseTuple(args, "dd", &a, &b))
			return NULL;
		return PyFloat_FromDouble(sqrt(a * a + b * b));
	}

	static PyMethodDef methods[] = {
		{"hyp", hyp, METH_VARARGS, "hypotenuse"},
		{NULL, NULL, 0, NULL},
	};

	static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "ccdemo", NULL, -1, methods};

	PyMODINIT_FUNC PyInit_ccdemo(void)
	{
		return PyModule_Create(&mod);
	}
	EOF
	cat > setup.py <<-'EOF'
	from setuptools import setup, Extension
	setup(name="ccdemo", version="0.1", ext_modules=[Extension("ccdemo", ["ccdemo.c"], libraries=["m"])])
	EOF
}
step source src || exit 0

# the target's Python pieces, unpacked privately
PYROOT=
target_python() {
	local arch
	arch=$(debarch "$T") && [ -n "$arch" ] || { echo "no Debian architecture for $T"; return 1; }
	rm -rf "$W/py"
	deb_unpack "$arch" "$W/py" libpython$PYV-dev libpython$PYV-stdlib libpython$PYV-minimal \
		python$PYV-minimal zlib1g libexpat1 || return 1
	ls "$W/py/usr/lib/python$PYV/_sysconfigdata__linux_$MA.py" "$W/py/usr/bin/python$PYV"
}
if [ "$T" != x86_64-linux-gnu ]; then
	step target-python target_python || exit 0
	PYROOT=$W/py
fi

# <MULTIARCH/pythonX.Y/pyconfig.h>, which the headers' pyconfig.h includes,
# without the rest of the host's /usr/include
pyinc() {
	rm -rf "$W/pyinc" && mkdir -p "$W/pyinc/$MA" &&
	ln -s "${PYROOT:-}/usr/include/$MA/python$PYV" "$W/pyinc/$MA/python$PYV" &&
	ls "$W/pyinc/$MA/python$PYV/pyconfig.h"
}
step pyconfig pyinc || exit 0

# setup.py with the target's compilers (and its sysconfig data when cross)
setup() {
	local cc=$P/bin/$T-gcc-12
	env CC="$cc" LDSHARED="$cc -shared" AR="$P/bin/$T-ar" \
		CFLAGS="${PYROOT:+-I$PYROOT/usr/include/python$PYV }-I$W/pyinc" \
		${PYROOT:+_PYTHON_SYSCONFIGDATA_NAME=_sysconfigdata__linux_$MA} \
		${PYROOT:+PYTHONPATH=$PYROOT/usr/lib/python$PYV} \
		$PY setup.py "$@"
}
cd "$W/src" && step build setup build_ext --inplace || exit 0
MOD=$(ls "$W/src"/ccdemo*.so | head -n 1)
echo "    module: ${MOD##*/}"

run_import() {
	local out
	if [ -z "$PYROOT" ]; then
		out=$(cd "$W/src" && $PY -c 'import ccdemo; print(ccdemo.hyp(3, 4))') || return 1
	else
		local q qemu ld
		qemu=qemu-$("$CCMUX" targets --field qemu "$T")
		ld=/usr/$MA/lib
		[ -d "$ld" ] || { echo "no cross libc at $ld (Debian's libc6-*-cross)"; return 1; }
		# the cross libc, not the host's ld.so.cache (see DESIGN's trap)
		out=$(cd "$W/src" && $qemu -L "/usr/$MA" \
			-E "LD_LIBRARY_PATH=$ld:$PYROOT/lib/$MA:$PYROOT/usr/lib/$MA" \
			-E "PYTHONHOME=$PYROOT/usr" -E PYTHONPATH=. -E LC_ALL=C \
			"$PYROOT/usr/bin/python$PYV" -c 'import ccdemo; print(ccdemo.hyp(3, 4))') || return 1
	fi
	echo "ccdemo.hyp(3, 4) = $out"
	[ "$out" = 5.0 ]
}
step import run_import
step audit-target "$CCMUX" audit --target "$T" "$MOD"
case "$ARCH" in
x86_64|i686|aarch64|powerpc64le|armv7l)
	step audit-manylinux2014 "$CCMUX" audit --policy manylinux2014 "$MOD" ;;
esac
# the policy check fails where it must: a module that links libcrypt
must_fail() {
	local bad=$W/bad.so out
	printf 'char *crypt(const char *, const char *);\nvoid *p = (void *)crypt;\n' > "$W/bad.c"
	"$P/bin/$T-gcc-12" -shared -fPIC -o "$bad" "$W/bad.c" -lcrypt || return 1
	out=$("$CCMUX" audit --policy manylinux2014 "$bad") && { echo "no violation: $out"; return 1; }
	echo "$out"
	grep -q 'links libcrypt.so.1' <<< "$out"
}
step policy-catches-libcrypt must_fail
if [ "$T" = x86_64-linux-gnu ] && $PY -c 'import wheel' 2>/dev/null; then
	wheel() {
		rm -rf dist && setup bdist_wheel --plat-name manylinux2014_x86_64 &&
		rm -rf "$W/whl" && mkdir "$W/whl" && (cd "$W/whl" && $PY -m zipfile -e "$W/src"/dist/*.whl .) &&
		ls dist/*.whl && "$CCMUX" audit --policy manylinux2014 "$W/whl"/ccdemo*.so
	}
	step wheel-manylinux2014 wheel
fi

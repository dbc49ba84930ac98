# tests/real/debs.sh: Debian packages of another architecture, unpacked
# privately (sourced by cargo.sh and wheel.sh after lib.sh).  Nothing is
# installed into the system: apt-get download and dpkg -x into a directory,
# so the machine needs no foreign architecture and no foreign libc6.  When
# dpkg does not know the architecture, apt works on a private state (its own
# lists and cache under REAL_CACHE, the machine's sources and an empty dpkg
# status), which fetches that architecture's package lists once.

# debarch TARGET: Debian's architecture name of one of our targets (arm64)
debarch() {
	dpkg-architecture -t "$("$CCMUX" targets --field multiarch "$1")" \
		-qDEB_HOST_ARCH 2>/dev/null
}

# apt-get with a private state for architecture $1 (the rest: its arguments)
apt_private() {
	local arch=$1 d=$REAL_CACHE/apt-$1
	shift
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	: > "$d/status"
	apt-get -q -o "APT::Architectures::=$(dpkg --print-architecture)" \
		-o "APT::Architectures::=$arch" -o "Dir::State::Lists=$d/lists" \
		-o "Dir::Cache=$d/cache" -o "Dir::State::status=$d/status" "$@"
}

# deb_unpack ARCH DIR PKG[=VERSION]...: the packages' files under DIR
# (downloads kept in REAL_CACHE/debs)
deb_unpack() {
	local arch=$1 dir=$2 p name f dl=$REAL_CACHE/debs
	shift 2
	mkdir -p "$dl" "$dir"
	chmod 777 "$dl" 2>/dev/null   # apt downloads as _apt where it can
	for p in "$@"; do
		name=${p%%=*}
		f=$(ls "$dl/${name}_"*"_$arch.deb" 2>/dev/null | head -n 1)
		if [ -z "$f" ]; then
			if [ "$arch" = "$(dpkg --print-architecture)" ] ||
				dpkg --print-foreign-architectures | grep -qx "$arch"; then
				(cd "$dl" && apt-get download -q "$name:$arch${p#"$name"}") || return 1
			else
				# a list that fails to come (a security mirror mid-sync)
				# leaves the others usable: the main archive's is enough
				ls "$REAL_CACHE/apt-$arch/lists" 2>/dev/null | grep -q "binary-${arch}_Packages" ||
					apt_private "$arch" update || true
				ls "$REAL_CACHE/apt-$arch/lists" | grep -q "binary-${arch}_Packages" ||
					{ echo "apt-get update gave no package list for $arch"; return 1; }
				(cd "$dl" && apt_private "$arch" download "$name:$arch${p#"$name"}") || return 1
			fi
			f=$(ls "$dl/${name}_"*"_$arch.deb" 2>/dev/null | head -n 1)
		fi
		[ -n "$f" ] || { echo "no $name for $arch"; return 1; }
		dpkg -x "$f" "$dir" || return 1
	done
}

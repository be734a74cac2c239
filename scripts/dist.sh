#!/usr/bin/env bash
# Writes dist/qanda-<version>-linux-x86_64.tar.gz and its .sha256: one folder holding a stripped `qanda` that
# runs on any x86_64 Linux with glibc (Swift's standard library and Foundation, libstdc++, libgcc and
# libcmark-gfm with its extensions all linked in statically), bash, zsh and fish completions, the man page and a
# README. Built in .build-dist/, apart from the normal .build/, and reused between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

scratch=.build-dist
# ld takes the first library of a name it finds on its search path, a .so before a .a in the same folder. The
# system-library target links `-lcmark-gfm -lcmark-gfm-extensions` with the -L of libcmark-gfm.pc, which SwiftPM
# puts before any other: a copy of the .pc whose -L is a folder holding only the static archives (found first
# through PKG_CONFIG_PATH) makes ld link those. libstdc++.a there does the same for -lstdc++.
static_libs="$PWD/$scratch/static-libs"
mkdir -p "$static_libs" "$scratch/pkgconfig"
for library in libcmark-gfm.a libcmark-gfm-extensions.a; do
  [ -f "/usr/lib/x86_64-linux-gnu/$library" ] || { echo "dist: /usr/lib/x86_64-linux-gnu/$library missing (libcmark-gfm-dev, libcmark-gfm-extensions-dev)" >&2; exit 1; }
  ln -sf "/usr/lib/x86_64-linux-gnu/$library" "$static_libs/$library"
done
libstdcxx=$(clang -print-file-name=libstdc++.a)
[ -f "$libstdcxx" ] || { echo "dist: libstdc++.a not found (libstdc++-12-dev)" >&2; exit 1; }
ln -sf "$libstdcxx" "$static_libs/libstdc++.a"
sed "s|^Libs:.*|Libs: -L$static_libs -lcmark-gfm -lcmark-gfm-extensions|" \
  "$(pkg-config --variable=pcfiledir libcmark-gfm)/libcmark-gfm.pc" > "$scratch/pkgconfig/libcmark-gfm.pc"
export PKG_CONFIG_PATH="$PWD/$scratch/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

started=$(date +%s)
swift build -c release --product qanda --scratch-path "$scratch" --static-swift-stdlib \
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
echo "dist: release build with static libraries in $(( $(date +%s) - started )) s" >&2
built="$scratch/release/qanda"

# Only the C library's own shared objects may remain.
needed=$(readelf -d "$built" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in $needed; do
  case "$library" in
    libc.so.6|libm.so.6|ld-linux-x86-64.so.2|libdl.so.2|libpthread.so.0|librt.so.1|libutil.so.1) ;;
    *) echo "dist: $built still needs $library" >&2; exit 1 ;;
  esac
done
runpath=$(readelf -d "$built" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]/\2/p')
case "$runpath" in ""|'$ORIGIN') ;; *) echo "dist: $built looks for libraries in $runpath" >&2; exit 1 ;; esac

version=$("$built" --version | cut -d' ' -f1)
case "$("$built" --version)" in
  *uncommitted*|*unknown*) echo "dist: warning: $("$built" --version): a release should be built from a clean commit" >&2 ;;
esac
name="qanda-$version-linux-x86_64"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage/completions" "$stage/man"
strip -o "$stage/qanda" "$built"
for shell in bash zsh fish; do
  file=$(case $shell in bash) echo qanda.bash ;; zsh) echo _qanda ;; fish) echo qanda.fish ;; esac)
  "$stage/qanda" --generate-completion-script "$shell" > "$stage/completions/$file"
done
python3 scripts/man-page.py "$stage/qanda" > "$stage/man/qanda.1"
glibc=$(objdump -T "$built" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
cat > "$stage/README" <<README
Qanda $("$stage/qanda" --version), for Linux x86_64 with glibc $glibc or later.
A static site generator for question-and-answer knowledge bases: https://github.com/qanda-ssg/qanda

Install (as root, or with sudo):

  install -Dm 755 qanda /usr/local/bin/qanda
  install -Dm 644 man/qanda.1 /usr/local/share/man/man1/qanda.1
  install -Dm 644 completions/qanda.bash /usr/local/share/bash-completion/completions/qanda
  install -Dm 644 completions/_qanda /usr/local/share/zsh/site-functions/_qanda
  install -Dm 644 completions/qanda.fish /usr/local/share/fish/vendor_completions.d/qanda.fish

Only the first line is needed; the others add the man page (man qanda) and tab completion. Nothing else is
needed at run time: Swift's libraries and libcmark-gfm are inside the executable, and qanda build makes the
site's search index itself. Then, in a site folder: qanda build (qanda help for more).
README

# Deterministic: sorted names, no owners, every file dated at the commit (or now, outside git).
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C dist -cf - "$name" | gzip -n -9 > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -rf "$stage"
echo "dist: dist/$name.tar.gz ($(du -k "dist/$name.tar.gz" | cut -f1) kB), dist/$name.tar.gz.sha256" >&2

#!/usr/bin/env bash
# Proves the release tarball stands alone: makes it (scripts/dist.sh), verifies its checksum, unpacks it, and
# in a mount namespace where /opt/swift (the Swift toolchain) is an empty folder and every libcmark-gfm*.so* is an
# empty file, runs its executable: `--version`, a build of a copy of the example site, and `qanda check` on it.
# The same namespace first shows the hiding works: the toolchain's libswiftCore.so and libcmark-gfm cannot be
# loaded there, and a qanda from `swift build` (when there is one) cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

need_apt=()
command -v groff >/dev/null || need_apt+=(groff)
command -v man >/dev/null || need_apt+=(man-db)
command -v unshare >/dev/null || need_apt+=(util-linux)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "dist-check: installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

./scripts/dist.sh
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }
tarball=$(ls dist/qanda-*-linux-x86_64.tar.gz)
[ "$(echo "$tarball" | wc -l)" = 1 ] || fail "more than one tarball in dist/: $tarball"
name=$(basename "$tarball" .tar.gz)
version=${name#qanda-}; version=${version%-linux-x86_64}

(cd dist && sha256sum -c "$name.tar.gz.sha256") || fail "checksum of $tarball"
work=$(mktemp -d /tmp/qanda-dist-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
[ "$(ls "$work")" = "$name" ] || fail "the tarball holds $(ls "$work"), not one folder $name"
unpacked="$work/$name"
for file in qanda completions/qanda.bash completions/_qanda completions/qanda.fish man/qanda.1 README; do
  [ -s "$unpacked/$file" ] || fail "$name/$file missing or empty"
done
[ -x "$unpacked/qanda" ] || fail "$name/qanda is not executable"
! readelf -S "$unpacked/qanda" | grep -q '\.symtab' || fail "$name/qanda is not stripped (it has a symbol table)"
bash -n "$unpacked/completions/qanda.bash" || fail "the bash completion does not parse"
grep -q -- '--no-search' "$unpacked/completions/qanda.bash" || fail "the bash completion lacks build's options"
if command -v zsh >/dev/null; then zsh -n "$unpacked/completions/_qanda" || fail "the zsh completion does not parse"; fi
if command -v fish >/dev/null; then fish -n "$unpacked/completions/qanda.fish" || fail "the fish completion does not parse"; fi
warnings=$(groff -man -Tutf8 -ww -z "$unpacked/man/qanda.1" 2>&1)
[ -z "$warnings" ] || fail "groff warns about man/qanda.1: $warnings"
MANWIDTH=80 man -l "$unpacked/man/qanda.1" 2>/dev/null | grep -q "qanda check" || fail "man -l man/qanda.1 does not show the check command"

# The example site (this repository's qanda.yml, Content/ and Templates/ when there is one), copied.
mkdir "$work/site"
for part in qanda.yml Content Templates; do [ -e "$part" ] && cp -R "$part" "$work/site/"; done

dynamic=""
[ -x .build/debug/qanda ] && dynamic="$repo/.build/debug/qanda"
touch "$work/empty"
cat > "$work/inside.sh" <<'INSIDE'
set -euo pipefail
work=$1 unpacked=$2 version=$3 dynamic=$4
fail() { echo "dist-check: FAIL (in the namespace): $*" >&2; exit 1; }
mount -t tmpfs -o size=1m,mode=755 hidden-swift /opt/swift
hidden=0
for library in /usr/lib/x86_64-linux-gnu/libcmark-gfm*.so*; do
  [ -L "$library" ] && continue  # the symlinks lead to the files hidden here
  mount --bind "$work/empty" "$library"; hidden=$((hidden + 1))
done
[ -z "$(ls -A /opt/swift)" ] || fail "/opt/swift is not empty"
[ "$hidden" -ge 2 ] || fail "found $hidden libcmark-gfm shared libraries to hide, expected 2"
! command -v swift >/dev/null || fail "swift is still on PATH: $(command -v swift)"
python3 -c 'import ctypes; ctypes.CDLL("/opt/swift/usr/lib/swift/linux/libswiftCore.so")' 2>/dev/null && fail "the toolchain's libswiftCore.so can still be loaded"
python3 -c 'import ctypes; ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")' 2>/dev/null && fail "libcmark-gfm can still be loaded"
python3 -c 'import ctypes; ctypes.CDLL("libcmark-gfm-extensions.so.0.29.0.gfm.6")' 2>/dev/null && fail "libcmark-gfm-extensions can still be loaded"
if [ -n "$dynamic" ]; then
  "$dynamic" --version >/dev/null 2>&1 && fail "$dynamic (linked to the toolchain's libraries) still starts"
  echo "dist-check: in the namespace, $dynamic does not start: $("$dynamic" --version 2>&1 | head -1)"
fi

cd "$work"
line=$("$unpacked/qanda" --version) || fail "qanda --version exits $?"
case "$line" in "$version (commit "*) ;; *) fail "qanda --version says '$line'" ;; esac
echo "dist-check: qanda --version: $line"
"$unpacked/qanda" build --site site || fail "qanda build of the example site exits $?"
[ -s site/Site/index.html ] || fail "the build wrote no site/Site/index.html"
pages=$(find site/Site/questions -name index.html | wc -l)
[ "$pages" -gt 5 ] || fail "the build wrote $pages question pages"
status=0
"$unpacked/qanda" check --site site > check.txt || status=$?
[ "$status" = 0 ] || { cat check.txt; fail "qanda check of the example site exits $status"; }
tail -1 check.txt
INSIDE

as_root=()
[ "$(id -u)" = 0 ] || as_root=(--user --map-root-user)
unshare "${as_root[@]}" --mount --propagation private bash "$work/inside.sh" "$work" "$unpacked" "$version" "$dynamic" \
  || fail "the tarball's executable without Swift or libcmark-gfm (above)"
# Outside the namespace, the same probes succeed: what failed in there failed for the hiding.
python3 -c 'import ctypes; ctypes.CDLL("libcmark-gfm.so.0.29.0.gfm.6")' || fail "libcmark-gfm cannot be loaded even outside"
python3 -c 'import ctypes; ctypes.CDLL("/opt/swift/usr/lib/swift/linux/libswiftCore.so")' || fail "libswiftCore.so cannot be loaded even outside"
[ -z "$dynamic" ] || "$dynamic" --version >/dev/null || fail "$dynamic does not start even outside"
echo "dist-check: PASS: $tarball ($(du -k "$tarball" | cut -f1) kB) runs with /opt/swift and libcmark-gfm hidden"

#!/usr/bin/env bash
# The floor of a static site build, for `make bench`: what no generator can beat on this machine. Two steps, each
# timed with GNU time:
#   1. cmark-gfm (the C library Qanda uses, through its command line) over every Markdown file of the site, with
#      GitHub's extensions (its command line has no footnote option), on all cores (xargs -P), output thrown
#      away: reading and converting the text;
#   2. cp -r of a built site: writing that many files and bytes.
# Prints one line: "cmark_wall_s cp_wall_s peak_kib" (peak of the larger step).
#
#   scripts/bench/floor.sh SITE_FOLDER BUILT_SITE COPY_DESTINATION
# COPY_DESTINATION must not exist; it is left in place (the bench deletes outputs only before it starts).
set -euo pipefail
[ $# = 3 ] || { echo "usage: $0 SITE_FOLDER BUILT_SITE COPY_DESTINATION" >&2; exit 2; }
site=$1 built=$2 copy=$3
command -v cmark-gfm >/dev/null || { echo "floor: cmark-gfm is not installed (apt-get install cmark-gfm)" >&2; exit 3; }
[ ! -e "$copy" ] || { echo "floor: $copy already exists" >&2; exit 2; }
times=$(mktemp)
trap 'rm -f "$times" "$times.cp"' EXIT

# 200 files per cmark-gfm process: few enough processes that starting them is not what is measured.
/usr/bin/time -f "%e %M" -o "$times" sh -c '
  find "$1/Content" -name "*.md" -print0 |
    xargs -0 -n 200 -P "$(nproc)" cmark-gfm --extension table --extension strikethrough --extension autolink \
      --extension tagfilter --extension tasklist --smart >/dev/null' sh "$site"
/usr/bin/time -f "%e %M" -o "$times.cp" cp -r "$built" "$copy"
read -r cmark_wall cmark_kib <"$times"
read -r cp_wall cp_kib <"$times.cp"
echo "$cmark_wall $cp_wall $(( cmark_kib > cp_kib ? cmark_kib : cp_kib ))"

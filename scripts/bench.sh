#!/usr/bin/env bash
# Times `qanda build` on generated corpora (qanda-corpus, this package's generator) and prints a table; `make bench`
# runs it.
#
#   BENCH_SIZES="1000 10000"   questions per corpus ("none": only the import rows below)
#   BENCH_RUNS=3               timed clean builds (and no-change rebuilds) per size; the median is reported
#   BENCH_DIR=/tmp/qanda-bench corpora and outputs (outside the repository, kept between runs)
#   BENCH_QANDA_FLAGS="--no-search"  flags for every qanda build (default: no search index; empty to include it in
#                              every row: clean, no-change and one-edit builds with search)
#   BENCH_HUGO=1               also time Hugo on the same corpus (qanda-corpus --format hugo: the same threads as a
#                              Hugo site with layouts of ours), alternating runs; skipped, saying so, without hugo
#   BENCH_FLOOR=1              also time the floor (scripts/bench/floor.sh: cmark-gfm alone over every Markdown file
#                              + cp -r of the output); skipped, saying so, without cmark-gfm
#   BENCH_SEARCH=1             also time clean builds with the search index (plain `qanda build`, alternating with
#                              the clean builds without) and one-edit rebuilds with it, and report the index's bytes
#                              and files (their own rows)
#   BENCH_SETTLE=300           seconds to wait after deleting the outputs of an earlier bench, before the first
#                              timed build (0: no wait)
#   BENCH_IMPORT_POSTS=1000000 posts of the synthetic Stack Exchange dump `qanda import stackexchange` reads (its own
#                              rows: posts per second and peak memory, with and without PostHistory.xml); 0 skips it
#
# Every timed clean build writes a folder of its own; nothing is deleted until the next bench starts. This machine's
# ext4 has no journal, and such an ext4 does not reuse a freed inode for 60 s (5 minutes while its inode table
# block is unwritten): creating files soon after a large deletion scans past every freed inode. Measured: 10,000
# folders of 4 files take 2.0 s fresh and 25.7 s right after deleting the same tree; a 10,000-question build
# took 13.6 s of system time 65 s after deleting the previous output and `sync`, 5.4 s with nothing deleted in
# the last minutes. Deleting between runs would time the last deletion, and hurt most the tool that writes most.
#
# The table goes to stdout and, as Markdown, to bench-results/latest.md (git-ignored).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${BENCH_SIZES:-1000 10000}
[ "$SIZES" = none ] && SIZES=""
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_DIR:-/tmp/qanda-bench}
HUGO=${BENCH_HUGO:-0}
FLOOR=${BENCH_FLOOR:-0}
SEARCH=${BENCH_SEARCH:-0}
SETTLE=${BENCH_SETTLE:-300}
# The rows without search are the default; BENCH_SEARCH=1 adds a clean build with it, BENCH_QANDA_FLAGS= puts it in
# every row.
read -r -a QANDA_FLAGS <<< "${BENCH_QANDA_FLAGS---no-search}"
BIN=$REPO/.build-bench/release/qanda
CORPUS=$REPO/.build-bench/release/qanda-corpus

log() { echo "bench: $*" >&2; }

# GNU time gives peak RSS as well as wall time; Debian's `time` package provides it.
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
# Hugo (the comparison) and the cmark-gfm CLI (the floor) come from Debian: installed when missing and possible;
# where they still are not on the PATH, their rows are skipped and the table says so.
skipped=()
for need in "HUGO:hugo:hugo" "FLOOR:cmark-gfm:cmark-gfm"; do
  IFS=: read -r variable command package <<<"$need"
  [ "${!variable}" = 1 ] || continue
  if ! command -v "$command" >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1 || true
  fi
  if ! command -v "$command" >/dev/null; then
    log "$command is not installed (apt-get install $package): skipping its rows"
    skipped+=("$command is not installed, so its rows are skipped (apt-get install $package)")
    printf -v "$variable" 0
  fi
done

# A scratch path of its own, so the benchmark never fights `swift build` / `make test` over .build/.
log "building qanda and qanda-corpus (release) into .build-bench/"
(cd "$REPO" && swift build -c release --product qanda --scratch-path .build-bench >&2 &&
  swift build -c release --product qanda-corpus --scratch-path .build-bench >&2)

median() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }

# timed LABEL CMD...: runs CMD under GNU time; appends "wall_s peak_kib" to $WORK/$N/LABEL.times and keeps
# CMD's stdout/stderr in LABEL.out/.err (the last run's). Stops the benchmark if CMD fails.
timed() {
  local label=$1; shift
  if ! /usr/bin/time -f "%e %M" -o "$D/$label.time" "$@" >"$D/$label.out" 2>"$D/$label.err"; then
    log "FAILED: $label: $*"; head -n 40 "$D/$label.err" >&2; exit 1
  fi
  tail -n 1 "$D/$label.time" >>"$D/$label.times"
}

# Removes what an earlier bench left (outputs, and qanda's .NAME.qanda-* beside them), then lets the file system
# settle (above) if there was anything to remove.
remove_outputs() {
  local old; old=$(find "$WORK" -mindepth 2 -maxdepth 2 \( -name 'out-*' -o -name '.out-*' -o -name 'hugo-out*' -o -name 'floor-copy-*' -o -name out -o -name '.out.qanda-*' \) 2>/dev/null)
  [ -n "$old" ] || return 0
  log "removing the outputs of an earlier bench"
  echo "$old" | xargs rm -rf --
  if [ "$SETTLE" != 0 ]; then log "waiting ${SETTLE}s for the file system to settle"; sync; sleep "$SETTLE"; fi
}

# From qanda's summary line "Built 1,000 threads: 5,432 pages, ...; 5435 written, 0 unchanged in ..." (or
# "Nothing changed since the last build: 0 files written ..."): the number before WORD, "-" when there is none.
summary_field() {
  python3 - "$1" "$2" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
if text.startswith("Nothing changed"):
    print("0" if sys.argv[2] == "written" else "-")
else:
    m = re.search(r"([0-9,]+) " + re.escape(sys.argv[2]), text)
    print(m.group(1).replace(",", "") if m else "-")
PY
}

rows=()   # "questions|tool|median s|runs s|pages|pages/s|peak MiB|files written"
row() {   # row N TOOL TIMESFILE PAGES FILES
  local walls; walls=$(cut -d' ' -f1 "$3" | paste -sd/ -)
  local wall; wall=$(cut -d' ' -f1 "$3" | median)
  local mib; mib=$(cut -d' ' -f2 "$3" | median | awk '{ printf "%.0f", $1 / 1024 }')
  local pps; pps=$(awk -v p="$4" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? p / w : 0) }')
  rows+=("$1|$2|$wall|$walls|$4|$pps|$mib|$5")
}

mkdir -p "$WORK"
remove_outputs
for N in $SIZES; do
  D=$WORK/$N; mkdir -p "$D"; rm -f "$D"/*.times
  SITE=$D/site
  # qanda-corpus is deterministic for a given seed, so a finished corpus of this size is reused while the generator
  # is the same build (its checksum is in the stamp); the stamp is written only after it completes, so an
  # interrupted generation is redone.
  stamp=$(cksum <"$CORPUS" | cut -d' ' -f1)
  if [ "$(cat "$D/corpus.done" 2>/dev/null)" != "$stamp" ]; then
    log "N=$N: generating corpus"
    rm -f "$D/corpus.done" "$D/hugo.done"
    "$CORPUS" --questions "$N" --seed 1 --out "$SITE" --force --quiet
    echo "$stamp" >"$D/corpus.done"
  fi
  if [ "$HUGO" = 1 ] && [ "$(cat "$D/hugo.done" 2>/dev/null)" != "$stamp" ]; then
    log "N=$N: generating the same corpus as a Hugo site"
    "$CORPUS" --questions "$N" --seed 1 --format hugo --out "$D/hugo" --force --quiet
    echo "$stamp" >"$D/hugo.done"
  fi

  # One untimed warm-up puts the corpus in the page cache, so the first timed run is not the odd one out.
  log "N=$N: warm-up"
  timed warmup "$BIN" build "${QANDA_FLAGS[@]}" --site "$SITE" --output "$D/out-warmup"
  for i in $(seq "$RUNS"); do
    if [ "$SEARCH" = 1 ]; then   # first, so that the last build of the loop (which the cache describes) is OUT's
      log "N=$N: clean build with the search index $i/$RUNS"
      timed search "$BIN" build --no-cache --site "$SITE" --output "$D/out-search-$i"
    fi
    log "N=$N: clean build $i/$RUNS"
    OUT=$D/out-$i; timed qanda "$BIN" build "${QANDA_FLAGS[@]}" --site "$SITE" --output "$OUT"
    if [ "$HUGO" = 1 ]; then   # alternating, so machine noise hits both tools alike
      log "N=$N: hugo build $i/$RUNS"
      HUGO_OUT=$D/hugo-out-$i; timed hugo hugo --source "$D/hugo" --destination "$HUGO_OUT" --quiet
    fi
  done
  row "$N" "qanda clean" "$D/qanda.times" "$(summary_field "$D/qanda.out" pages)" "$(summary_field "$D/qanda.out" written)"
  if [ -s "$D/qanda.err" ]; then log "N=$N: qanda printed on stderr:"; head -n 20 "$D/qanda.err" >&2; fi

  # The last clean output is complete and current: every further build into it is a no-change rebuild.
  for i in $(seq "$RUNS"); do
    log "N=$N: no-change rebuild $i/$RUNS"
    timed rebuild "$BIN" build "${QANDA_FLAGS[@]}" --site "$SITE" --output "$OUT"
  done
  row "$N" "qanda no-change" "$D/rebuild.times" "$(summary_field "$D/rebuild.out" pages)" "$(summary_field "$D/rebuild.out" written)"
  log "N=$N: $(head -n 1 "$D/rebuild.out")"

  # One answer edited (a sentence appended), built, then put back (untimed): what an editor's next build costs.
  answer=$(find "$SITE/Content/questions" -mindepth 2 -name '*.md' ! -name question.md | sort | awk 'NR == 1')
  cp "$answer" "$D/answer.orig"
  for i in $(seq "$RUNS"); do
    log "N=$N: one-edit rebuild $i/$RUNS"
    printf '\nAn edit for the benchmark, run %s.\n' "$i" >>"$answer"
    timed edit "$BIN" build "${QANDA_FLAGS[@]}" --site "$SITE" --output "$OUT"
    cp "$D/answer.orig" "$answer"
    "$BIN" build "${QANDA_FLAGS[@]}" --site "$SITE" --output "$OUT" >/dev/null 2>&1
  done
  row "$N" "qanda one edit" "$D/edit.times" "$(summary_field "$D/edit.out" pages)" "$(summary_field "$D/edit.out" written)"

  # qanda check reading every file, and after the build above (whose cache is current), alternating. Exit 1 is
  # a finding, not a failure; the report goes nowhere.
  for i in $(seq "$RUNS"); do
    log "N=$N: check $i/$RUNS"
    timed check-all sh -c '"$@" >/dev/null; [ $? -le 1 ]' sh "$BIN" check --site "$SITE" --no-cache
    timed check-cached sh -c '"$@" >/dev/null; [ $? -le 1 ]' sh "$BIN" check --site "$SITE"
  done
  row "$N" "qanda check, every file" "$D/check-all.times" "-" "0"
  row "$N" "qanda check after a build" "$D/check-cached.times" "-" "0"

  q_wall=$(cut -d' ' -f1 "$D/qanda.times" | median); q_kib=$(cut -d' ' -f2 "$D/qanda.times" | median)
  if [ "$HUGO" = 1 ]; then
    row "$N" "hugo clean" "$D/hugo.times" "$(find "$HUGO_OUT" -name index.html | wc -l)" "$(find "$HUGO_OUT" -type f | wc -l)"
    h_wall=$(cut -d' ' -f1 "$D/hugo.times" | median); h_kib=$(cut -d' ' -f2 "$D/hugo.times" | median)
    rows+=("$N|qanda / hugo wall|$(awk -v q="$q_wall" -v h="$h_wall" 'BEGIN { printf "%.2f", q / h }') (target <= 0.25)||||||")
    rows+=("$N|qanda / hugo peak memory|$(awk -v q="$q_kib" -v h="$h_kib" 'BEGIN { printf "%.2f", q / h }') (target <= 0.25)||||||")
  fi
  if [ "$FLOOR" = 1 ]; then
    log "N=$N: floor (cmark-gfm alone, cp -r of the output)"
    rm -f "$D/floor.times"
    for i in $(seq "$RUNS"); do
      "$REPO/scripts/bench/floor.sh" "$SITE" "$OUT" "$D/floor-copy-$i" | awk '{ print $1 + $2, $3 }' >>"$D/floor.times"
    done
    f_wall=$(cut -d' ' -f1 "$D/floor.times" | median)
    f_mib=$(cut -d' ' -f2 "$D/floor.times" | median | awk '{ printf "%.0f", $1 / 1024 }')
    rows+=("$N|floor (cmark-gfm + cp -r)|$f_wall|$(cut -d' ' -f1 "$D/floor.times" | paste -sd/ -)|||$f_mib|")
    rows+=("$N|qanda / floor wall|$(awk -v q="$q_wall" -v f="$f_wall" 'BEGIN { printf "%.2f", q / f }') (target <= 2)||||||")
  fi
  if [ "$SEARCH" = 1 ]; then
    row "$N" "qanda clean + search" "$D/search.times" "$(summary_field "$D/search.out" pages)" "$(summary_field "$D/search.out" written)"
    s_wall=$(cut -d' ' -f1 "$D/search.times" | median)
    rows+=("$N|search / no search, clean wall|$(awk -v s="$s_wall" -v q="$q_wall" 'BEGIN { printf "%.3f", s / q }') (target <= 1.15)||||||")
    index=$D/out-search-$RUNS/search/index
    rows+=("$N|search index (search/index/)|$(du -sb "$index" | cut -f1) bytes in $(find "$index" -type f | wc -l) files||||||")
    # One edit with search: the cache first made to describe the last search output (untimed), then as above.
    "$BIN" build --site "$SITE" --output "$D/out-search-$RUNS" >/dev/null 2>&1
    for i in $(seq "$RUNS"); do
      log "N=$N: one-edit rebuild with search $i/$RUNS"
      printf '\nAn edit for the benchmark, run %s.\n' "$i" >>"$answer"
      timed search-edit "$BIN" build --site "$SITE" --output "$D/out-search-$RUNS"
      cp "$D/answer.orig" "$answer"
      "$BIN" build --site "$SITE" --output "$D/out-search-$RUNS" >/dev/null 2>&1
    done
    row "$N" "qanda one edit + search" "$D/search-edit.times" "$(summary_field "$D/search-edit.out" pages)" "$(summary_field "$D/search-edit.out" written)"
    rows+=("$N|one edit + search: index files written|$(grep -o '[0-9]* of [0-9]* files written' "$D/search-edit.out" | head -n 1)||||||")
  fi
done

# qanda import stackexchange on a synthetic dump (qanda-corpus --format stackexchange): once writing a new site, then
# read whole into the dry run's counting sink (the reader's speed and memory, whatever the writer does). Once with PostHistory.xml (bodies are its
# Markdown, read again by offset) and once without (every body converted from HTML).
IMPORT_POSTS=${BENCH_IMPORT_POSTS:-1000000}
if [ "$IMPORT_POSTS" != 0 ]; then
  D=$WORK/import-$IMPORT_POSTS; mkdir -p "$D"; rm -f "$D"/*.times
  DUMP=$D/dump
  stamp=$(cksum <"$CORPUS" | cut -d' ' -f1)
  if [ "$(cat "$D/dump.done" 2>/dev/null)" != "$stamp" ]; then
    log "import: generating a Stack Exchange dump of $IMPORT_POSTS posts"
    rm -f "$D/dump.done"
    "$CORPUS" --format stackexchange --posts "$IMPORT_POSTS" --seed 1 --out "$DUMP" --force --quiet
    echo "$stamp" >"$D/dump.done"
  fi
  # The same dump without PostHistory.xml, by links to its other files.
  mkdir -p "$D/dump-html"
  for file in Posts.xml Users.xml Tags.xml; do ln -sf "$DUMP/$file" "$D/dump-html/$file"; done
  dump_bytes=$(du -sbL "$DUMP" | cut -f1)
  posts_bytes=$(stat -c %s "$DUMP/Posts.xml")
  log "import: warm-up"
  timed import-warmup "$BIN" import stackexchange "$DUMP" --site-url https://example.stackexchange.com --site "$D/site" --dry-run
  for i in $(seq "$RUNS"); do
    log "import: $IMPORT_POSTS posts $i/$RUNS"
    timed import "$BIN" import stackexchange "$DUMP" --site-url https://example.stackexchange.com --site "$D/site" --dry-run
    log "import: $IMPORT_POSTS posts, HTML bodies $i/$RUNS"
    timed import-html "$BIN" import stackexchange "$D/dump-html" --site-url https://example.stackexchange.com --site "$D/site" --dry-run
  done
  # Once, writing the site for real (every thread, answer and author a file of its own, on the bench's disk): what
  # an editor waits for. A fresh folder each time, since an import never overwrites and would only resume.
  log "import: $IMPORT_POSTS posts into a new site folder"
  rm -rf "$D/site-written"
  timed import-written "$BIN" import stackexchange "$DUMP" --site-url https://example.stackexchange.com --site "$D/site-written"
  written_files=$(find "$D/site-written/Content" -type f | wc -l)
  rm -rf "$D/site-written"
  row "$IMPORT_POSTS posts" "qanda import stackexchange (writing the site)" "$D/import-written.times" "$IMPORT_POSTS" "$written_files"
  row "$IMPORT_POSTS posts" "qanda import stackexchange (dry run)" "$D/import.times" "$IMPORT_POSTS" "0"
  row "$IMPORT_POSTS posts" "qanda import stackexchange, no PostHistory.xml" "$D/import-html.times" "$IMPORT_POSTS" "0"
  rows+=("$IMPORT_POSTS posts|the dump: $((dump_bytes / 1048576)) MiB ($((posts_bytes / 1048576)) MiB Posts.xml); posts/s and peak MiB above||||||")
fi

# Plain text on stdout, Markdown in bench-results/latest.md.
header="questions|build|median s|runs s|pages|pages/s|peak MiB|files written"
{ echo "$header"; printf '%s\n' "${rows[@]}"; } | column -t -s'|' -o'  '
for note in "${skipped[@]}"; do echo "Note: $note."; done
mkdir -p "$REPO/bench-results"
{
  echo "# qanda bench, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)');" \
    "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS runs after one warm-up; corpora from qanda-corpus --seed 1."
  echo
  echo "| ${header//|/ | } |"
  echo "|---:|---|---:|---|---:|---:|---:|---:|"
  for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
  for note in "${skipped[@]}"; do echo; echo "Note: $note."; done
} >"$REPO/bench-results/latest.md"
log "wrote bench-results/latest.md"

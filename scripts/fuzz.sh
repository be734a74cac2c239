#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with AddressSanitizer) and runs each for FUZZ_SECONDS, seeded from the
# fixtures, the example site and the kept regression inputs. Prints per target: executions, exec/s, coverage and
# whether it found a crash, timeout or out-of-memory input. Exits 1 when one did (the input is kept in
# $FUZZ_DIR/artifacts/<target>/; minimise it with -minimize_crash=1 and keep it in
# Tests/QandaKitTests/FuzzRegressions/<target>/).
#
#   FUZZ_SECONDS=60                     per target (libFuzzer's -max_total_time)
#   FUZZ_TARGETS="FuzzMarkdown ..."     default: all four
#   FUZZ_PARALLEL=1                     targets run at once (each uses one core)
#   FUZZ_DIR=fuzz-results               corpus/, artifacts/, logs/, seeds/, summary.txt (git-ignored)
#   FUZZ_NICE=0                         niceness of the fuzzers (19 leaves the machine to other work)
#   FUZZ_FLAGS=...                      more libFuzzer flags
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-FuzzFrontMatter FuzzSourceLoading FuzzMarkdown FuzzSlugsAndURLs}
FUZZ_PARALLEL=${FUZZ_PARALLEL:-1}
FUZZ_DIR=${FUZZ_DIR:-fuzz-results}
FUZZ_NICE=${FUZZ_NICE:-0}
FUZZ_FLAGS=${FUZZ_FLAGS:-}
case "$FUZZ_DIR" in /*) ;; *) FUZZ_DIR="$root/$FUZZ_DIR" ;; esac

# --- Build ---------------------------------------------------------------------------------------------------
# Same dependency versions as the main package.
[ -f Fuzz/Package.resolved ] || { [ -f Package.resolved ] && cp Package.resolved Fuzz/Package.resolved; } || true
echo "fuzz: building Fuzz/ (release, -sanitize=fuzzer,address)" >&2
nice -n "$FUZZ_NICE" "$SWIFT" build -c release --package-path Fuzz --scratch-path Fuzz/.build \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 \
  | { grep -v -e "Cannot export local symbol '__asan_extra_spill_area'" >&2 || true; }
bin=$(nice -n "$FUZZ_NICE" "$SWIFT" build -c release --package-path Fuzz --scratch-path Fuzz/.build --show-bin-path \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)

# --- Seeds ---------------------------------------------------------------------------------------------------
fixtures=(Tests/QandaEndToEndTests/Fixtures Content)
mapfile -t markdown_files < <(find "${fixtures[@]}" -name '*.md' -type f | sort)
mapfile -t config_files < <(find Tests/QandaEndToEndTests/Fixtures . -maxdepth 3 -name qanda.yml -type f -not -path './Fuzz/*' | sort -u)

# kind_byte FILE: SourceFileProbe.Kind's index (question 0, answer 1, author 2, page 3, qanda.yml 4).
kind_byte() {
  case "$1" in
    */qanda.yml) echo 4 ;;
    */questions/*/question.md) echo 0 ;;
    */questions/*) echo 1 ;;
    */authors/*) echo 2 ;;
    *) echo 3 ;;
  esac
}

# body FILE: the Markdown after the front matter.
body() { awk 'n >= 2 { print; next } /^---[ \t]*$/ { n++ }' "$1"; }

make_seeds() {
  local target=$1 dir="$FUZZ_DIR/seeds/$1" i=0
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$target" in
    FuzzFrontMatter)
      for file in "${markdown_files[@]}" "${config_files[@]}"; do cp "$file" "$dir/seed-$((i++))"; done
      printf -- '---\r\ntitle: x\r\n---\r\nbody\r\n' > "$dir/crlf"
      printf '\xef\xbb\xbf---\ntitle: x\n...\nbody' > "$dir/bom-dots"
      printf -- '---  \n---\t\n' > "$dir/empty-yaml"
      printf -- '---\ntitle: x\n' > "$dir/unclosed"
      printf -- '---\ntitle: \xff\n---\n' > "$dir/not-utf8"
      ;;
    FuzzSourceLoading)
      for file in "${markdown_files[@]}" "${config_files[@]}"; do
        { printf "\\x$(printf %02x "$(kind_byte "$file")")"; cat "$file"; } > "$dir/seed-$((i++))"
      done
      # The same files with raw HTML allowed (the high bit), a few of each kind.
      for file in "${markdown_files[@]:0:12}"; do
        { printf "\\x$(printf %02x $(( $(kind_byte "$file") | 128 )))"; cat "$file"; } > "$dir/seed-$((i++))"
      done
      ;;
    FuzzMarkdown)
      # Option bytes: 0 safe, 1 raw HTML, 2 base path /kb/, 16 id prefix, 8 links only, 64 summary length 80.
      local options=(0 1 2 16 8 64 0x53)
      for file in "${markdown_files[@]}"; do
        { printf "\\x$(printf %02x "${options[$((i % ${#options[@]}))]}")"; body "$file"; } > "$dir/seed-$((i++))"
      done
      printf '\x00[a](javascript:alert(1)) <javascript:x> ![i](data:text/html,x) [b](/questions/x/)\n' > "$dir/dangerous"
      printf '\x12# Title\n\n## Title\n\nText[^1].\n\n[^1]: Note.\n' > "$dir/headings-footnotes"
      printf '\x00<script>alert(1)</script>\n\n<div onclick="x">y</div>\n' > "$dir/raw-html"
      printf '\x00| a | b |\n|---|:-:|\n| `1` | ~~2~~ |\n\n- [ ] t\n- [x] d\n\nwww.example.org\n' > "$dir/gfm"
      ;;
    FuzzSlugsAndURLs)
      local strings=("Ask the Therapist" "Ansiedad y Pánico" "Ça va? Ångström!" "Don't Panic" "ＡＢＣ１２３" "!!!" "" "."
        ".." "../x" "/ask/old-url/" "/ask/old-url/index.html" "/index.html" "//host/x" "/a/../b/" "/a/./b" "a\\b"
        "photo.jpg" ".hidden" "name with space.pdf" "café" "a%2e%2e" "/questions/x/" "javascript:alert(1)"
        "mailto:a@b.c" "#top" "?q=1" "C++ & Rust: 2024" "ǅemal" "ß" "İstanbul" "ﬁle" $'e\u0301' "x/y\\z" "a..b" "v1.2"
        "snake_case_name" "-leading-" "émoji 🙂 ok")
      for text in "${strings[@]}"; do printf '%s' "$text" > "$dir/seed-$((i++))"; done
      printf 'a\x00b' > "$dir/nul"
      printf 'tab\there\r\n' > "$dir/control"
      for folder in Content/questions/* Tests/QandaEndToEndTests/Fixtures/*/Content/questions/*; do
        [ -d "$folder" ] && printf '%s' "$(basename "$folder")" > "$dir/seed-$((i++))"
      done
      ;;
  esac
  # Every kept regression input seeds its target again.
  if [ -d "Tests/QandaKitTests/FuzzRegressions/$target" ]; then
    cp Tests/QandaKitTests/FuzzRegressions/"$target"/* "$dir/" 2>/dev/null || true
  fi
}

max_len() {
  case "$1" in
    FuzzSlugsAndURLs) echo 512 ;;
    FuzzFrontMatter) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

dict() {
  case "$1" in
    FuzzMarkdown) echo "-dict=$root/Fuzz/Dictionaries/markdown.dict" ;;
    FuzzFrontMatter | FuzzSourceLoading) echo "-dict=$root/Fuzz/Dictionaries/frontmatter.dict" ;;
  esac
}

# --- Run -----------------------------------------------------------------------------------------------------
run_target() {
  local target=$1
  local corpus="$FUZZ_DIR/corpus/$target" artifacts="$FUZZ_DIR/artifacts/$target" log="$FUZZ_DIR/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  make_seeds "$target"
  echo "fuzz: $target for ${FUZZ_SECONDS}s (log: ${log#"$root"/})" >&2
  touch "$log.start"
  local started=$SECONDS
  # Swift's own crash backtracer would fight ASan's signal handling; leak checking is off because the Swift
  # runtime keeps caches that LeakSanitizer reports (and FoundationEssentials' file reads show up as false leaks).
  # shellcheck disable=SC2046,SC2086
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" nice -n "$FUZZ_NICE" "$bin/$target" \
    -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" $(dict "$target") $FUZZ_FLAGS \
    "$corpus" "$FUZZ_DIR/seeds/$target" > "$log" 2>&1 && echo 0 > "$log.status" || echo $? > "$log.status"
  echo $((SECONDS - started)) > "$log.seconds"
}

mkdir -p "$FUZZ_DIR"
running=0
for target in $FUZZ_TARGETS; do
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$FUZZ_PARALLEL" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

# --- Report --------------------------------------------------------------------------------------------------
failed=0
summary="$FUZZ_DIR/summary.txt"
# Written to the file, then shown: a `{ … } | tee` would run the block in a subshell, and its failed=1 would be lost.
{
  printf '%-18s %8s %12s %9s %8s %8s %7s  %s\n' target seconds executions exec/s cov ft corpus result
  for target in $FUZZ_TARGETS; do
    log="$FUZZ_DIR/logs/$target.log"
    status=$(cat "$log.status" 2>/dev/null || echo "?")
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
    [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<< "$last")
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<< "$last")
    corpus=$(sed -n 's/.*corp: \([0-9]*\)\/.*/\1/p' <<< "$last")
    seconds=$(cat "$log.seconds" 2>/dev/null || true)
    found=$(find "$FUZZ_DIR/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) \
      -newer "$log.start" | sort)
    if [ -n "$found" ] || [ "$status" != 0 ]; then
      failed=1
      result="FOUND (exit $status): $(echo "$found" | xargs -r -n1 basename | tr '\n' ' ')"
      # The reason, from libFuzzer's or Swift's report.
      reason=$(grep -m1 -E 'Fatal error|precondition|ERROR: (libFuzzer|AddressSanitizer)' "$log" || true)
      [ -z "$reason" ] || result="$result— $reason"
    else
      result="no crash"
    fi
    printf '%-18s %8s %12s %9s %8s %8s %7s  %s\n' "$target" "${seconds:-?}" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
      "$corpus" "$result"
  done
} > "$summary"
cat "$summary"
# SourceFileProbe's folders of fuzzer processes that aborted (a crash skips their clean-up at exit).
for folder in /dev/shm/qanda-source-probe-* "${TMPDIR:-/tmp}"/qanda-source-probe-*; do
  if [ -d "$folder" ] && ! kill -0 "${folder##*-}" 2>/dev/null; then rm -rf "$folder"; fi
done
echo "fuzz: summary in ${summary#"$root"/}; corpora in ${FUZZ_DIR#"$root"/}/corpus/" >&2
exit "$failed"

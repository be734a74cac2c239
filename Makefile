# Quick start: `make site` builds the example site into Site/; `make test` runs every test.
# Both install what is missing first (Debian, as root).
SWIFT ?= swift
SWIFT_TEST_FLAGS ?= --parallel

.PHONY: site setup test unit-test check-site reliability bench bench-compare release dist dist-check clean fuzz search-quality

site: setup
	$(SWIFT) build -c release --product qanda
	.build/release/qanda build

setup:
	./scripts/setup.sh

# Every test: the Swift suites, the built sites in a validator, a link checker and a real browser, the faults, and
# the release tarball run where Swift and libcmark-gfm are hidden.
test: unit-test check-site reliability dist-check

unit-test:
	./scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build $(SWIFT_TEST_FLAGS)

release: setup
	$(SWIFT) build -c release --product qanda

# dist/qanda-<version>-linux-x86_64.tar.gz and .sha256: one static executable (runs without Swift or
# libcmark-gfm), completions, man page; built in .build-dist/.
dist:
	./scripts/dist.sh

# Makes the tarball, verifies its checksum, and runs its executable where /opt/swift and libcmark-gfm are hidden
# (a mount namespace): it builds and checks the example site there.
dist-check:
	./scripts/dist-check.sh

# Qanda (clean, no-change, one edit), Hugo, the floor and the search index side by side: one table.
bench: setup
	BENCH_HUGO=$${BENCH_HUGO:-1} BENCH_FLOOR=$${BENCH_FLOOR:-1} BENCH_SEARCH=$${BENCH_SEARCH:-1} ./scripts/bench.sh

# Validates, link-checks and opens in headless Chromium the example site and a 1,000-question corpus;
# installs what it needs; results in check-site-results/.
check-site:
	./scripts/check-site.sh

# libFuzzer on the front matter splitter, source loading, the Markdown renderer and slugs/URLs (Fuzz/), each for
# FUZZ_SECONDS (default 60); corpora and crash inputs in fuzz-results/. Exits 1 when an input crashed.
fuzz: setup
	FUZZ_SECONDS=$${FUZZ_SECONDS:-60} ./scripts/fuzz.sh

# Faults (kill -9 during builds, a full disk, an unwritable output folder, content changed during a build) and
# very large inputs, against a release build; table in reliability-results/latest.md (docs/RELIABILITY.md).
reliability: setup
	$(SWIFT) build -c release --product qanda --scratch-path .build-site
	$(SWIFT) build -c release --product qanda-corpus --scratch-path .build-site
	python3 scripts/reliability.py --bin .build-site/release/qanda --questions $${RELIABILITY_QUESTIONS:-300} --kills $${RELIABILITY_KILLS:-10}

# Search quality (expected thread in the top 5, MRR@10) and bytes per query: CounselChat as a site built by QANDA,
# 240 known-item queries typed into /search/ in headless Chromium (scripts/search_quality.py). Not part of
# `make test`: the corpus is not in the repository. CSV= is required; GZIP=1 serves gzip; results in
# search-quality-results/. Example: make search-quality CSV=path/to/20200325_counsel_chat.csv (the CSV of the
# GitHub repository nbertagnolli/counsel-chat, data/20200325_counsel_chat.csv)
CSV ?=
QANDA ?= .build/release/qanda
SEARCH_QUERIES ?= 240
# Two binaries, alternating runs on one corpus (scripts/bench_compare.py): OLD=path NEW=path [QUESTIONS=10000].
bench-compare:
	@test -n "$(OLD)" -a -n "$(NEW)" || { echo "make bench-compare: say which binaries: OLD=path/to/qanda NEW=path/to/qanda" >&2; exit 2; }
	$(SWIFT) build -c release --product qanda-corpus
	python3 scripts/bench_compare.py "$(OLD)" "$(NEW)" --questions $(or $(QUESTIONS),10000)

search-quality:
	@test -n "$(CSV)" || { echo "make search-quality: say where the CounselChat CSV is: CSV=.../20200325_counsel_chat.csv" >&2; exit 2; }
	$(if $(filter .build/release/qanda,$(QANDA)),$(SWIFT) build -c release --product qanda)
	python3 scripts/search_quality.py --csv "$(CSV)" --qanda "$(QANDA)" --queries $(SEARCH_QUERIES) $(if $(filter 1,$(GZIP)),--gzip)

clean:
	rm -rf .build Site dist

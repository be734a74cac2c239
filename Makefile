# Quick start: `make site` builds the example site into Site/; `make test` runs every test.
# Both install what is missing first (Debian, as root).
SWIFT ?= swift
SWIFT_TEST_FLAGS ?= --parallel

.PHONY: site setup test bench release clean

site: setup
	$(SWIFT) build -c release --product qanda
	.build/release/qanda build

setup:
	./scripts/setup.sh

test:
	./scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build $(SWIFT_TEST_FLAGS)

release: setup
	$(SWIFT) build -c release --product qanda

bench: setup
	./scripts/bench.sh

clean:
	rm -rf .build Site

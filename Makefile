# Cairn: `make run` starts a single node, `make test` runs every test (both install what is missing).
SWIFT ?= swift
CONFIG ?= release
TEST_BUILD_FLAGS = -c $(CONFIG) --build-tests -Xswiftc -enable-testing

.PHONY: deps build run test check-config clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c $(CONFIG) --product cairn

run: build
	.build/$(CONFIG)/cairn start --config config/single.yaml

# CI builds once, in release mode with testing enabled, then runs the built tests (DESIGN §11).
test: deps
	$(SWIFT) build $(TEST_BUILD_FLAGS)
	@CONFIG=$(CONFIG) scripts/run-tests.sh

check-config: build
	.build/$(CONFIG)/cairn check-config --config config/single.yaml

clean:
	rm -rf .build

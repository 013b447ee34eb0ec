# Cairn: `make run` starts a single node, `make test` runs every test (both install what is missing).
SWIFT ?= swift
CONFIG ?= release
TEST_BUILD_FLAGS = -c $(CONFIG) --build-tests -Xswiftc -enable-testing

.PHONY: deps build run test fuzz check-config clean

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

# A long seeded property-based run over the RESP parser and the command layer (README: Clients).
# `make fuzz FUZZ_SEED=7` explores other inputs; a failure prints the input and how to replay it.
FUZZ_INPUTS ?= 10000000
FUZZ_SEED ?= 1
fuzz: deps
	$(SWIFT) build -c $(CONFIG) --product cairn-fuzz
	.build/$(CONFIG)/cairn-fuzz --iterations $(FUZZ_INPUTS) --seed $(FUZZ_SEED)

check-config: build
	.build/$(CONFIG)/cairn check-config --config config/single.yaml

clean:
	rm -rf .build

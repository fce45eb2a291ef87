# nearmiss: the two-command quick start is `make demo` and `make test`.
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
RELEASE_BUILD ?= build-release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNM_WERROR=ON

.PHONY: all deps build demo test bench sanitize fuzz format clean release-check deb package-test \
        addins client-test soak

all: build

deps:
	./scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./scripts/demo $(BUILD)/nearmiss

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The mail-client add-ins for one deployment (scripts/build-addins): the
# Thunderbird .xpi (linted by addons-linter) and the Outlook manifest, with
# SERVER_URL where `nearmiss serve` answers the add-ins (HTTPS for Outlook)
# and CHECK_TOKENS a token file whose `check` line they carry. `nearmiss
# serve --addins $(ADDINS)` offers them for download from the console.
SERVER_URL ?= https://nearmiss.example.org:8025
CHECK_TOKENS ?=
ADDINS ?= $(BUILD)/addins
addins: deps
	./scripts/build-addins $(ADDINS) --server-url $(SERVER_URL) \
	  $(if $(CHECK_TOKENS),--check-token-file $(CHECK_TOKENS))
	./scripts/lint-addins $(ADDINS)/nearmiss-thunderbird.xpi

# The add-ins alone: their logic under node, the packaged XPI linted, and
# the Thunderbird add-in in Thunderbird under Xvfb (screenshots in
# $(BUILD)/thunderbird-artifacts/). All three are in `make test` too.
client-test: build
	ctest --test-dir $(BUILD) --output-on-failure -R '^clients_'

# The long soak (tests/soak/soak.sh; root, a private Postfix on loopback):
# SOAK_MESSAGES numbered messages on 50 connections, the milter killed every
# SOAK_KILL_EVERY seconds; prints one JSON line with the accounting.
SOAK_MESSAGES ?= 20000
SOAK_KILL_EVERY ?= 3
soak: build
	./tests/soak/soak.sh $(BUILD)/nearmiss $(SOAK_MESSAGES) $(SOAK_KILL_EVERY) 0

bench: build
	./bench/run $(BUILD)

sanitize: deps
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug \
	  -DNM_SANITIZE=ON -DNM_BENCH=OFF -DNM_WERROR=ON
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	NM_START_SECONDS=300 ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitize/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j $(JOBS)

# What a packager builds, at -O3, with warnings as errors: the library
# objects and the binary, not the tests (CI runs this after make test; GCC
# 12's -O3 inlining finds warnings -O2 does not, e.g. GCC bug 105329).
release-check: deps
	cmake -S . -B $(RELEASE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DNM_WERROR=ON -DNM_BENCH=OFF -DBUILD_TESTING=OFF -DNM_MAN=OFF
	cmake --build $(RELEASE_BUILD) -j $(JOBS)

# The Debian package (dpkg-buildpackage + lintian) in $(BUILD)-deb/.
deb:
	DEB_BUILD_OPTIONS="parallel=$(JOBS) $(DEB_BUILD_OPTIONS)" ./dist/build-deb $(BUILD)-deb

# Builds the package in a clean clone, installs it, runs the milter unit
# through a private Postfix, purges it (root; tests/package/run.sh).
package-test:
	JOBS=$(JOBS) ./tests/package/run.sh

# Every target under ASan + UBSan (fuzz/CMakeLists.txt); the unit tests are
# left out of this build: the normal build replays the corpora
# (fuzz/replay.cmake, ctest fuzz_replay_*).
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DNM_FUZZ=ON -DNM_BENCH=OFF -DBUILD_TESTING=OFF
	cmake --build build-fuzz -j $(JOBS)
	./fuzz/run build-fuzz

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(RELEASE_BUILD) $(BUILD)-deb build-fuzz

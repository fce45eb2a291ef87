// Feeds arbitrary bytes as a policy file through everything a SIGHUP runs:
// the TOML parse (toml++), every section's checks, the domain lists, the
// rule templates and Engine::Compile (domain index, Vectorscan patterns,
// the decision table). Besides "no crash, no UB", it checks what a reload
// relies on: a refused policy says why, and an accepted one compiles or is
// refused with a message, never half-built.
//
// Speed (fuzz/README.md, "The run of 2026-12-01"): the Vectorscan database
// is cached in a private directory (fuzz_support.h), so only an input with a
// pattern set not seen before pays for hs_compile_multi; the default
// packs' database is compiled once, before the first input.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "nearmiss/engine.h"
#include "nearmiss/policy.h"

namespace {

// The cache files of the built-in packs, written before the first input;
// PruneCache never removes them.
std::vector<std::filesystem::path>* seeded = nullptr;

// At most this many cache files (about 750 KB each) stay on disk.
constexpr size_t kMaxCacheFiles = 32;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nearmiss::fuzz::PrivateCacheDir();
  (void)nearmiss::fuzz::DefaultEngine();
  seeded = new std::vector<std::filesystem::path>;
  for (const auto& e :
       std::filesystem::directory_iterator(nearmiss::fuzz::PrivateCacheDir())) {
    seeded->push_back(e.path());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nearmiss;
  using nearmiss::fuzz::Check;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // A base directory that does not exist: a list file the input names is
  // then an error, never a read of this machine's files by relative path.
  Result<Policy> policy =
      ParsePolicy(text, "fuzz.toml", "/nonexistent-nearmiss-fuzz");
  if (!policy.ok()) {
    Check(!policy.error().message().empty());
    return 0;
  }
  // Whatever cache_dir the input names (parsed and checked above), the
  // compile uses the private one: a fuzzed path must not write into this
  // machine's directories, and "none" would compile every input afresh.
  policy->sensitivity.cache_dir = fuzz::PrivateCacheDir();
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*policy);
  fuzz::PruneCache(*seeded, kMaxCacheFiles);
  if (!engine.ok()) {
    Check(!engine.error().message().empty());
    return 0;
  }
  // The compiled engine answers: one look-alike and one trusted check.
  (void)(*engine)->CheckRecipient("bob@army.ml");
  (void)(*engine)->CheckRecipient("<alice@example.org>");
  return 0;
}

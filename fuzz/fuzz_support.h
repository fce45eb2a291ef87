// What the fuzz targets share. Check is an invariant the target states
// about the code under test: it aborts, which libFuzzer reports as a crash
// with the input that broke it. DefaultEngine is the Engine compiled from
// the embedded default policy, made once per process (a compile takes
// about 100 ms: far too slow per input) and shared by every input.
// PrivateCacheDir is where the targets that compile policies keep the
// marking database cache (src/content/database_cache.h).
#ifndef NEARMISS_FUZZ_FUZZ_SUPPORT_H_
#define NEARMISS_FUZZ_FUZZ_SUPPORT_H_

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "nearmiss/engine.h"
#include "nearmiss/policy.h"

namespace nearmiss::fuzz {

inline void Check(bool ok) {
  if (!ok) std::abort();
}

inline std::shared_ptr<const Engine> DefaultEngine() {
  static std::shared_ptr<const Engine> engine = [] {
    Result<Policy> policy = DefaultPolicy();
    if (!policy.ok()) __builtin_trap();
    Result<std::shared_ptr<const Engine>> e = Engine::Compile(*policy);
    if (!e.ok()) __builtin_trap();
    return *e;
  }();
  return engine;
}

// A directory of this process's own (under $TMPDIR, removed at exit) for
// the marking database cache, also set as $NEARMISS_CACHE_DIR. Why: without
// a cache every policy compile runs hs_compile_multi, about 3 s of CPU
// under ASan (its allocator, not Vectorscan, takes most of it: perf, see
// fuzz/README.md); with one, an input whose patterns were compiled before
// loads the database in milliseconds, as a restarted daemon does. Private,
// so no input ever reads a database another run left or writes into the
// user's ~/.cache. Made on first call; not thread-safe before that.
inline const std::string& PrivateCacheDir() {
  static const std::string dir = [] {
    std::string name = (std::filesystem::temp_directory_path() /
                        "nearmiss-fuzz-cache-XXXXXX")
                           .string();
    if (mkdtemp(name.data()) == nullptr) __builtin_trap();
    if (setenv("NEARMISS_CACHE_DIR", name.c_str(), 1) != 0) __builtin_trap();
    return name;
  }();
  static const bool cleanup = [] {
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    });
    return true;
  }();
  (void)cleanup;
  return dir;
}

// Keeps the private cache at most `max_files` files: each new pattern set
// a fuzzer invents writes one (about 750 KB), so a long run would fill the
// disk. The files there after set-up (the seeds' pattern sets) are kept;
// the oldest of the others go first.
inline void PruneCache(const std::vector<std::filesystem::path>& keep,
                       size_t max_files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> others;
  size_t total = 0;
  for (const fs::directory_entry& e :
       fs::directory_iterator(PrivateCacheDir(), ec)) {
    ++total;
    if (std::find(keep.begin(), keep.end(), e.path()) == keep.end()) {
      others.emplace_back(e.last_write_time(ec), e.path());
    }
  }
  if (total <= max_files) return;
  std::sort(others.begin(), others.end());
  for (size_t i = 0; i < others.size() && total > max_files; ++i, --total) {
    fs::remove(others[i].second, ec);
  }
}

}  // namespace nearmiss::fuzz

#endif  // NEARMISS_FUZZ_FUZZ_SUPPORT_H_

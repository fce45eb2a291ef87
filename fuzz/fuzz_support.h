// What the fuzz targets share. Check is an invariant the target states
// about the code under test: it aborts, which libFuzzer reports as a crash
// with the input that broke it. DefaultEngine is the Engine compiled from
// the embedded default policy, made once per process (a compile takes
// about 100 ms: far too slow per input) and shared by every input.
#ifndef NEARMISS_FUZZ_FUZZ_SUPPORT_H_
#define NEARMISS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdlib>
#include <memory>

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

}  // namespace nearmiss::fuzz

#endif  // NEARMISS_FUZZ_FUZZ_SUPPORT_H_

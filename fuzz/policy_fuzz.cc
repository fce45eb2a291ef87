// Feeds arbitrary bytes as a policy file through everything a SIGHUP runs:
// the TOML parse (toml++), every section's checks, the domain lists, the
// rule templates and Engine::Compile (domain index, Vectorscan patterns,
// the decision table). Besides "no crash, no UB", it checks what a reload
// relies on: a refused policy says why, and an accepted one compiles or is
// refused with a message, never half-built.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "nearmiss/engine.h"
#include "nearmiss/policy.h"

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
  Result<std::shared_ptr<const Engine>> engine = Engine::Compile(*policy);
  if (!engine.ok()) {
    Check(!engine.error().message().empty());
    return 0;
  }
  // The compiled engine answers: one look-alike and one trusted check.
  (void)(*engine)->CheckRecipient("bob@army.ml");
  (void)(*engine)->CheckRecipient("<alice@example.org>");
  return 0;
}

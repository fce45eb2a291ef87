// Which learned domains the engine trusts: those past the policy's [history]
// thresholds, except look-alikes of a policy-trusted domain or of a more
// frequently used learned one, unless an administrator confirmed them.
#ifndef NEARMISS_ENGINE_LEARNED_H_
#define NEARMISS_ENGINE_LEARNED_H_

#include <vector>

#include "nearmiss/engine.h"
#include "nearmiss/history.h"
#include "nearmiss/lookalike.h"
#include "nearmiss/policy.h"

namespace nearmiss::engine {

struct LearnedSelection {
  std::vector<TrustedEntry> trusted;  // TrustSource::kLearned
  std::vector<LeftOutDomain> left_out;
  // Rows of the store's domain table that are no lower-case A-label domain
  // ("bücher.de", "army.ml." as written by learn before it normalised,
  // or a row edited by hand): "'DOMAIN' (WHY)", never trusted. One bad row
  // must not stop every check, so it is skipped and said, not fatal.
  std::vector<std::string> skipped;
};

// `base` is the detector over the policy's own trusted entries.
Result<LearnedSelection> SelectLearned(const HistorySnapshot& history,
                                       const HistoryPolicy& policy,
                                       const LookalikeDetector& base,
                                       const std::vector<SuffixConfusion>& confusions,
                                       const LookalikeOptions& options);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_LEARNED_H_

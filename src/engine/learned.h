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

// The trust sources whose look-alikes are final under `policy`: no
// sender's acknowledgement settles them, so no administrator's confirmation
// (learn --confirm, a store row) makes one trusted either; the policy's own
// allow list, written beside the rules, still does. Bit per
// TrustSource: `protected` always (Acknowledgeable's default), and the
// targets of each rule with `acknowledge = false` that can match a
// look-alike (every source when the rule names none).
unsigned FinalTargets(const Policy& policy);

// `base` is the detector over the policy's own trusted entries. A row,
// confirmed or not, that `base` calls a look-alike of a domain trusted
// through a source in `final_targets` is left out (LeftOutDomain::final).
Result<LearnedSelection> SelectLearned(const HistorySnapshot& history,
                                       const HistoryPolicy& policy,
                                       const LookalikeDetector& base,
                                       const std::vector<SuffixConfusion>& confusions,
                                       const LookalikeOptions& options,
                                       unsigned final_targets);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_LEARNED_H_

// What a look-alike detector is built from for one policy: the trusted
// entries (the policy's [domains] lists and the embedded lists it keeps on)
// and the lists that shape its readings (suffix confusions, provider
// families, real mail domains). Engine::Compile builds the engine's detector
// from them; ListedLookalikeWarnings (listed_lookalikes.h) builds detectors
// from the embedded part alone, to judge the policy's own entries.
// Plain values; no shared state.
#ifndef NEARMISS_ENGINE_TRUST_INPUTS_H_
#define NEARMISS_ENGINE_TRUST_INPUTS_H_

#include <vector>

#include "nearmiss/lookalike.h"
#include "nearmiss/policy.h"
#include "nearmiss/status.h"

namespace nearmiss::engine {

struct TrustInputs {
  std::vector<TrustedEntry> entries;
  LookalikeLists lists;
};

// The entries and lists for `policy`. With `policy_items` false the
// policy's own organisation, protected and allow entries are left out (the
// embedded protected and provider lists still follow use_default_protected
// and use_default_providers). Errors: an entry TrustedNamesOf refuses
// (".com"), or an embedded list that does not parse (a build fault).
Result<TrustInputs> MakeTrustInputs(const Policy& policy, bool policy_items);

// The policy's own entries, as MakeTrustInputs reads them: each of
// organisation, protected and allow with its source.
Status AddPolicyItems(const std::vector<DomainItem>& items, TrustSource source,
                      std::vector<TrustedEntry>& out);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_TRUST_INPUTS_H_

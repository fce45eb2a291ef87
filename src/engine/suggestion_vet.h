// What a look-alike's suggestion may be: an address the same check
// accepts. The detector names the domain a slip most likely came from;
// that reading can land on a name check itself refuses (usarmy.ml ->
// usarmy.mil, a look-alike of us.army.mil; gοv.uk -> gov.uk, a public
// suffix). A sender who follows a refusal's "did you mean" must not be
// refused again (issue 15, round 42, tester items 9 and 16).
#ifndef NEARMISS_ENGINE_SUGGESTION_VET_H_
#define NEARMISS_ENGINE_SUGGESTION_VET_H_

#include <string>
#include <string_view>

#include "nearmiss/lookalike.h"

namespace nearmiss::engine {

// The domain to suggest in place of `domain` (a lower-case A-label or
// U-label domain the detector suggested):
// - `domain` itself when check accepts it (trusted, or external);
// - the suggestion of its own look-alike reading when that one is trusted
//   (usarmy.mil -> us.army.mil);
// - for a trusted namespace typed whole (nhs.uk, a public suffix), the mail
//   domain of its name (nhs.net: LookalikeDetector::ApexMailDomain);
// - else "" (gov.uk, a TLD the root zone lacks): no suggestion.
std::string AcceptedSuggestion(const LookalikeDetector& detector, std::string_view domain);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_SUGGESTION_VET_H_

// The policy's own lists judged as recipients are: an entry of [domains]
// organisation, protected or allow (or of a --protect-file list) that is
// itself a look-alike of another trusted name (army.ml for army.mil,
// gmial.com for gmail.com, nhs.nte for nhs.net) or sits under a TLD the root
// zone lacks. Listed, such an entry is trusted, so the misdirection nearmiss
// exists to stop is accepted for every sender with nothing logged (issue 15,
// round 42's tester, finding 3).
//
// Each entry is judged against a detector of the embedded lists, kept on
// by the policy or not (the protected namespaces .mil, .gov.uk, ...; the mail
// providers; the real mail domains). Two entries of the policy itself are
// both taken as meant: organisations list barclays.co.uk beside
// barclays.com, partner.example beside partner.example.org. A warning,
// never an error: an allow entry such as partner.ml may be meant.
//
// An allow entry is also judged against the policy's own protected entries
// (barclays.co.ug allowed beside the protected barclays.co.uk).
//
// Cost: one detector of the embedded lists (~5 ms) and one Classify per
// entry. Thread-safe (no shared state).
#ifndef NEARMISS_ENGINE_LISTED_LOOKALIKES_H_
#define NEARMISS_ENGINE_LISTED_LOOKALIKES_H_

#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {

// One PolicyError per suspect entry: `where` the entry's FILE:LINE, `what`
// "[domains] protected entry army.ml: army.ml looks like army.mil (...)",
// `hint` the name it resembles to list instead. Empty when none, or when the
// embedded lists do not parse (Engine::Compile reports that).
std::vector<PolicyError> ListedLookalikeWarnings(const Policy& policy);

// Each of them on the log as a warning ("FILE:LINE: warning: ..."): what
// the daemons and the one-shot commands do with a policy they load.
void LogListedLookalikes(const Policy& policy);

}  // namespace nearmiss

#endif  // NEARMISS_ENGINE_LISTED_LOOKALIKES_H_

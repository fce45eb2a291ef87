// What a look-alike's suggestion may be: an address the same check
// accepts. The detector names the domain a slip most likely came from;
// that reading can land on a name check itself refuses (usarmy.ml ->
// usarmy.mil, a look-alike of us.army.mil; gοv.uk -> gov.uk, a public
// suffix). A sender who follows a refusal's "did you mean" must not be
// refused again (issue 15, round 42, tester items 9 and 16).
#ifndef NEARMISS_ENGINE_SUGGESTION_VET_H_
#define NEARMISS_ENGINE_SUGGESTION_VET_H_

#include <string>
#include <vector>
#include <string_view>

#include "nearmiss/lookalike.h"
#include "nearmiss/verdict.h"

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

// Whether `domain` is trusted only as a name under a trusted namespace
// (fbi.gov.uk under .gov.uk), not as a domain any list names. Beside a
// first suggestion a list names (fbi.gov for fbi.gov.us), such a second
// one is made up by the namespace's reach: not offered (issue 15, round
// 46's tester, finding 6).
bool TrustedOnlyUnderNamespace(const LookalikeDetector& detector, std::string_view domain);

// For a name under a wildcard public suffix that is no mail domain
// (live.kh: "*.kh" in the Public Suffix List), the domain the lists name
// with its first label under a suffix one slip from the typed one: two
// letters swapped, one replaced, left out or added (live.hk), swaps
// first; "" when none. Nothing is delivered to the typed name, so the
// sender deserves the name meant (round 46's tester 15, finding 5).
std::string TrustedSuffixNeighbour(const LookalikeDetector& detector, std::string_view name);

// Orders the suggestions `*meant` and `*also` (accepted ones, "" for none) of
// a look-alike of reason `code` typed as `typed` (ASCII):
// - a second offer that is the typed name with its country code changed,
//   trusted only by a namespace's reach, is dropped (fbi.gov.uk for
//   fbi.gov.us beside fbi.gov);
// - under a TLD the root zone lacks, the same name under the TLD one slip
//   away (NearDelegatedName: mail.de for mail.dee) comes first, before a
//   trusted name of that label under a far TLD (mail.mil, mail.ru), which
//   becomes the second; a name of more labels read structurally (army.mod
//   for army.mod.uk) and one made up under a namespace are left alone
//   (round 47's tester 15, finding 1).
// Returns true when it put that near name first.
bool RankSuggestions(const LookalikeDetector& detector, ReasonCode code, std::string_view typed,
                     std::string* meant, std::string* also);

// Clears `*also`, the second offer for `typed` (ASCII) beside `meant` one
// edit from it, when `*also` is more than one edit away (acme.co.jo:
// acme.co.jp, not acme.co.nz as well): two are offered only when both are
// close (tester 15 round 57, finding 6). The typed name with an ending
// added (hotmail.co.uk for hotmail.co) is close.
// A mail provider's own domain (yandex.ru for yandex.uy) is kept.
void DropFarSecond(const LookalikeDetector& detector, std::string_view typed,
                   std::string_view meant, std::string* also);

// After RankSuggestions put `near` (mail.de) first for `typed` (mail.dee,
// ASCII) read as the trusted `trusted` (mail.mil): the reason `*r` and the
// check's `*target` name `near`, and the detail keeps `trusted` (when not
// "") as a name of that label. The sentence "looks like mail.mil ... did you mean mail.de"
// contradicted its own offer (round 48's tester 15, finding 6).
void NameTheNearName(std::string_view typed, std::string_view near, std::string_view trusted,
                     Reason* r, std::string* target);

// The names one slip of the country code away under a zone of that
// country: for "smithlaw.net.wu" (a TLD the root zone lacks, three labels
// or more), "smithlaw.net.au", since net.au is a public suffix and .wu is
// one edit from .au; "teva.co.jl" gives teva.co.il and teva.co.jp. The
// code with the typed two letters swapped comes first (mon.gov.lp:
// mon.gov.pl before mon.gov.kp; Damerau 1964), then codes whose letter
// stands next to the typed one on the keyboard, the larger registry first
// among those. Empty when the TLD is
// delegated or no country has the typed second level as a zone.
// `*adjacent_count` (when given): how many of them come first as a
// neighbouring key's.
std::vector<std::string> NearZoneNames(std::string_view name, size_t* adjacent_count = nullptr);

// For `name` under a TLD the root zone lacks, the same name under the
// delegated TLD one slip from it: a three-letter one that is a country's
// code with a letter added at its end (dee -> de, lvt -> lv, pll -> pl),
// else the common TLD one edit away (address::CommonTldOneSlipFrom: con ->
// com); "" when none is, or the result is no registrable name.
std::string NearDelegatedName(std::string_view name);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_SUGGESTION_VET_H_

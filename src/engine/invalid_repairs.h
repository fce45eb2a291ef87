// Readings of recipients ParseAddress refuses, or that Postfix would not
// deliver as typed, for Engine::CheckRecipient (engine_recipient.cc): each
// keeps the recipient invalid (fail closed) and finds the address meant, so
// the sender is told it.
//
// Thread safety: pure functions; SuggestForSuffix reads `detector`, which
// is immutable once compiled.
#ifndef NEARMISS_ENGINE_INVALID_REPAIRS_H_
#define NEARMISS_ENGINE_INVALID_REPAIRS_H_

#include <functional>
#include <string>
#include <string_view>

#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"
#include "nearmiss/verdict.h"

namespace nearmiss::engine {

// Judges a domain for a local part into a RecipientCheck
// (Engine::JudgeDomain).
using JudgeDomainFn = std::function<void(const Domain&, const std::string&, RecipientCheck&)>;

// `input` with the dots of its domain (after the last '@') made single and
// none leading: "x@gmail.com" for "x@gmail..com"; "" when that changes
// nothing (so a check of the repaired address never repairs again).
std::string RepairDots(std::string_view input);

// `input` with each ',' and '/' of its domain (after the last '@') made a
// '.', as a key typed for a dot ("x@barclays.co.uk" for "x@barclays.co,uk",
// "x@gmail.com" for "x@gmail/com": on QWERTY both are the dot's
// neighbours); "" when its domain has none. RFC 5321 allows neither in a
// domain, so nothing deliverable is lost (issue 15, finding 2; tester round
// 56b, finding 7). `typed`, when given, is set to the first one found.
std::string RepairCommas(std::string_view input, char* typed = nullptr);

// `input` with what follows its domain (after the last '@') cut off when
// that is no part of a domain name (RFC 5321 section 4.1.2: letters,
// digits, '-' and '.'), as pasted from a URL or a mailto: link: a port
// ("x@gmail.com:587"), a stray '>' ("x@gmail.com>"), a URL's query
// ("x@gmail.com?subject=hi"); or a name held in an address literal's
// brackets, which hold only an IP address (section 4.1.3: "x@[army.ml]").
// "" when none. `what` (when given) is set to the words for the reason.
std::string RepairStrayTail(std::string_view input, std::string* what = nullptr);

// For `input` refused as a public suffix under a wildcard rule
// (x@hotmail.pg: "*.pg" in the PSL) that `judge` (Engine::JudgeDomain)
// finds one slip from a trusted name: keeps its address and domain in `c`
// with that suggestion; `c` stays invalid (fail closed).
// A protected namespace typed whole (x@nhs.uk, the commonest slip for
// nhs.net) stays invalid, with the mail domain of its name when it has one
// (LookalikeDetector::ApexMailDomain; issue 15, round 42, tester item 19).
void SuggestForSuffix(std::string_view input, const LookalikeDetector& detector,
                      RecipientCheck& c, const JudgeDomainFn& judge);

// The ASCII domain of `input` when it is one label ("gmailcom" of
// x@gmailcom, lower case; an A-label for a U-label, its U-label form in
// `unicode`), with its local part unquoted in `local`; "" otherwise. ParseDomain refuses such a name ("not a fully
// qualified domain"): Postfix sends it as typed or under $mydomain
// (append_dot_mydomain), and neither is the domain a sender meant.
std::string OneLabelDomain(std::string_view input, std::string& local, std::string& unicode);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_INVALID_REPAIRS_H_

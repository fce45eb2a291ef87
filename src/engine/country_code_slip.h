// The name meant for a domain under a two-letter TLD the root zone lacks
// (dfa.ei, mzv.zc, mindef.ln): the same name under the one country-code
// TLD a plain slip away, for Engine::JudgeDomain's invalid verdict.
//
// The root zone's delegated country codes are IANA's (root_zone.h, from the
// Root Zone Database; ISO 3166-1 alpha-2). The slips, likeliest first, are
// Damerau's (1964): two letters swapped (.ei for .ie), then one key next to
// the other (lookalike/keyboard.h: QWERTY, QWERTZ, AZERTY). A suggestion is made only when
// it is unambiguous: the recipient stays invalid whatever is suggested
// (nothing can be delivered under the typed TLD), so a guess between two
// countries is left to the sender.
//
// Thread safety: a pure function.
#ifndef NEARMISS_ENGINE_COUNTRY_CODE_SLIP_H_
#define NEARMISS_ENGINE_COUNTRY_CODE_SLIP_H_

#include <string>
#include <string_view>

namespace nearmiss::engine {

// For `name` (lower-case ASCII, a TLD of two letters the root zone does not
// delegate): `name` under the delegated country code that is its TLD with
// the two letters swapped ("dfa.ie" for "dfa.ei"); else, when exactly one
// delegated country code is one neighbouring key from it, under that one.
// "" when none or several are, or the result is no registrable name (a
// public suffix: "co.ie" of "co.ei").
std::string CountryCodeSlipName(std::string_view name);

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_COUNTRY_CODE_SLIP_H_

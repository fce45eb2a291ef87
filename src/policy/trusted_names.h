// What one entry of a trusting list stands for in the trusted set.
//
// Thread safety: a pure function (libpsl and the root zone list are loaded
// once, address/public_suffix.h).
#ifndef NEARMISS_POLICY_TRUSTED_NAMES_H_
#define NEARMISS_POLICY_TRUSTED_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {

// The trusted-set names one entry of a trusting list (organisation,
// protected, allow, a protect file) stands for, as Engine::Compile adds
// them. A namespace that is a registrable domain (".barclays.co.uk",
// ".nhs.net") is trusted with its own name, so it stands for that domain
// (which covers its subdomains): its slips (barclys.co.uk, nhss.net) are
// flagged as the plain entry's are.
// A namespace anyone may register under trusts every stranger's name
// (gmial.com under ".com"): a ccTLD (".uk", ".bd"), an open generic TLD
// (".com", ".net", ".org", ".info", ".biz"), a country's commercial second
// level (".co.uk", ".com.au") or an open zone of the PSL's private section
// (".uk.com") is refused, the error naming item.where. A closed namespace
// (".mil", ".gov.uk", ".nhs.uk") and a plain domain stand for themselves.
// Newer open generic TLDs (.xyz) are not told apart from closed ones
// (.bank, a brand's): no list says which is which.
// (Issue 15, breaker 15 round 6, defect 3.)
Result<std::vector<std::string>> TrustedNamesOf(const DomainItem& item);

// Why TrustedNamesOf refuses the normalised entry `domain` (".co.uk"), with
// no place: "'.co.uk' would trust every domain under .co.uk, ..."; empty
// when it does not. The policy parser reports it at the entry itself, so
// `policy lint` lists every such entry in one run.
std::string OpenNamespaceProblem(std::string_view domain);

}  // namespace nearmiss

#endif  // NEARMISS_POLICY_TRUSTED_NAMES_H_

// The sources `nearmiss permute` permutes: the arguments as the policy's
// lists hold them, or with none what the engine protects by name; and the
// names check accepts by a list, which a namespace look-alike's key must
// not refuse.
//
// Thread safety: pure functions over a const Engine.
#ifndef NEARMISS_CLI_PERMUTE_SOURCES_H_
#define NEARMISS_CLI_PERMUTE_SOURCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/engine.h"
#include "nearmiss/status.h"

namespace nearmiss::cli {

// The sources with no arguments: what the engine protects by name (the
// policy's organisation and protected domains, the embedded protected and
// provider lists when on), as the lists write them.
std::vector<std::string> DefaultSources(const Engine& engine);

// The registrable domain a namespace entry names (".hsbc.co.uk" ->
// "hsbc.co.uk"), else "": check reads such an entry as that domain,
// subdomains included, and flags its slips as the plain entry's
// (docs/policy.md, `domains.protected`), which the namespace's own
// candidates never are (round 43's tester, finding 8: nothing was written).
std::string PlainForm(std::string_view entry);

// Each namespace entry naming a registrable domain is followed by that
// domain, unless it is listed already.
void AddPlainForms(std::vector<std::string>& sources);

// The arguments as the policy's lists hold them: U-labels to A-labels
// (münchen.de -> xn--mnchen-3ya.de), lower case, ".mil" for a namespace.
// An argument that is no domain is refused naming it: never an empty list.
// A bare public suffix (co.uk, nic.in) goes into `suffixes` as a domain:
// permute keeps it only when check judges it as a mail domain (nic.in,
// gc.ca: engine/suffix_mail_domain.h), else refuses it (co.uk: its
// namespace is written .co.uk).
Result<std::vector<std::string>> NormalizeSources(const std::vector<std::string>& args,
                                                  std::vector<std::string>& suffixes);

// The names check accepts by a list: the policy's and the embedded lists'
// domains and the real mail domains. A namespace look-alike holding one of
// them ("ml" of .mil with partner.ml trusted) is not written: its key would
// refuse that name's mail, which check accepts (issue 15, round 41, item 5).
std::vector<std::string> AcceptedListNames(const Engine& engine);

// Whether check already trusts `source` by a list (protected, organisation,
// provider, ...): a look-alike of it is flagged as is.
bool ListedSource(const Engine& engine, const std::string& source);

}  // namespace nearmiss::cli

#endif  // NEARMISS_CLI_PERMUTE_SOURCES_H_

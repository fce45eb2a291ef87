// permute's sources and the names check accepts by a list
// (permute_sources.h).
#include "cli/permute_sources.h"

#include <algorithm>

#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/special_use_names.h"
#include "engine/embedded_lists.h"
#include "nearmiss/policy.h"

namespace nearmiss::cli {

// The sources with no arguments: what the engine protects by name.
std::vector<std::string> DefaultSources(const Engine& engine) {
  std::vector<std::string> out;
  const Policy& p = engine.policy();
  for (const DomainItem& d : p.organisation) out.push_back(d.domain);
  for (const DomainItem& d : p.protected_domains) out.push_back(d.domain);
  auto add_list = [&](std::string_view text, std::string_view name) {
    auto items = ParseDomainList(text, name);
    if (items.ok()) {
      for (DomainItem& d : *items) out.push_back(std::move(d.domain));
    }
  };
  if (p.use_default_protected) add_list(data::kProtectedList, "data/lists/protected.txt");
  if (p.use_default_providers) add_list(data::kProvidersList, "data/lists/providers.txt");
  return out;
}

// The registrable domain a namespace entry names (".hsbc.co.uk" ->
// "hsbc.co.uk"), else "": check reads such an entry as that domain,
// subdomains included, and flags its slips as the plain entry's
// (docs/policy.md, `domains.protected`), which the namespace's own
// candidates never are (round 43's tester, finding 8: nothing was written).
std::string PlainForm(std::string_view entry) {
  if (!entry.starts_with('.')) return {};
  const std::string name(entry.substr(1));
  return address::SplitSuffix(name).registrable == name ? name : std::string();
}

// Each namespace entry naming a registrable domain is followed by that
// domain, unless it is listed already.
void AddPlainForms(std::vector<std::string>& sources) {
  std::vector<std::string> out;
  for (const std::string& s : sources) {
    out.push_back(s);
    std::string plain = PlainForm(s);
    if (!plain.empty() && std::find(sources.begin(), sources.end(), plain) == sources.end()) {
      out.push_back(std::move(plain));
    }
  }
  sources = std::move(out);
}

// The arguments as the policy's lists hold them: U-labels to A-labels
// (münchen.de -> xn--mnchen-3ya.de), lower case, ".mil" for a namespace.
// An argument that is no domain is refused naming it: never an empty list.
// A bare public suffix (co.uk, nic.in) goes into `suffixes` as a domain:
// RunPermute keeps it only when check judges it as a mail domain (nic.in,
// gc.ca: engine/suffix_mail_domain.h), else refuses it (co.uk: its
// namespace is written .co.uk).
Result<std::vector<std::string>> NormalizeSources(const std::vector<std::string>& args,
                                                  std::vector<std::string>& suffixes) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    Result<std::string> d = NormalizeDomainEntry(arg);
    if (!d.ok()) {
      return Status::InvalidArgument("'" + arg + "' is not a domain or a .namespace: " +
                                     d.error().message());
    }
    // "gmail": one label is no mail domain. Say what it is: a TLD of the
    // root zone (then .gmail is its namespace) or not even that.
    if (arg.find('.') == std::string::npos) {
      std::string tld = d->substr(1);
      return Status::InvalidArgument(
          address::IsDelegatedTld(tld)
              ? "'" + arg + "' is one label, not a mail domain (a name and its suffix: " + arg +
                    ".com); for every domain under the TLD ." + tld + " write '." + tld + "'"
              : "'" + arg + "' is one label, not a mail domain, and ." + tld +
                    " is not a delegated TLD");
    }
    // "army.mik": no mail reaches a TLD the root zone lacks, so its
    // look-alikes would protect nothing.
    if (!address::HasDelegatedTld(*d)) {
      const std::string tld = d->substr(d->rfind('.') + 1);
      if (!address::SpecialUseTldRfc(tld).empty()) {
        return Status::InvalidArgument("'" + arg + "': " + address::NoSuchTldPhrase(tld));
      }
      return Status::InvalidArgument("'" + arg + "': the TLD ." + tld +
                                     " is not delegated (IANA root zone), so no mail can reach it");
    }
    if (d->starts_with('.') && !arg.starts_with('.')) {
      d->erase(0, 1);
      suffixes.push_back(*d);
    }
    out.push_back(std::move(*d));
  }
  return out;
}

// The names check accepts by a list: the policy's and the embedded lists'
// domains and the real mail domains. A namespace look-alike holding one of
// them ("ml" of .mil with partner.ml trusted) is not written: its key would
// refuse that name's mail, which check accepts (issue 15, round 41, item 5).
std::vector<std::string> AcceptedListNames(const Engine& engine) {
  std::vector<std::string> out = DefaultSources(engine);
  for (const DomainItem& d : engine.policy().allow) out.push_back(d.domain);
  for (std::string_view text : {data::kRealMailDomains, data::kIspdbMailDomains}) {
    while (!text.empty()) {
      const size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      out.emplace_back(line.substr(0, line.find_first_of(" \t\r")));
    }
  }
  return out;
}

// Whether check already trusts `source` by a list (protected, organisation,
// provider, ...): a look-alike of it is flagged as is.
bool ListedSource(const Engine& engine, const std::string& source) {
  RecipientCheck c = engine.CheckRecipient((source.starts_with('.') ? "x@example" : "x@") + source);
  return c.verdict == Verdict::kTrusted;
}

}  // namespace nearmiss::cli

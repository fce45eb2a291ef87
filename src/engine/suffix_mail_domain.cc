#include "engine/suffix_mail_domain.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <vector>

#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "address/second_level_zone.h"
#include "engine/embedded_lists.h"
#include "lookalike/domain_labels.h"

namespace nearmiss::engine {

std::optional<Domain> PublicSuffixDomain(std::string_view input, std::string* probe) {
  const size_t at = input.rfind('@');
  if (at == 0 || at == std::string_view::npos) return std::nullopt;
  std::string_view typed = input.substr(at + 1);
  if (typed.ends_with('.')) typed.remove_suffix(1);
  if (!address::IsPlainLdh(typed) || typed.find('.') == std::string_view::npos) {
    return std::nullopt;
  }
  Domain d;
  d.ascii.assign(typed);
  for (char& ch : d.ascii) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!IsPublicSuffix(d.ascii)) return std::nullopt;
  d.unicode = d.ascii;
  d.registrable = d.ascii;
  d.suffix = d.ascii.substr(d.ascii.find('.') + 1);
  probe->assign(input.substr(0, at + 1)).append("x.").append(d.ascii);
  return d;
}

namespace {

// The embedded protected list's bare public suffixes (gc.ca).
const std::unordered_set<std::string>& BareProtectedSuffixes() {
  // A bare public suffix in a domain list is read as its namespace
  // (policy/domain_list.cc), so the detector cannot tell "gc.ca" from
  // ".gc.ca": the embedded list's own lines can.
  static const std::unordered_set<std::string> kBare = [] {
    std::unordered_set<std::string> out;
    std::string_view text = data::kProtectedList;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      line = line.substr(0, line.find('#'));
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        line.remove_suffix(1);
      }
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (line.empty() || line.front() == '.') continue;
      std::string d(line);
      for (char& ch : d) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (IsPublicSuffix(d)) out.insert(std::move(d));
    }
    return out;
  }();
  return kBare;
}

// data/lists/suffix-mail-domains.txt's domains.
const std::unordered_set<std::string>& ListedSuffixes() {
  // The embedded list is checked by provider_lists_test (it parses); a
  // broken line here would only leave its domain refused, as before.
  static const std::unordered_set<std::string> kListed = [] {
    std::unordered_set<std::string> out;
    Result<std::vector<RealMailDomain>> listed =
        ParseRealMailDomains(data::kSuffixMailDomains, "data/lists/suffix-mail-domains.txt");
    if (listed.ok()) {
      for (RealMailDomain& r : *listed) out.insert(std::move(r.domain));
    }
    return out;
  }();
  return kListed;
}

}  // namespace

bool WrittenAsDomainInProtectedList(std::string_view ascii) {
  return BareProtectedSuffixes().contains(std::string(ascii));
}

bool SectorSecondLevel(std::string_view ascii) {
  const size_t dot = ascii.find('.');
  if (dot == std::string_view::npos || ascii.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view label = ascii.substr(0, dot), tld = ascii.substr(dot + 1);
  // A country's academic zone (ac.uk, edu.au) is its schools', none of
  // which receives mail at the zone's name.
  constexpr std::string_view kSchools[] = {"ac", "edu", "sch", "k12"};
  for (std::string_view school : kSchools) {
    if (label == school) return false;
  }
  return address::IsCountryCodeTld(tld) && !lookalike::IsOpenSecondLevel(label) &&
         address::IsListedSuffix(ascii) && !address::IsWildcardOnlySuffix(ascii);
}

bool ListedSuffixMailDomain(std::string_view ascii) {
  return ListedSuffixes().contains(std::string(ascii));
}

std::vector<std::string> SuffixMailDomains(bool default_protected) {
  std::vector<std::string> out(ListedSuffixes().begin(), ListedSuffixes().end());
  if (default_protected) {
    out.insert(out.end(), BareProtectedSuffixes().begin(), BareProtectedSuffixes().end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace nearmiss::engine

// Domain list files and the normalisation of one list entry.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "address/idna.h"
#include "address/public_suffix.h"
#include "address/root_zone.h"
#include "content/extract.h"
#include "nearmiss/address.h"
#include "nearmiss/policy.h"
#include "policy/trusted_names.h"

namespace nearmiss {
namespace {

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r\n";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

}  // namespace

Result<std::string> NormalizeDomainEntry(std::string_view entry) {
  std::string_view s = Trim(entry);
  std::string prefix;
  if (s.starts_with("*.")) {
    s.remove_prefix(2);  // "*.x" covers what "x" covers: subdomains
  } else if (s.starts_with(".")) {
    s.remove_prefix(1);
    prefix = ".";
  }
  if (s.empty()) return Status::InvalidArgument("empty domain");
  if (prefix.empty()) {
    // A bare public suffix ("gov.uk") can only mean its namespace.
    Result<std::string> ascii = address::ToAscii(s);
    if (ascii.ok() && IsPublicSuffix(*ascii)) return "." + *ascii;
    Result<Domain> d = ParseDomain(s);
    if (!d.ok()) return d.status();
    return d->ascii;
  }
  // A TLD of the root zone is a namespace as written: under a ccTLD the PSL
  // covers by a wildcard (*.bd) the probe below is a suffix itself, and the
  // error named "x.bd", a name no one wrote.
  if (s.find('.') == std::string_view::npos) {
    Result<std::string> ascii = address::ToAscii(s);
    if (ascii.ok() && address::IsDelegatedTld(*ascii)) {
      std::string dotted = ".";
      dotted += *ascii;
      return dotted;
    }
  }
  // A namespace may be a public suffix, which ParseDomain refuses: check it
  // as the parent of a name instead.
  Result<Domain> d = ParseDomain(std::string("x.") + std::string(s));
  if (!d.ok()) return d.status();
  std::string dotted = ".";  // appended, not "." + string&&: GCC bug 105329
  dotted += std::string_view(d->ascii).substr(2);
  return dotted;
}

std::string OpenNamespaceProblem(std::string_view d) {
  if (!d.starts_with('.')) return {};
  const std::string_view ns = d.substr(1);
  const size_t dot = ns.find('.');
  const std::string_view first = ns.substr(0, dot);
  bool open = false;
  if (dot == std::string_view::npos) {
    open = address::IsCountryCodeTld(ns) || ns == "com" || ns == "net" || ns == "org" ||
           ns == "info" || ns == "biz";
  } else if (ns.find('.', dot + 1) == std::string_view::npos) {
    // co.uk, com.au, net.nz: a country's commercial second level, or an
    // open zone of the private section (uk.com, msk.ru).
    const bool commercial = first == "co" || first == "com" || first == "net" ||
                            first == "org" || first == "biz" || first == "info" ||
                            first == "ltd" || first == "plc" || first == "me";
    open = (commercial && IsPublicSuffix(ns)) || address::IsOpenPrivateZone(ns);
  }
  if (!open) return {};
  std::string out = "'";
  out += d;
  out += "' would trust every domain under .";
  out += ns;
  out += ", anyone's (gmial.";
  out += ns;
  out += " too): name the organisation's own domains, or a namespace only its government or "
         "owner registers under (.mil, .gov.uk)";
  return out;
}

Result<std::vector<std::string>> TrustedNamesOf(const DomainItem& item) {
  const std::string& d = item.domain;
  if (!d.starts_with('.')) return std::vector<std::string>{d};
  std::string problem = OpenNamespaceProblem(d);
  if (!problem.empty()) {
    std::string message = item.where;
    message += ": ";
    message += problem;
    return Status::InvalidArgument(message);
  }
  const std::string_view ns = std::string_view(d).substr(1);
  // A registrable name written as a namespace: trusted with its own name
  // (barclays.co.uk is under .barclays.co.uk), so the slips of that name
  // must be flagged as the plain entry's are. The plain entry covers its
  // subdomains as well, and both at once would be merged into the
  // namespace (trusted_set.cc), whose slips need a name before it.
  if (!IsPublicSuffix(ns)) return std::vector<std::string>{std::string(ns)};
  return std::vector<std::string>{d};
}

Result<std::vector<DomainItem>> ParseDomainList(std::string_view text,
                                                std::string_view name) {
  std::vector<DomainItem> items;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = Trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    std::string where = std::string(name) + ":" + std::to_string(line_no);
    Result<std::string> domain = NormalizeDomainEntry(line);
    if (!domain.ok()) return domain.status().WithContext(where);
    items.push_back({std::move(*domain), std::move(where)});
  }
  return items;
}

Result<std::vector<DomainItem>> ReadDomainListFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open domain list");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read failed");
  // A list saved as UTF-16 (PowerShell's Out-File) or with a UTF-8 byte
  // order mark reads as its domains (content::DecodeTextBytes), not as one
  // "not valid UTF-8" refusal (issue 15, tester round 56b, finding 6).
  return ParseDomainList(content::DecodeTextBytes(std::move(text).str()), path);
}

bool InOrganisation(const std::vector<DomainItem>& organisation, std::string_view domain) {
  if (organisation.empty()) return false;
  if (domain.ends_with('.')) domain.remove_suffix(1);
  Result<std::string> ascii = address::ToAscii(domain);
  if (!ascii.ok() || ascii->empty()) return false;
  const std::string& d = *ascii;
  return std::any_of(organisation.begin(), organisation.end(), [&d](const DomainItem& o) {
    // A namespace entry (".mod.uk") covers what is under it; a domain
    // entry covers itself and what is under it.
    std::string_view name = o.domain;
    const bool space = name.starts_with('.');
    if (space) name.remove_prefix(1);
    if (name.empty()) return false;
    if (!space && d == name) return true;
    return d.size() > name.size() && std::string_view(d).ends_with(name) &&
           d[d.size() - name.size() - 1] == '.';
  });
}

}  // namespace nearmiss

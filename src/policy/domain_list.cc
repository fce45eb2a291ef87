// Domain list files and the normalisation of one list entry.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "address/idna.h"
#include "nearmiss/address.h"
#include "nearmiss/policy.h"

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
  // A namespace may be a public suffix, which ParseDomain refuses: check it
  // as the parent of a name instead.
  Result<Domain> d = ParseDomain(std::string("x.") + std::string(s));
  if (!d.ok()) return d.status();
  std::string dotted = ".";  // appended, not "." + string&&: GCC bug 105329
  dotted += std::string_view(d->ascii).substr(2);
  return dotted;
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
  return ParseDomainList(text.str(), path);
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

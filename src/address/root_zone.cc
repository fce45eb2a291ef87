#include "address/root_zone.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace nearmiss {
namespace data {
extern const std::string_view kRootZoneTlds;
extern const std::string_view kIdnCcTlds;
extern const std::string_view kIdnTldForms;
}  // namespace data

namespace address {
namespace {

struct RootZone {
  std::unordered_set<std::string_view> tlds;  // views into data::kRootZoneTlds
  std::unordered_set<std::string_view> idn_cctlds;  // first words of data::kIdnCcTlds
  // data::kIdnTldForms: A-label -> the ASCII TLD, in the list's order.
  std::vector<std::pair<std::string_view, std::string_view>> forms;
  std::string source;
};

const RootZone& Zone() {
  static const RootZone* const zone = [] {
    auto* z = new RootZone;
    std::string_view text = data::kRootZoneTlds;
    std::string versions;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty()) continue;
      if (line[0] == '#') {
        // "#   IANA Version 2024110800, Last Updated ...": the list's date.
        size_t at = line.find("IANA Version ");
        if (at != std::string_view::npos && versions.empty()) {
          std::string_view rest = line.substr(at);
          versions = rest.substr(0, rest.find(','));
        }
        continue;
      }
      z->tlds.insert(line);
    }
    for (std::string_view rest = data::kIdnCcTlds; !rest.empty();) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      z->idn_cctlds.insert(line.substr(0, line.find(' ')));
    }
    for (std::string_view rest = data::kIdnTldForms; !rest.empty();) {
      size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      const size_t space = line.find(' ');
      if (space == std::string_view::npos) continue;
      z->forms.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    z->source = "data/lists/root-zone-tlds.txt: " + std::to_string(z->tlds.size()) + " TLDs (" +
                versions + ")";
    return z;
  }();
  return *zone;
}

}  // namespace

bool IsDelegatedTld(std::string_view tld) {
  const RootZone& z = Zone();
  return z.tlds.empty() || z.tlds.contains(tld);
}

bool HasDelegatedTld(std::string_view domain) {
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  size_t dot = domain.rfind('.');
  return IsDelegatedTld(dot == std::string_view::npos ? domain : domain.substr(dot + 1));
}

std::vector<std::string> CountryCodeTlds() {
  std::vector<std::string> out;
  for (std::string_view tld : Zone().tlds) {
    if (tld.size() == 2) out.emplace_back(tld);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsCountryCodeTld(std::string_view tld) {
  if (!IsDelegatedTld(tld)) return false;
  if (tld.size() == 2) return tld[0] >= 'a' && tld[0] <= 'z' && tld[1] >= 'a' && tld[1] <= 'z';
  return Zone().idn_cctlds.contains(tld);
}

std::string_view AsciiTldOfForm(std::string_view tld) {
  for (const auto& [form, ascii] : Zone().forms) {
    if (form == tld) return ascii;
  }
  return {};
}

std::vector<std::string_view> FormsOfTld(std::string_view tld) {
  std::vector<std::string_view> out;
  for (const auto& [form, ascii] : Zone().forms) {
    if (ascii == tld) out.push_back(form);
  }
  return out;
}

std::string_view RootZoneSource() { return Zone().source; }

}  // namespace address
}  // namespace nearmiss

#include "address/second_level_zone.h"

#include <string>
#include <unordered_set>

#include "address/public_suffix.h"
#include "address/root_zone.h"

namespace nearmiss {
namespace data {
extern const std::string_view kSecondLevelZones;
}  // namespace data

namespace address {
namespace {

// The first word of each line of data/lists/second-level-zones.txt.
const std::unordered_set<std::string_view>& Labels() {
  static const auto* const labels = [] {
    auto* set = new std::unordered_set<std::string_view>;
    std::string_view text = data::kSecondLevelZones;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      set->insert(line.substr(0, line.find_first_of(" \t\r")));
    }
    return set;
  }();
  return *labels;
}

}  // namespace

bool IsPublicSectorLabel(std::string_view label) { return Labels().contains(label); }

bool IsRealSecondLevelZone(std::string_view zone) {
  size_t dot = zone.find('.');
  if (dot == 0 || dot == std::string_view::npos || zone.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view tld = zone.substr(dot + 1);
  if (tld.size() != 2 || !IsDelegatedTld(tld)) return false;
  return IsPublicSectorLabel(zone.substr(0, dot)) || IsListedSuffix(zone);
}

std::string_view RealSecondLevelZoneOf(std::string_view ascii_domain) {
  if (!ascii_domain.empty() && ascii_domain.back() == '.') ascii_domain.remove_suffix(1);
  size_t last = ascii_domain.rfind('.');
  if (last == std::string_view::npos || last == 0) return {};
  size_t prev = ascii_domain.rfind('.', last - 1);
  std::string_view zone =
      prev == std::string_view::npos ? ascii_domain : ascii_domain.substr(prev + 1);
  return IsRealSecondLevelZone(zone) ? zone : std::string_view();
}

}  // namespace address
}  // namespace nearmiss

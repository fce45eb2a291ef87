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

struct ZoneList {
  std::unordered_set<std::string_view> labels;  // "gov": lines without a dot
  std::unordered_set<std::string_view> zones;   // "gov.cz": confirmed zones
};

// The first word of each line of data/lists/second-level-zones.txt.
const ZoneList& List() {
  static const auto* const list = [] {
    auto* l = new ZoneList;
    std::string_view text = data::kSecondLevelZones;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (line.empty() || line[0] == '#') continue;
      std::string_view word = line.substr(0, line.find_first_of(" \t\r"));
      (word.find('.') == std::string_view::npos ? l->labels : l->zones).insert(word);
    }
    return l;
  }();
  return *list;
}

}  // namespace

bool IsPublicSectorLabel(std::string_view label) { return List().labels.contains(label); }

bool IsRealSecondLevelZone(std::string_view zone) {
  size_t dot = zone.find('.');
  // A province's zone of three labels, listed (gov.bc.ca, gov.ab.ca: each
  // Canadian province runs its government's mail under gov.<province>.ca).
  if (dot != 0 && dot != std::string_view::npos &&
      zone.find('.', dot + 1) != std::string_view::npos) {
    return List().zones.contains(zone);
  }
  if (dot == 0 || dot == std::string_view::npos) return false;
  std::string_view tld = zone.substr(dot + 1);
  if (!IsDelegatedTld(tld)) return false;
  // Only zones the country is known to run: a public-sector label under an
  // open ccTLD (mil.de, gov.de) is anyone's name (issue 15 breaker, item 1).
  // A listed zone may sit under a geographic TLD a government runs its own
  // zone in (gov.scot, gov.wales: issue 15, round 41, item 1).
  if (List().zones.contains(zone)) return true;
  if (tld.size() != 2) return false;
  if (!IsListedSuffix(zone)) return false;
  if (!IsWildcardOnlySuffix(zone)) return true;
  const std::string_view label = zone.substr(0, dot);
  return label == "gov" || label == "mil" || label == "edu" || label == "ac";
}

std::string_view RealSecondLevelZoneOf(std::string_view ascii_domain) {
  if (!ascii_domain.empty() && ascii_domain.back() == '.') ascii_domain.remove_suffix(1);
  size_t last = ascii_domain.rfind('.');
  if (last == std::string_view::npos || last == 0) return {};
  size_t prev = ascii_domain.rfind('.', last - 1);
  // The listed three-label zones first (health.gov.on.ca: gov.on.ca).
  if (prev != std::string_view::npos && prev > 0) {
    const size_t third = ascii_domain.rfind('.', prev - 1);
    const std::string_view zone3 =
        third == std::string_view::npos ? ascii_domain : ascii_domain.substr(third + 1);
    if (zone3.find('.') != zone3.rfind('.') && List().zones.contains(zone3)) return zone3;
  }
  std::string_view zone =
      prev == std::string_view::npos ? ascii_domain : ascii_domain.substr(prev + 1);
  return IsRealSecondLevelZone(zone) ? zone : std::string_view();
}

}  // namespace address
}  // namespace nearmiss

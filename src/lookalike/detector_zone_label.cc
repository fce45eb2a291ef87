// A country's public-sector zone typed with the namespace's label of
// another country: sre.gov.mx for sre.gob.mx, mofa.gov.jp for mofa.go.jp,
// bmi.gov.at for bmi.gv.at. Read as NAME.gov with the code added, the
// suggestion was NAME.gov, a US name no list holds (round 59's tester 15,
// finding 2); the name in the country's real zone is meant. The zones are
// address/second_level_zone.h's (the PSL's ICANN section and
// data/lists/second-level-zones.txt).
#include <set>
#include <string>

#include "address/second_level_zone.h"
#include "lookalike/detector.h"
#include "lookalike/domain_labels.h"
#include "lookalike/slip_score.h"

namespace nearmiss::lookalike {
namespace {

// The public-sector labels (second_level_zone.h: gob, go, gv, govt, gouv)
// one edit from `label` (a letter changed, left out, added, or two swapped).
std::set<std::string> SectorLabelsOneEditFrom(std::string_view label) {
  std::set<std::string> out;
  auto keep = [&](const std::string& v) {
    if (v != label && address::IsPublicSectorLabel(v)) out.insert(v);
  };
  std::string v;
  for (size_t i = 0; i <= label.size(); ++i) {
    if (i < label.size()) {
      v.assign(label).erase(i, 1);
      keep(v);
    }
    if (i + 1 < label.size()) {
      v.assign(label);
      std::swap(v[i], v[i + 1]);
      keep(v);
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      v.assign(label).insert(i, 1, c);
      keep(v);
      if (i < label.size()) {
        v.assign(label);
        v[i] = c;
        keep(v);
      }
    }
  }
  return out;
}

}  // namespace

std::optional<Candidate> DetectorImpl::ZoneLabelSlipName(uint32_t id, std::string_view covered,
                                                         std::string_view ending) const {
  const size_t dot = ending.find('.');
  const std::string_view code = ending.substr(0, dot);
  const std::string_view after = dot == std::string_view::npos ? "" : ending.substr(dot + 1);
  if (code.size() != 2 || LabelCount(covered) != 2) return std::nullopt;
  // A name the lists hold under the namespace (fbi.gov) with a code added
  // is that name's (fbi.gov.mx: fbi.gov), as AppendCandidates reads it.
  if (NamespaceNameKnown(covered)) return std::nullopt;
  // As typed a name of a real zone (mre.gov.cl: Chile runs gov.cl beside
  // gob.cl): that country's own name, not this slip.
  std::string typed(covered);
  typed.append(".").append(code);
  if (!address::RealSecondLevelZoneOf(typed).empty()) return std::nullopt;
  const std::string_view ns = LastLabel(covered);
  const std::string_view head = covered.substr(0, covered.size() - ns.size() - 1);
  const std::string typed_zone = std::string(ns) + "." + std::string(code);
  for (const std::string& label : SectorLabelsOneEditFrom(ns)) {
    const std::string zone = label + "." + std::string(code);
    if (!address::IsRealSecondLevelZone(zone)) continue;
    std::string name(head);
    name.append(".").append(zone);
    // A name a list trusts (mfat.govt.nz, under the protected govt.nz) is
    // found by the namespace rules, with its own entry as the target.
    if (set_.TrustedBy(name)) continue;
    std::string detail = SuffixDetail(typed_zone, zone);
    if (!after.empty()) detail.append(" and .").append(ShownEnding(after)).append(" added");
    return Candidate{id, ReasonCode::kSuffixEdit, std::move(detail), name, name, 0.92};
  }
  return std::nullopt;
}

}  // namespace nearmiss::lookalike

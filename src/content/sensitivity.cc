#include "nearmiss/content_sensitivity.h"

#include <string>
#include <utility>
#include <vector>

namespace nearmiss::content {

void Sensitivity::Add(Finding finding) {
  if (finding.strength == Strength::kStrong && finding.level > level) {
    level = finding.level;
  }
  findings.push_back(std::move(finding));
}

bool Sensitivity::Has(std::string_view marking) const {
  for (const Finding& f : findings) {
    if (f.marking == marking) return true;
  }
  return false;
}

namespace {

// Packs whose findings say something about markings; the others (detector,
// custom, limit, archive) are facts of another kind.
bool IsMarkingPack(std::string_view pack) {
  return pack != "detector" && pack != "custom" && pack != "limit" &&
         pack != "archive";
}

bool IsPortionText(std::string_view text) {
  return !text.empty() && text.front() == '(';
}

}  // namespace

void Sensitivity::Corroborate() {
  bool agreed = false;
  for (const Finding& f : findings) {
    agreed = agreed ||
             (!f.needs_corroboration && f.strength == Strength::kStrong &&
              f.level > Level::kNone && IsMarkingPack(f.pack));
  }
  auto agrees = [&](const Finding& f) {
    if (agreed) return true;
    for (const Finding& g : findings) {
      if (&g == &f || !g.needs_corroboration) continue;
      // Portion marks of one system that differ: "(S) Route B\n(U) Fair",
      // "(NR) ...\n(NU) ...". Initials mix systems ("(TS) Tom", "(NS)
      // Nina") or repeat one name.
      if (IsPortionText(f.text) && IsPortionText(g.text) &&
          g.pack == f.pack && g.marking != f.marking) {
        return true;
      }
      if (!IsPortionText(f.text) && !IsPortionText(g.text) &&
          g.marking == f.marking) {
        return true;
      }
      // A bare level word and a bare portion mark of the same level: the
      // heading "SECRET" over "(S) Route B", or under the subject "(S)
      // Convoy timings", is the banner-and-portion layout of a classified
      // message (DoDM 5200.01 Vol 2), which an advert does not copy.
      if (IsPortionText(f.text) != IsPortionText(g.text) &&
          g.level == f.level && f.level > Level::kNone) {
        return true;
      }
    }
    return false;
  };
  std::vector<bool> keep(findings.size(), true);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].needs_corroboration) keep[i] = agrees(findings[i]);
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!keep[i]) continue;
    Finding& f = findings[i];
    if (f.needs_corroboration) {
      f.needs_corroboration = false;
      f.strength = Strength::kStrong;
      if (f.level > level) level = f.level;
    }
    if (out != i) findings[out] = std::move(f);
    ++out;
  }
  findings.resize(out);
}

const std::vector<std::string>& ConditionFindingNames() {
  static const std::vector<std::string> kNames = {"unknown-label",
                                                  "encrypted-attachment"};
  return kNames;
}

}  // namespace nearmiss::content

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

const std::vector<std::string>& ConditionFindingNames() {
  static const std::vector<std::string> kNames = {"unknown-label",
                                                  "encrypted-attachment"};
  return kNames;
}

}  // namespace nearmiss::content

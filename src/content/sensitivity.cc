#include "nearmiss/content_sensitivity.h"

#include <utility>

namespace nearmiss::content {

void Sensitivity::Add(Finding finding) {
  if (finding.strength == Strength::kStrong && finding.level > level) {
    level = finding.level;
  }
  findings.push_back(std::move(finding));
}

}  // namespace nearmiss::content

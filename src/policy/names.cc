// Names of the policy's own words (policy.h); the decision vocabulary's
// names are in src/vocab/.
#include "nearmiss/policy.h"

namespace nearmiss {

std::string_view FailModeName(FailMode mode) {
  return mode == FailMode::kTempfail ? "tempfail" : "accept";
}

}  // namespace nearmiss

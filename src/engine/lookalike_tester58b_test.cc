// Issue 15, round 58b's tester 15, finding 2: a slip of another country's
// government zone under the protected .gov namespace (mea.gov.in.com,
// mea.gov.ni) suggested a name no list holds (mea.gov), trusted only
// because every name under .gov is: taken, it bounced. The name meant is
// the typed one in the country's real public-sector zone (gov.in), the
// ending added or its two letters swapped; and the reason's target and the
// suggestion are one name (finance.gov.ni named finance.gov and suggested
// finance.gov.au).
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::Show;
using Round58bTesterTest = lookalike_testing::DefaultPolicyTest;

// The suggestion is the target, or a name under it when the target is a
// namespace (bmi.bund.de.com: bund.de, bmi.bund.de).
void ExpectTargetIsSuggested(const RecipientCheck& c, const std::string& typed) {
  ASSERT_TRUE(c.suggestion.starts_with("a@")) << typed << ": " << Show(c);
  const std::string domain = c.suggestion.substr(2);
  EXPECT_TRUE(domain == c.target || domain.ends_with("." + c.target)) << typed << ": " << Show(c);
}

TEST_F(Round58bTesterTest, AForeignGovernmentZoneSlipSuggestsThatZonesName) {
  for (auto [typed, meant] : {std::pair{"mea.gov.in.com", "mea.gov.in"},
                              {"mha.gov.sg.com", "mha.gov.sg"},
                              {"mea.gov.ni", "mea.gov.in"},
                              {"finance.gov.ni", "finance.gov.in"},
                              {"acme.gov.ni", "acme.gov.in"},
                              {"mha.gov.gs", "mha.gov.sg"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(c.target, meant) << typed << ": " << Show(c);
    ExpectTargetIsSuggested(c, typed);
  }
  // Listed names and other shapes keep theirs, target and suggestion one.
  for (auto [typed, meant] : {std::pair{"bmi.bund.de.com", "bmi.bund.de"},
                              {"fbi.gov.us", "fbi.gov"},
                              {"army.mil.attacker.com", "army.mil"},
                              {"mod.gov.uk.attacker.com", "mod.gov.uk"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    ExpectTargetIsSuggested(c, typed);
  }
  // The real name itself is no slip.
  EXPECT_NE(Check("mea.gov.in").verdict, Verdict::kLookalike) << Show(Check("mea.gov.in"));
}

}  // namespace
}  // namespace nearmiss

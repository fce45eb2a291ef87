// Issue 15, round 59's tester 15, finding 2: `gov` typed for another
// country's public-sector label (sre.gov.mx for Mexico's gob.mx,
// mofa.gov.jp for Japan's go.jp) was read as sre.gov with .mx added and
// suggested sre.gov, a US name no list holds. The name in the country's
// real zone is the target and the suggestion, never an invented .gov name.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::CodeOf;
using lookalike_testing::Show;
using ZoneLabelTest = lookalike_testing::DefaultPolicyTest;

TEST_F(ZoneLabelTest, GovForAnotherCountrysPublicSectorLabelNamesThatZone) {
  for (auto [typed, meant] : {std::pair{"sre.gov.mx", "sre.gob.mx"},
                              {"minjus.gov.es", "minjus.gob.es"},
                              {"rree.gov.pe", "rree.gob.pe"},
                              {"mre.gov.bo", "mre.gob.bo"},
                              {"sre.gov.hn", "sre.gob.hn"},
                              {"mofa.gov.jp", "mofa.go.jp"},
                              {"mofa.gov.kr", "mofa.go.kr"},
                              {"bmi.gov.at", "bmi.gv.at"},
                              {"sre.gov.mx.com", "sre.gob.mx"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(c.target, meant) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion.find(".gov."), std::string::npos) << typed << ": " << Show(c);
  }
  EXPECT_EQ(CodeOf(Check("sre.gov.mx")), "suffix-edit") << Show(Check("sre.gov.mx"));
}

TEST_F(ZoneLabelTest, RealNamesAndListedNamesKeepTheirs) {
  // A country that runs gov beside gob (gov.cl, gov.ar): as typed, its own.
  for (const char* real : {"mre.gov.cl", "mindef.gov.ar", "sre.gob.mx", "mofa.go.jp"}) {
    EXPECT_NE(Check(real).verdict, Verdict::kLookalike) << real << ": " << Show(Check(real));
  }
  // A protected zone one slip away keeps its own name (govt.nz, gouv.fr).
  EXPECT_EQ(Check("mfat.gov.nz").suggestion, "a@mfat.govt.nz") << Show(Check("mfat.gov.nz"));
  EXPECT_EQ(Check("diplomatie.gov.fr").suggestion, "a@diplomatie.gouv.fr")
      << Show(Check("diplomatie.gov.fr"));
  // A name the lists hold under .gov (CISA's registry) keeps it.
  EXPECT_EQ(Check("justice.gov.mx").suggestion, "a@justice.gov") << Show(Check("justice.gov.mx"));
  EXPECT_EQ(Check("state.gov.jp").suggestion, "a@state.gov") << Show(Check("state.gov.jp"));
}

}  // namespace
}  // namespace nearmiss

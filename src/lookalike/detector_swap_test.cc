// Issue 15, a fresh tester's items 6, 11 and 14: two letters swapped
// across a third (sezman.cz for seznam.cz) was external; ramstein.af.mik
// offered ramstein.af.mil twice and named af.mil as the target; look-alike
// letters of the ending (uĸ, rnil) had no suggestion.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorSwapTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{".mil", TrustSource::kProtected},       {"ramstein.af.mil", TrustSource::kProtected},
           {"aviano.af.mil", TrustSource::kProtected}, {"seznam.cz", TrustSource::kProvider},
           {"hotmail.com", TrustSource::kProvider},  {"outlook.com", TrustSource::kProvider},
           {"bundeswehr.de", TrustSource::kProtected}, {"parliament.uk", TrustSource::kProtected},
           {"example.org", TrustSource::kLearned}},
          {});
  }
};

TEST_F(DetectorSwapTest, TwoLettersSwappedAcrossAThird) {
  for (auto [typed, meant] :
       {std::pair{"sezman.cz", "seznam.cz"}, {"hotiaml.com", "hotmail.com"},
        {"oltuook.com", "outlook.com"}, {"bundeewshr.de", "bundeswehr.de"},
        {"parailment.uk", "parliament.uk"}, {"mail.sezman.cz", "seznam.cz"}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed << " " << m.detail;
  }
  EXPECT_EQ(Classify("sezman.cz").detail, "has 'm' and 'n' swapped around the 'a'");
  // A learned name is a correspondent's, maybe a word: not searched.
  EXPECT_NE(Classify("exlmape.org").kind, LookalikeMatch::Kind::kLookalike);
}

TEST_F(DetectorSwapTest, OneSuggestionNamingTheListedHost) {
  for (auto [typed, meant] :
       {std::pair{"ramstein.af.mik", "ramstein.af.mil"}, {"aviano.af.mik", "aviano.af.mil"},
        {"ramstein.af.mi", "ramstein.af.mil"}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed;
    EXPECT_NE(m.alternative_suggestion, meant) << typed;
    EXPECT_EQ(m.target, meant) << typed << " " << m.detail;
  }
}

// Item 6: Latin kra (ĸ, a small capital k) was no look-alike letter, so
// dwp.gov.uĸ was "dwp.gov with .xn--u-tka added" and mod.uĸ invalid with
// no suggestion; "rn" for 'm' in a TLD (army.rnil) had none either.
TEST(DetectorGlyphTldTest, KraAndRnInTheEnding) {
  auto built = LookalikeDetector::BuildWithLists(
      {{".mil", TrustSource::kProtected}, {".gov.uk", TrustSource::kProtected},
       {"mod.uk", TrustSource::kProtected}, {"parliament.uk", TrustSource::kProtected},
       {"yahoo.co.uk", TrustSource::kProvider}},
      {});
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  for (auto [typed, meant] :
       {std::pair{"dwp.gov.uĸ", "dwp.gov.uk"}, {"mod.uĸ", "mod.uk"},
        {"parliament.uĸ", "parliament.uk"}, {"yahoo.co.uĸ", "yahoo.co.uk"},
        {"ĸent.gov.uk", "kent.gov.uk"}, {"army.rnil", "army.mil"}, {"navy.rnil", "navy.mil"}}) {
    Result<Domain> d = ParseDomain(typed);
    ASSERT_TRUE(d.ok()) << typed;
    LookalikeMatch m = (*built)->Classify(*d);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed << " " << m.detail;
  }
}

}  // namespace
}  // namespace nearmiss

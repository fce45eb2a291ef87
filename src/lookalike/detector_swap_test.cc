// Issue 15, a fresh tester's items 11 and 14: two letters swapped across a
// third (sezman.cz for seznam.cz) was external; ramstein.af.mik offered
// ramstein.af.mil twice and named af.mil as the target.
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

}  // namespace
}  // namespace nearmiss

// Issue 15, breaker 15, items 6 and 14: which target a slip names first, and
// a namespace's own name under its confused TLD.
//
// yahoo.com.uk suggested yahoo.com.hk (a key next to 'u'), though .com
// typed for the .co of .co.uk is the commoner slip; yahoo.uk suggested only
// yahoo.com, though Yahoo's own yahoo.co.uk is the .co.uk with its .co
// left out; and what the organisation writes to did not rank targets that
// were close. mil.ml was external, while permute's map refuses all of .ml.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

std::vector<TrustedEntry> Entries(int64_t co_uk_messages) {
  return {
      {".mil", TrustSource::kProtected},
      {"barclays.co.uk", TrustSource::kProtected},
      {"barclays.com.hk", TrustSource::kProtected},
      {"yahoo.com", TrustSource::kProvider},
      {"yahoo.co.uk", TrustSource::kProvider, co_uk_messages},
      {"yahoo.com.hk", TrustSource::kProvider},
      {"yahoo.com.au", TrustSource::kProvider},
      {"yahoo.co.nz", TrustSource::kProvider},
      {"hotmail.com", TrustSource::kProvider},
      {"hotmail.co.uk", TrustSource::kProvider},
      {"hotmail.com.hk", TrustSource::kProvider},
      {"hotmail.com.au", TrustSource::kProvider},
  };
}

LookalikeLists Lists() {
  LookalikeLists lists;
  lists.confusions = {{"ml", "mil", "ml is Mali's country code"},
                      {"co", "com", "co is Colombia's country code"}};
  lists.families = {
      {"yahoo", "yahoo.com", {"yahoo.co.uk", "yahoo.com.hk", "yahoo.com.au", "yahoo.co.nz"}},
      {"hotmail", "hotmail.com", {"hotmail.co.uk", "hotmail.com.hk", "hotmail.com.au"}}};
  return lists;
}

class DetectorRankTest : public DetectorFixture {
 protected:
  void SetUp() override { Build(Entries(0), Lists()); }
};

// .com typed for .co (or .co for .com) in a country's ending, for each
// provider and each country it has such a domain in, and for a declared name.
TEST_F(DetectorRankTest, ComForCoInACountrysEndingNamesThatEnding) {
  for (auto [typed, meant] :
       {std::pair{"yahoo.com.uk", "yahoo.co.uk"}, {"hotmail.com.uk", "hotmail.co.uk"},
        {"yahoo.com.nz", "yahoo.co.nz"}, {"yahoo.co.au", "yahoo.com.au"},
        {"hotmail.co.au", "hotmail.com.au"}, {"hotmail.co.hk", "hotmail.com.hk"},
        {"barclays.com.uk", "barclays.co.uk"}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed << " " << m.detail;
  }
  // The key next to it is still offered beside it.
  EXPECT_EQ(Classify("yahoo.com.uk").alternative_suggestion, "yahoo.com.hk");
}

// The second level of a regional domain left out: the regional domain
// first, the home domain offered too.
TEST_F(DetectorRankTest, ARegionalEndingWithItsSecondLevelLeftOutNamesIt) {
  for (auto [typed, meant, home] :
       {std::tuple{"yahoo.uk", "yahoo.co.uk", "yahoo.com"}, {"hotmail.uk", "hotmail.co.uk", "hotmail.com"},
        {"yahoo.nz", "yahoo.co.nz", "yahoo.com"},
        // hotmail.com is the start of hotmail.com.hk: no second choice.
        {"hotmail.hk", "hotmail.com.hk", ""}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(ReasonCodeName(m.code), "suffix-drop") << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed << " " << m.detail;
    EXPECT_EQ(m.alternative_suggestion, home) << typed << " " << m.detail;
  }
}

// Of two close targets, the one the organisation writes to comes first.
TEST(DetectorRankHistoryTest, TheTargetTheOrganisationWritesToComesFirst) {
  // yahoo.com.uk without history: yahoo.co.uk, then yahoo.com.hk. With
  // history only to yahoo.com.hk, that is first.
  std::vector<TrustedEntry> entries = Entries(0);
  for (TrustedEntry& e : entries) {
    if (e.domain == "yahoo.com.hk") e.messages = 40;
  }
  auto built = LookalikeDetector::BuildWithLists(std::move(entries), Lists());
  ASSERT_TRUE(built.ok());
  Result<Domain> d = ParseDomain("yahoo.com.uk");
  ASSERT_TRUE(d.ok());
  LookalikeMatch m = (*built)->Classify(*d);
  EXPECT_EQ(m.target_domain_for_suggestion, "yahoo.com.hk") << m.detail;
  EXPECT_EQ(m.alternative_suggestion, "yahoo.co.uk") << m.detail;
  // yahoo.uk with 20 messages to yahoo.co.uk: still yahoo.co.uk first.
  auto with = LookalikeDetector::BuildWithLists(Entries(20), Lists());
  ASSERT_TRUE(with.ok());
  Result<Domain> uk = ParseDomain("yahoo.uk");
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ((*with)->Classify(*uk).target_domain_for_suggestion, "yahoo.co.uk");
}

// mil.ml, mil.mi: the namespace's own name under its confused or
// undelegated TLD is a look-alike of the namespace, with no suggestion
// (mil.mil is no one's); a name under it keeps its own (x.mil.ml).
TEST_F(DetectorRankTest, TheNamespacesOwnNameUnderItsSlipIsALookalike) {
  for (std::string_view typed : {"mil.ml", "mil.mi", "mil.mli"}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(m.target, "mil") << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, "") << typed << " " << m.detail;
  }
  ExpectLookalike("x.mil.ml", "suffix-append", "x.mil");
  EXPECT_EQ(Classify("mil.nl").kind, LookalikeMatch::Kind::kNone);
}

}  // namespace
}  // namespace nearmiss

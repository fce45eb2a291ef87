// Ranking the targets of one typed name (issue 15 item 4): the likelier
// slip names the target, a close second is offered too, and an ending under
// no delegated TLD is never a provider's regional sister.
#include "lookalike/slip_score.h"

#include <gtest/gtest.h>

#include "lookalike/keyboard.h"
#include "nearmiss/address.h"
#include "nearmiss/lookalike.h"

namespace nearmiss::lookalike {
namespace {

TEST(KeyDistanceTest, NeighboursAreAboutOneKeyApart) {
  EXPECT_DOUBLE_EQ(KeyDistance('q', 'w'), 1.0);
  EXPECT_NEAR(KeyDistance('s', 'w'), 1.03, 0.01);  // the row above, half a key left
  EXPECT_GT(KeyDistance('q', 'p'), 8.9);
  EXPECT_DOUBLE_EQ(KeyDistance('A', 'a'), 0.0);
  EXPECT_EQ(KeyDistance('.', 'a'), -1);
}

TEST(SlipLikelihoodTest, OrdersTheKindsOfSlip) {
  double cut_short = SlipLikelihood("yahoo.co", "yahoo.com");
  double swapped = SlipLikelihood("gmial.com", "gmail.com");
  double doubled = SlipLikelihood("gmaill.com", "gmail.com");
  double left_out = SlipLikelihood("yahoo.co.k", "yahoo.co.uk");
  double neighbour = SlipLikelihood("gnail.com", "gmail.com");
  double far_key = SlipLikelihood("gpail.com", "gmail.com");
  double two_edits = SlipLikelihood("gnial.com", "gmail.com");
  EXPECT_GT(cut_short, swapped);
  EXPECT_EQ(swapped, doubled);
  EXPECT_GT(doubled, left_out);
  EXPECT_EQ(left_out, neighbour);
  EXPECT_GT(neighbour, far_key);
  EXPECT_GT(far_key, two_edits);
  // A neighbouring key on the number row: 163 for 162 is one key off, 126
  // for 162 a swap, which is the likelier.
  EXPECT_GT(SlipLikelihood("162.com", "126.com"), SlipLikelihood("162.com", "163.com"));
}

// Providers in the embedded list's order: the bigger domain first.
const LookalikeDetector& Providers() {
  static const std::unique_ptr<const LookalikeDetector> detector = [] {
    std::vector<TrustedEntry> entries;
    for (const char* d : {"yahoo.co.uk", "yahoo.co.kr", "yahoo.co.in", "yahoo.co.nz",
                          "live.com.mx", "live.com.my", "126.com", "163.com", "aol.com",
                          "aim.com"}) {
      entries.push_back({d, TrustSource::kProvider});
    }
    return std::move(LookalikeDetector::Build(entries, {})).value();
  }();
  return *detector;
}

LookalikeMatch Classify(std::string_view domain) {
  Result<Domain> d = ParseDomain(domain);
  if (!d.ok()) ADD_FAILURE() << domain << " does not parse";
  return d.ok() ? Providers().Classify(*d) : LookalikeMatch{};
}

TEST(RankingTest, TheLikelierSlipNamesTheTargetAndTheOtherIsOffered) {
  // One letter left of the ending: .kr cut short is no likelier than .uk
  // with a letter left out, so the entry listed first (.uk) is named and
  // the other offered (round 38, fresh tester 15, item 10; was .kr first).
  LookalikeMatch m = Classify("yahoo.co.k");
  EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike);
  EXPECT_EQ(m.target, "yahoo.co.uk");
  EXPECT_EQ(m.alternative_suggestion, "yahoo.co.kr");
  m = Classify("yahoo.co.n");
  EXPECT_EQ(m.target, "yahoo.co.in");
  EXPECT_EQ(m.alternative_suggestion, "yahoo.co.nz");
  // Both cut short: the earlier entry, the other offered.
  m = Classify("yahoo.co.i");
  EXPECT_EQ(m.target, "yahoo.co.in");
  // A swap over a neighbouring key; a neighbouring key over a far one.
  EXPECT_EQ(Classify("162.com").target, "126.com");
  EXPECT_EQ(Classify("aom.com").target, "aim.com");
}

// libpsl 0.21 calls com.m a listed suffix though .m is no TLD: live.com.m
// was "external" as if .com.m were Malaysia's sister of .com.mx.
TEST(RankingTest, EndingUnderAnUndelegatedTldIsNoSister) {
  LookalikeMatch m = Classify("live.com.m");
  EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike);
  EXPECT_EQ(m.target, "live.com.mx");
  EXPECT_EQ(m.alternative_suggestion, "live.com.my");
  EXPECT_EQ(m.code, ReasonCode::kTldNotDelegated);
}

TEST(OrganisationPriorTest, GrowsWithTheLogOfTheMessagesSent) {
  EXPECT_DOUBLE_EQ(OrganisationPrior(0), 1.0);
  EXPECT_DOUBLE_EQ(OrganisationPrior(-5), 1.0);
  EXPECT_DOUBLE_EQ(OrganisationPrior(9), 2.0);
  EXPECT_DOUBLE_EQ(OrganisationPrior(99), 3.0);
  EXPECT_GT(OrganisationPrior(1000), OrganisationPrior(999));
}

}  // namespace
}  // namespace nearmiss::lookalike

// Issue 15 item 4: a slip of a trusted name too short to call it a
// look-alike (gm.de for gmx.de) is external with a short-name-slip hint
// naming the near name, as npm mailcheck suggests it; never a look-alike.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorShortNameTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{"gmx.de", TrustSource::kProvider},
           {"bk.ru", TrustSource::kProvider},
           {"ya.ru", TrustSource::kProvider},
           {"me.com", TrustSource::kProvider},
           {"mail.com", TrustSource::kProvider},
           {"aol.com", TrustSource::kProvider},
           {"rr.com", TrustSource::kProvider},
           {"gmail.com", TrustSource::kProvider}},
          [] {
            LookalikeLists lists;
            lists.real_domains = {{"bkk.ru", "a real one, for the test"}};
            // Road Runner's regional hosts are its customers' mail domains
            // (austin.rr.com): said as provider-web-domains.txt says it.
            lists.web_domains = {{"*.rr.com", "rr.com"}};
            return lists;
          }());
  }

  void ExpectHint(std::string_view domain, std::string_view suggestion) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kNone) << domain;
    EXPECT_EQ(m.code, ReasonCode::kShortNameSlip) << domain << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain;
    EXPECT_LT(m.score, 0.5) << domain;
  }
};

TEST_F(DetectorShortNameTest, ASlipOfAShortNameIsAHintNotALookalike) {
  ExpectHint("gm.de", "gmx.de");    // a letter left out of three
  ExpectHint("yaa.ru", "ya.ru");    // a letter typed twice
  ExpectHint("ys.ru", "ya.ru");     // the key next to it, in two letters
  ExpectHint("y.ru", "ya.ru");      // one letter left of two
  ExpectHint("al.com", "aol.com");
  LookalikeMatch m = Classify("gm.de");
  EXPECT_EQ(m.target, "gmx.de");
  EXPECT_EQ(m.detail, "is missing an 'x'");
  Reason r;
  Result<Domain> d = ParseDomain("gm.de");
  ASSERT_TRUE(d.ok());
  FillReason(m, *d, &r);
  EXPECT_EQ(ReasonMessage(r),
            "gm.de is one slip from gmx.de (is missing an 'x'), but a name this short has many "
            "real neighbours: check it is the one meant");
  // A longer name's slip stays a look-alike, as before (gmxx.de: 0.55).
  ExpectLookalike("gmial.com", "label-typo", "gmail.com");
  ExpectLookalike("gmxx.de", "label-typo", "gmx.de");
}

TEST_F(DetectorShortNameTest, NoHintWhereTheReadingIsWeakOrTheDomainReal) {
  // A real mail domain is said to be one.
  LookalikeMatch real = Classify("bkk.ru");
  EXPECT_EQ(real.kind, LookalikeMatch::Kind::kNone);
  EXPECT_EQ(real.code, ReasonCode::kRealNeighbour);
  EXPECT_TRUE(real.target_domain_for_suggestion.empty());
  // A host under a domain is that domain's (austin.rr.com is Road
  // Runner's, not a slip of me.com), and a look-alike letter mixed with a
  // slip reaches any short name.
  for (std::string_view d : {"austin.rr.com", "mb.rr.com", "frre.com", "rn.com", "example.org"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_NE(m.code, ReasonCode::kShortNameSlip) << d << " " << m.target;
    EXPECT_NE(m.kind, LookalikeMatch::Kind::kLookalike) << d << " " << m.target;
  }
}

}  // namespace
}  // namespace nearmiss

// Issue 15, round 42: another country's government naming is not a slip of
// ours (mod.gov.se for mod.gov.uk), while slips of the code itself stay.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorRound42Test : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{".mil", TrustSource::kProtected},
           {"mod.gov.uk", TrustSource::kProtected},
           {"hmrc.gov.uk", TrustSource::kProtected},
           {"gmail.com", TrustSource::kProvider}},
          [] {
            LookalikeLists lists;
            // Ukraine's and Pakistan's ministries of defence: "mod" names
            // a ministry in more than one country.
            lists.real_domains = {{"mod.gov.ua", "Ukraine's Ministry of Defence"},
                                  {"mod.gov.pk", "Pakistan's Ministry of Defence"}};
            return lists;
          }());
  }

  std::string Sentence(std::string_view domain) {
    Result<Domain> d = ParseDomain(domain);
    if (!d.ok()) return "";
    LookalikeMatch m = detector_->Classify(*d);
    Reason r;
    FillReason(m, *d, &r);
    return ReasonMessage(r);
  }
};

TEST_F(DetectorRound42Test, AnotherCountrysGovernmentEndingIsNoSlip) {
  // Sweden, Germany and Norway run no gov.<cc> zone (the PSL lists none),
  // yet .se, .de and .no typed whole for .uk are no key, swap or doubled
  // letter: the sender named another country's ministry.
  for (std::string_view d : {"mod.gov.se", "mod.gov.de", "mod.gov.no", "mail.mod.gov.se"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kNone) << d << " " << m.detail;
    EXPECT_EQ(m.code, ReasonCode::kRealNeighbour) << d << " " << m.detail;
  }
  EXPECT_EQ(Sentence("mod.gov.se"),
            "mod.gov.se is a name in gov.se, another country's government ending (.se in "
            "place of .uk), two slips from mod.gov.uk: check it is the one meant");
}

TEST_F(DetectorRound42Test, SlipsOfTheCountryCodeStayLookalikes) {
  ExpectLookalike("mod.gov.ukk", "tld-not-delegated", "mod.gov.uk");
  ExpectLookalike("mod-gov.uk", "dot-omission", "mod.gov.uk");
  ExpectLookalike("mod.gov.uk.com", "suffix-append", "mod.gov.uk");
  ExpectLookalike("mod.gov.ul", "tld-not-delegated", "mod.gov.uk");
  ExpectLookalike("mod.gvo.uk", "suffix-edit", "mod.gov.uk");
  // One organisation's own name (HMRC is the UK's alone) under another
  // country's code stays its slip, as abs.gov.us stays abs.gov.au's.
  EXPECT_EQ(Classify("hmrc.gov.de").kind, LookalikeMatch::Kind::kLookalike);
  // One letter of the code ('s' for 'k'), or its two letters swapped.
  EXPECT_EQ(Classify("mod.gov.us").kind, LookalikeMatch::Kind::kLookalike);
  EXPECT_EQ(Classify("mod.gov.ku").kind, LookalikeMatch::Kind::kLookalike);
}

}  // namespace
}  // namespace nearmiss

// Issue 15, round 59's tester 15, finding 1: an allowed or learned
// partner's country code slipped into another country's real zone of the
// same kind (westpac.com.ua for westpac.com.au, fabrikam.co.ug for
// fabrikam.co.uk) was let through as a sister domain, while the same slip
// of a protected or organisation name was refused. It is a suffix-edit
// look-alike of the partner (the default policy confirms it); a real mail
// domain there still yields (real-neighbour), and a provider's regional
// sisters (yahoo.com.ua) stay as they were.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorPartnerCountryTest : public DetectorFixture {
 protected:
  void SetUp() override {
    LookalikeLists lists;
    lists.real_domains.push_back({"realbank.com.ua", "a bank in Ukraine"});
    Build({{"westpac.com.au", TrustSource::kAllowlist},
           {"contoso-bank.com.au", TrustSource::kLearned},
           {"fabrikam.co.uk", TrustSource::kLearned},
           {"acme.co.za", TrustSource::kAllowlist},
           {"realbank.com.au", TrustSource::kAllowlist},
           {"partner.de", TrustSource::kAllowlist},
           {"yahoo.com.au", TrustSource::kProvider}},
          std::move(lists));
  }
};

TEST_F(DetectorPartnerCountryTest, ACountryCodeSlipOfAPartnerIsALookalike) {
  for (auto [typed, meant] : {std::pair{"westpac.com.ua", "westpac.com.au"},
                              {"contoso-bank.com.ua", "contoso-bank.com.au"},
                              {"fabrikam.co.ug", "fabrikam.co.uk"},
                              {"fabrikam.co.uz", "fabrikam.co.uk"},
                              {"acme.co.zm", "acme.co.za"},
                              {"westpac.com.ai", "westpac.com.au"}}) {
    ExpectLookalike(typed, "suffix-edit", meant);
  }
}

TEST_F(DetectorPartnerCountryTest, OtherSistersAndRealNeighboursAreNot) {
  // A real mail domain under the other zone is that domain's owner's.
  EXPECT_NE(Classify("realbank.com.ua").kind, LookalikeMatch::Kind::kLookalike)
      << Classify("realbank.com.ua").detail;
  // A provider's regional domain, and a partner's name under another
  // single-label ccTLD, stay sisters.
  EXPECT_NE(Classify("yahoo.com.ua").kind, LookalikeMatch::Kind::kLookalike)
      << Classify("yahoo.com.ua").detail;
  EXPECT_NE(Classify("partner.dk").kind, LookalikeMatch::Kind::kLookalike)
      << Classify("partner.dk").detail;
  // Another second level of the same country is not this slip.
  EXPECT_NE(Classify("westpac.net.au").kind, LookalikeMatch::Kind::kLookalike)
      << Classify("westpac.net.au").detail;
}

}  // namespace
}  // namespace nearmiss

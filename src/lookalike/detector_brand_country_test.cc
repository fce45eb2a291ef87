// Issue 15, round 46 (round 45's tester, finding 5): a declared name with a
// country code joined on (natwestuk.com, hsbc-uk.com) is a look-alike
// whatever the name's length; the organisation's own joined names and
// other sources' names are not (detector_brand_country.cc).
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorBrandCountryTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{"barclays.co.uk", TrustSource::kOrganisation},
           {"barclays-uk.com", TrustSource::kOrganisation},
           {"hsbc.co.uk", TrustSource::kProtected},  // as the policy makes .hsbc.co.uk
           {"natwest.com", TrustSource::kProtected},
           {"mod.uk", TrustSource::kProtected},
           {"ubs.com", TrustSource::kProtected},
           {"santander.com", TrustSource::kAllowlist},
           {"gmail.com", TrustSource::kProvider}},
          LookalikeLists{});
  }
};

TEST_F(DetectorBrandCountryTest, CountryCodeJoinedToADeclaredNameIsALookalike) {
  // A .com name takes the organisation's own country (its .co.uk).
  ExpectLookalike("natwestuk.com", "suffix-append", "natwest.com");
  ExpectLookalike("natwest-uk.com", "suffix-append", "natwest.com");
  ExpectLookalike("natwestuk.co.uk", "suffix-append", "natwest.com");
  // A .co.uk name its own code, the ending's dots left out.
  ExpectLookalike("hsbc-uk.com", "dot-omission", "hsbc.co.uk");
  ExpectLookalike("hsbcuk.com", "dot-omission", "hsbc.co.uk");
  ExpectLookalike("hsbcuk.co.uk", "dot-omission", "hsbc.co.uk");
  ExpectLookalike("mod-uk.com", "dot-omission", "mod.uk");
  // A host before it keeps its place in the suggestion.
  ExpectLookalike("mail.natwestuk.com", "suffix-append", "mail.natwest.com");
  LookalikeMatch m = Classify("natwestuk.com");
  EXPECT_EQ(m.detail, "has the country code 'uk' joined to the name of natwest.com "
                      "(the organisation's own country)");
  m = Classify("hsbc-uk.com");
  EXPECT_EQ(m.detail, "has the country code 'uk' joined to the name of hsbc.co.uk "
                      "(the rest of its ending .co.uk left out)");
  EXPECT_GE(m.score, 0.85);
}

TEST_F(DetectorBrandCountryTest, OwnNamesOtherSourcesAndShortNamesAreNot) {
  // The organisation's own joined name is trusted.
  EXPECT_EQ(Classify("barclays-uk.com").kind, LookalikeMatch::Kind::kTrusted);
  // Another country's code than the name's own or the organisation's.
  EXPECT_NE(Classify("hsbcfr.com").code, ReasonCode::kDotOmission);
  EXPECT_NE(Classify("natwestde.com").code, ReasonCode::kSuffixAppend);
  // Not a declared name: an allowed partner's or a provider's regional
  // brand is its own (santanderuk.com, gmailuk.com are no slips of ours).
  for (std::string_view d : {"santanderuk.com", "gmailuk.com"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_NE(m.code, ReasonCode::kSuffixAppend) << d << " " << m.detail;
    EXPECT_NE(m.code, ReasonCode::kDotOmission) << d << " " << m.detail;
  }
  // Three letters joined without a hyphen are as likely an acronym of
  // someone's own (ubsuk, moduk are left to the other finders).
  LookalikeMatch m = Classify("ubsuk.com");
  EXPECT_EQ(m.detail.find("country code"), std::string::npos) << m.detail;
}

}  // namespace
}  // namespace nearmiss

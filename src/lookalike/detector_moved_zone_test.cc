// Issue 15, round 38, items 2 and 3: a name the lists hold under a zone of
// several labels, typed under another TLD (forces.gc.com, met.police.com)
// or under its own country's commercial zone (hmrc.co.uk, ato.com.au), was
// external. Now a look-alike suggesting the real name; a real mail domain
// at the typed name is a real neighbour, named, not refused.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorMovedZoneTest : public DetectorFixture {
 protected:
  void SetUp() override {
    LookalikeLists lists;
    lists.real_domains.push_back({"dwp.co.uk", "a real mail domain (test)"});
    Build({{".gov.uk", TrustSource::kProtected},
           {".gov.au", TrustSource::kProtected},
           {".mil.nz", TrustSource::kProtected},
           {".govt.nz", TrustSource::kProtected},
           {".police.uk", TrustSource::kProtected},
           {".mil", TrustSource::kProtected},
           {".gov", TrustSource::kProtected},
           {"forces.gc.ca", TrustSource::kProtected},
           {"fabrikam.co.uk", TrustSource::kOrganisation},
           {"yahoo.co.uk", TrustSource::kProvider}},
          std::move(lists));
  }
};

TEST_F(DetectorMovedZoneTest, AListedNameUnderAnotherTld) {
  for (auto [typed, meant] :
       {std::pair{"forces.gc.com", "forces.gc.ca"}, {"forces.gc.net", "forces.gc.ca"},
        {"met.police.com", "met.police.uk"}, {"kent.police.org", "kent.police.uk"},
        {"mail.met.police.com", "mail.met.police.uk"}}) {
    ExpectLookalike(typed, "tld-swap", meant);
  }
  // Read before as .gov's made-up name with a TLD added, and retargeted.
  EXPECT_EQ(Classify("defence.gov.net").target_domain_for_suggestion, "defence.gov.au");
  EXPECT_EQ(Classify("forces.gc.com").detail,
            "has .com where the .ca of .gc.ca belongs: forces.gc.ca is the real name");
}

TEST_F(DetectorMovedZoneTest, AListedNameUnderItsCountrysCommercialZone) {
  for (auto [typed, meant] :
       {std::pair{"hmrc.co.uk", "hmrc.gov.uk"}, {"hmrc.org.uk", "hmrc.gov.uk"},
        {"ato.com.au", "ato.gov.au"}, {"abs.net.au", "abs.gov.au"},
        {"nzdf.co.nz", "nzdf.mil.nz"}, {"ird.co.nz", "ird.govt.nz"}}) {
    ExpectLookalike(typed, "suffix-edit", meant);
  }
  EXPECT_EQ(Classify("hmrc.co.uk").detail,
            "the ending .co.uk, where anyone registers a name, stands where .gov.uk belongs: "
            "hmrc.gov.uk is the real name");
  // A real mail domain there is named as one, not refused.
  LookalikeMatch real = Classify("dwp.co.uk");
  EXPECT_NE(real.kind, LookalikeMatch::Kind::kLookalike) << real.detail;
  EXPECT_EQ(ReasonCodeName(real.code), "real-neighbour") << real.detail;
  EXPECT_EQ(real.target, "dwp.gov.uk");
}

TEST_F(DetectorMovedZoneTest, UnlistedNamesAndOtherZonesStayExternal) {
  // No list holds these names: police.com's, gc.com's, a company's.
  for (const char* typed : {"police.com", "www.police.com", "foo.police.com", "mail.gc.com",
                            "gc.com", "qzxv.co.uk", "shop.com.au",
                            // A place's own name under .uk, not a force's slip.
                            "kent.uk", "met.uk",
                            // A provider's regional sister under a sister zone.
                            "yahoo.org.uk"}) {
    EXPECT_NE(Classify(typed).kind, LookalikeMatch::Kind::kLookalike) << typed;
  }
}

}  // namespace
}  // namespace nearmiss

// Round 55's tester 15, finding 2: another French- or English-speaking
// country's own government zone (education.gouv.cm, finances.gouv.cf,
// mod.gov.lk) was refused as a slip of .gouv.fr or .gov.uk, the 550's
// suggestion moving the sender into France's or the UK's ministry. The
// rule (docs/policy.md, "Another country's government zone"): a ministry's
// word or a name governments share is that country's under a code that
// is no slip of ours; one body's own name and slips of the code stay.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorForeignGouvTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{".mil", TrustSource::kProtected},
           {".gouv.fr", TrustSource::kProtected},
           {".gov.uk", TrustSource::kProtected}},
          [] {
            LookalikeLists lists;
            lists.real_domains = {{"mod.gov.ua", "Ukraine's Ministry of Defence"}};
            return lists;
          }());
  }
};

TEST_F(DetectorForeignGouvTest, AnotherCountrysMinistryIsNotRefused) {
  // The tester's and held-out ones: codes sharing no letter with .fr/.uk
  // (not a listed zone: the rule, not the list, frees them), zones the
  // PSL lists (gouv.ci, gouv.sn, gov.ng, gov.bd, gov.lk), and gouv.mr
  // (one letter from .fr, so listed with its source).
  for (std::string_view d :
       {"education.gouv.cm", "sante.gouv.cm", "finances.gouv.cf", "sante.gouv.cf",
        "minepst.gouv.bi", "impots.gouv.bi", "justice.gouv.gw", "interieur.gouv.ht",
        "economie.gouv.ci", "sante.gouv.sn", "douane.gouv.km", "mmi.gouv.mr", "education.gouv.mr",
        "mod.gov.lk", "health.gov.ng", "finance.gov.bd", "defence.gov.bd", "education.gov.ph"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_NE(m.kind, LookalikeMatch::Kind::kLookalike) << d << " " << m.detail;
    EXPECT_FALSE(m.target_domain_for_suggestion.ends_with(".gouv.fr") ||
                 m.target_domain_for_suggestion.ends_with(".gov.uk"))
        << d << " " << m.target_domain_for_suggestion;
  }
  // Named as another country's ending, a note a rule can warn on.
  EXPECT_EQ(Classify("education.gouv.cm").code, ReasonCode::kRealNeighbour);
}

TEST_F(DetectorForeignGouvTest, SlipsOfOurZonesStayLookalikes) {
  ExpectLookalike("interieur.gouv.fe", "tld-not-delegated", "interieur.gouv.fr");
  ExpectLookalike("hmrc.gov.uk.com", "suffix-append", "hmrc.gov.uk");
  ExpectLookalike("mod.gov.ukk", "tld-not-delegated", "mod.gov.uk");
  ExpectLookalike("army.mil.ml", "suffix-append", "army.mil");
  // One letter of the code changed under an unlisted zone (Greece runs no
  // gouv.gr), and one body's own name (HMRC, DWP, ANSSI's ssi) under
  // another country's code or a one-slip real zone.
  for (auto [typed, meant] : {std::pair{"justice.gouv.gr", "justice.gouv.fr"},
                              {"hmrc.gov.de", "hmrc.gov.uk"},
                              {"hmrc.gov.ua", "hmrc.gov.uk"},
                              {"dwp.gov.lk", "dwp.gov.uk"},
                              {"ssi.gouv.cm", "ssi.gouv.fr"}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, meant) << typed << " " << m.detail;
  }
}

}  // namespace
}  // namespace nearmiss

// Other scripts' capitals read as the Latin capitals they look like (issue
// 15 breaker, round 7, item 6): "ΝAVY.MIL" with a Greek capital Nu is
// navy.mil, not vavy.mil as its small letter ν reads. The domain's A-label
// is the same for either case; only the reading differs.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorCapitalsTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{"mil", TrustSource::kProtected},
           {"hmrc.gov.uk", TrustSource::kProtected},
           {"barclays.co.uk", TrustSource::kProtected}},
          {});
  }

  // A homoglyph of `suggestion`, its detail naming `letter`.
  void ExpectHomoglyph(std::string_view domain, std::string_view suggestion,
                       std::string_view letter) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << domain << " " << m.detail;
    EXPECT_EQ(ReasonCodeName(m.code), "homoglyph") << domain << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain << " " << m.detail;
    EXPECT_NE(m.detail.find(letter), std::string::npos) << domain << " " << m.detail;
  }
};

TEST_F(DetectorCapitalsTest, GreekAndCyrillicCapitalsReadAsLatinCapitals) {
  ExpectHomoglyph("ΝAVY.MIL", "navy.mil", "Greek 'Ν' (U+039D) for 'n'");
  ExpectHomoglyph("АRMY.MIL", "army.mil", "Cyrillic 'А' (U+0410) for 'a'");
  ExpectHomoglyph("ΑRMY.MIL", "army.mil", "Greek 'Α' (U+0391) for 'a'");
  ExpectHomoglyph("HMRC.GΟV.UK", "hmrc.gov.uk", "Greek 'Ο' (U+039F) for 'o'");
  // Cyrillic capitals whose small letters read as no Latin letter at all
  // (н, в): only the capital says which one is meant.
  ExpectHomoglyph("НMRC.GOV.UK", "hmrc.gov.uk", "Cyrillic 'Н' (U+041D) for 'h'");
  ExpectHomoglyph("ВARCLAYS.CO.UK", "barclays.co.uk", "Cyrillic 'В' (U+0412) for 'b'");
}

TEST_F(DetectorCapitalsTest, MixedCaseAndSmallLettersKeepTheirReading) {
  ExpectHomoglyph("Νavy.Mil", "navy.mil", "Greek 'Ν' (U+039D) for 'n'");
  ExpectHomoglyph("hmrc.gοv.UK", "hmrc.gov.uk", "Greek 'ο' (U+03BF) for 'o'");
  // A small nu is drawn as a v, and a small Cyrillic a as an a. Read as
  // drawn, νavy.mil is vavy.mil, which is no one's .mil name: the real name
  // one letter off is offered (721ba818, as аrrnу.mil offers army.mil).
  ExpectHomoglyph("νavy.mil", "navy.mil", "Greek 'ν' (U+03BD) for 'v'");
  ExpectHomoglyph("аrmy.mil", "army.mil", "Cyrillic 'а' (U+0430) for 'a'");
  // A capital I of another script reads as an i (its UTS #39 prototype is
  // "l"): ΙNTEL is intel.
  ExpectHomoglyph("ΝAVY.MΙL", "navy.mil", "Greek 'Ν' (U+039D) for 'n'");
}

}  // namespace
}  // namespace nearmiss

// Text read in the order a reader sees it where explicit bidirectional
// formatting reorders it (bidi_display.h; round 53's tester 13, finding 6:
// "<p>&#x202E;NROFON//TERCES&#x202C;</p>" is shown as SECRET//NOFORN and
// was read as nothing).
#include "content/bidi_display.h"

#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"
#include "content/normalize.h"

namespace nearmiss::content {
namespace {

std::string Norm(const std::string& in) {
  std::string out;
  NormalizeText(in, &out);
  return out;
}

std::string Html(const std::string& body) {
  return Norm(HtmlToText("<html><body>" + body + "</body></html>").text);
}

TEST(BidiDisplayTest, AnOverrideIsReadAsShown) {
  // RLO ... PDF: the letters drawn right to left.
  EXPECT_EQ(Norm("\u202ENROFON//TERCES\u202C"), "SECRET//NOFORN");
  // Without the closing PDF the line's end closes it (UAX #9 P1).
  EXPECT_EQ(Norm("\u202ETERCES POT\nplan"), "TOP SECRET\nplan");
  // Brackets are mirrored as drawn (UAX #9 L4): "(FN//S)" under RLO is
  // drawn "(S//NF)", not ")S//NF(".
  EXPECT_EQ(Norm("\u202E.nalp ehT (FN//S)\u202C"), "(S//NF) The plan.");
  // Only the overridden run moves; the words around it keep their place.
  EXPECT_EQ(Norm("Marked \u202ETERCES\u202C today"), "Marked SECRET today");
  // A left-to-right override, an embedding and an isolate around Latin
  // text draw it as it is typed.
  EXPECT_EQ(Norm("\u202DSECRET//NOFORN\u202C"), "SECRET//NOFORN");
  EXPECT_EQ(Norm("\u202BUK SECRET\u202C"), "UK SECRET");
  EXPECT_EQ(Norm("\u2067SECRET\u2069 plan"), "SECRET plan");
  // A forward-typed banner under RLO is shown backwards: read as shown.
  EXPECT_EQ(Norm("\u202ESECRET\u202C"), "TERCES");
}

TEST(BidiDisplayTest, MarksAloneAreDroppedAndNothingMoves) {
  // LRM, RLM and ALM around a Latin run (round 47): dropped, order kept.
  EXPECT_EQ(Norm("\u200ESECRET\u200F//NOFORN\u061C"), "SECRET//NOFORN");
  // A line with no initiator keeps its order even beside one that has.
  EXPECT_EQ(Norm("one \u200Etwo\n\u202Eeerht\u202C"), "one two\nthree");
  // A stray closing PDF or PDI alone.
  EXPECT_EQ(Norm("UK SECRET\u202C\u2069"), "UK SECRET");
}

TEST(BidiDisplayTest, ClassifiesTheControls) {
  for (std::uint32_t cp : {0x061Cu, 0x200Eu, 0x200Fu, 0x202Au, 0x202Cu, 0x202Eu, 0x2066u, 0x2069u}) {
    EXPECT_TRUE(IsBidiControl(cp)) << std::hex << cp;
  }
  EXPECT_FALSE(IsBidiControl(0x200Bu));
  EXPECT_TRUE(IsBidiInitiator(0x202Eu));
  EXPECT_TRUE(IsBidiInitiator(0x2068u));
  EXPECT_FALSE(IsBidiInitiator(0x202Cu));
  EXPECT_FALSE(IsBidiInitiator(0x2069u));
}

TEST(BidiDisplayTest, HtmlOverridesAreReadAsShown) {
  EXPECT_NE(Html("<p>&#x202E;NROFON//TERCES&#x202C;</p>").find("\nSECRET//NOFORN\n"),
            std::string::npos);
  // <bdo dir=rtl> overrides as RLO does (HTML Living Standard, "bdo").
  EXPECT_NE(Html("<p><bdo dir='rtl'>NROFON//TERCES</bdo></p>").find("SECRET//NOFORN"),
            std::string::npos);
  // CSS unicode-bidi: bidi-override with direction rtl, or the dir attribute.
  EXPECT_NE(Html("<p style='unicode-bidi: bidi-override; direction: rtl'>TERCES KU</p>")
                .find("UK SECRET"),
            std::string::npos);
  EXPECT_NE(Html("<span dir='rtl' style='unicode-bidi:isolate-override'>TERCES</span> plan")
                .find("SECRET plan"),
            std::string::npos);
  // dir=rtl without an override draws Latin letters as typed.
  EXPECT_NE(Html("<p dir='rtl'>UK SECRET</p>").find("UK SECRET"), std::string::npos);
  EXPECT_NE(Html("<bdo dir='ltr'>UK SECRET</bdo>").find("UK SECRET"), std::string::npos);
}

}  // namespace
}  // namespace nearmiss::content

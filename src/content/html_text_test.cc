// HtmlToText's reading of images (issue 13, round 38 item 3): the words an
// image carries for a reader who does not see it are lines of the body at
// the image's place.
#include <gtest/gtest.h>

#include <string>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

std::string Text(const std::string& body) {
  return HtmlToText("<html><body>" + body + "</body></html>").text;
}

TEST(HtmlImageTextTest, AltTitleAndAriaLabelAreLinesAtTheImage) {
  std::string alt = Text("<p>Hi</p><img src='b.png' alt='SECRET//NOFORN'><p>Convoy.</p>");
  EXPECT_NE(alt.find("Hi\nSECRET//NOFORN\n"), std::string::npos) << alt;
  // alt="" (decorative) with a title: the tooltip is still shown.
  std::string title = Text("<img src='b.png' alt='' title='UK SECRET'>");
  EXPECT_NE(title.find("UK SECRET\n"), std::string::npos) << title;
  // alt and a different title: both; the same twice: once.
  std::string both = Text("<img src='b.png' alt='Banner' title='SECRET'>");
  EXPECT_NE(both.find("Banner\nSECRET\n"), std::string::npos) << both;
  std::string same = Text("<img src='b.png' alt='SECRET' title='SECRET'>");
  EXPECT_EQ(same.find("SECRET"), same.rfind("SECRET")) << same;
  EXPECT_NE(Text("<div role='IMG' aria-label='TOP SECRET'></div>").find("TOP SECRET"),
            std::string::npos);
  EXPECT_NE(Text("<input type='image' src='b.png' alt='CONFIDENTIAL'>").find("CONFIDENTIAL"),
            std::string::npos);
  EXPECT_NE(Text("<map><area href='#' alt='NATO SECRET'></map>").find("NATO SECRET"),
            std::string::npos);
}

TEST(HtmlImageTextTest, OtherElementsTitlesAreNotText) {
  EXPECT_EQ(Text("<span title='SECRET'>menu</span>").find("SECRET"), std::string::npos);
  EXPECT_EQ(Text("<input type='text' alt='SECRET'>").find("SECRET"), std::string::npos);
  EXPECT_EQ(Text("<img src='b.png' alt='  '>").find_first_not_of("\n"), std::string::npos);
}

// A form field's value is what its box or button shows (round 43 tester
// 13: <input value="UK SECRET"> was not read); a hidden field's is not.
TEST(HtmlImageTextTest, FormFieldValuesAreLines) {
  std::string v = Text("<p>Hi</p><input type='text' value='UK SECRET'><p>Convoy.</p>");
  EXPECT_NE(v.find("Hi\nUK SECRET\n"), std::string::npos) << v;
  EXPECT_NE(Text("<input value='NATO SECRET'>").find("NATO SECRET"), std::string::npos);
  EXPECT_NE(Text("<input type='submit' value='TOP SECRET'>").find("TOP SECRET"),
            std::string::npos);
  EXPECT_NE(Text("<input placeholder='OFFICIAL-SENSITIVE'>").find("OFFICIAL-SENSITIVE"),
            std::string::npos);
  EXPECT_EQ(Text("<input type='hidden' value='SECRET'>").find("SECRET"), std::string::npos);
  EXPECT_EQ(Text("<input type='password' value='SECRET'>").find("SECRET"), std::string::npos);
}

}  // namespace
}  // namespace nearmiss::content

namespace nearmiss::content {
namespace {

// Round 54's tester 13, finding 5: a <style> sheet's bidi override and its
// ::before/::after content are what a reader sees, as inline styles were.
TEST(HtmlStyleSheetShownTest, ClassOverrideIsReadAsTheInlineOne) {
  const std::string rlo = "\u202E", pdf = "\u202C";
  std::string cls = Text("<style>.r{unicode-bidi:bidi-override;direction:rtl}</style>"
                         "<p class='r'>NROFON//TERCES</p>");
  EXPECT_NE(cls.find(rlo + "NROFON//TERCES" + pdf), std::string::npos) << cls;
  // The two properties from two rules; the direction from the dir attribute.
  std::string split = Text("<style>p.r{unicode-bidi:isolate-override} p{direction:rtl}</style>"
                           "<p class='r'>NROFON</p>");
  EXPECT_NE(split.find(rlo + "NROFON" + pdf), std::string::npos) << split;
  std::string dir = Text("<style>bdi{unicode-bidi:bidi-override}</style>"
                         "<bdi dir='rtl'>TERCES</bdi>");
  EXPECT_NE(dir.find(rlo + "TERCES"), std::string::npos) << dir;
  // The inline style wins over the sheet; an embedding reorders nothing.
  std::string inline_wins = Text("<style>.r{unicode-bidi:bidi-override;direction:rtl}</style>"
                                 "<p class='r' style='unicode-bidi:normal'>SECRET</p>");
  EXPECT_EQ(inline_wins.find(rlo), std::string::npos) << inline_wins;
  std::string embed = Text("<style>.r{unicode-bidi:embed;direction:rtl}</style>"
                           "<p class='r'>SECRET</p>");
  EXPECT_EQ(embed.find(rlo), std::string::npos) << embed;
}

TEST(HtmlStyleSheetShownTest, BeforeAndAfterContentIsText) {
  std::string before = Text("<style>p.a::before{content:\"SECRET//NOFORN\"}</style>"
                            "<p class='a'>Convoy.</p>");
  EXPECT_NE(before.find("SECRET//NOFORN"), std::string::npos) << before;
  EXPECT_LT(before.find("SECRET//NOFORN"), before.find("Convoy.")) << before;
  std::string after = Text("<style>.z:after{content:'UK ' \"SECRET\"}</style>"
                           "<div class='z'>Plan</div>");
  EXPECT_NE(after.find("PlanUK SECRET"), std::string::npos) << after;
  // Escapes decoded; the higher specificity wins.
  std::string escaped = Text("<style>div::before{content:'x'} div.q::before{content:'\\53 ECRET'}"
                             "</style><div class='q'>.</div>");
  EXPECT_NE(escaped.find("SECRET"), std::string::npos) << escaped;
  EXPECT_EQ(escaped.find('x'), std::string::npos) << escaped;
  // A state, counters and attributes generate no words of the sender's.
  std::string none = Text("<style>a:hover::before{content:'SECRET'} "
                          "p::before{content:counter(n) attr(title)}</style>"
                          "<p title='SECRET'>Lunch</p><a href='#'>x</a>");
  EXPECT_EQ(none.find("SECRET"), std::string::npos) << none;
  // Not a sheet's other strings (round 33: code).
  std::string font = Text("<style>@font-face{font-family:'SECRET'} p{font-family:'TOP SECRET'}"
                          "</style><p>Hi</p>");
  EXPECT_EQ(font.find("SECRET"), std::string::npos) << font;
}

}  // namespace
}  // namespace nearmiss::content

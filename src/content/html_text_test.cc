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

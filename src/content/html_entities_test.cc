#include "content/html_entities.h"

#include <gtest/gtest.h>

#include "content/extract.h"

namespace nearmiss::content {
namespace {

std::string Text(std::string_view html) { return HtmlToText(html).text; }

// Breaker round 8 item 13: "&sol;" was left as its literal text, so an
// HTML banner "SECRET&sol;&sol;NOFORN" held no marking.
TEST(Html5Entities, SpellSeparatorsInText) {
  EXPECT_EQ(Text("<p>SECRET&sol;&sol;NOFORN</p>"), "\nSECRET//NOFORN\n");
  EXPECT_EQ(Text("<p>&lpar;S&sol;&sol;NF&rpar; text</p>"), "\n(S//NF) text\n");
  EXPECT_EQ(Text("<p>&lsqb;SEC&equals;PROTECTED&rsqb;</p>"),
            "\n[SEC=PROTECTED]\n");
  EXPECT_EQ(Text("<p>OFFICIAL&hyphen;SENSITIVE&colon; x</p>"),
            "\nOFFICIAL\u2010SENSITIVE: x\n");
  EXPECT_EQ(Text("<p>Secret&bsol;Team&comma; a&period;</p>"),
            "\nSecret\\Team, a.\n");
  EXPECT_EQ(Text("<p>A&NewLine;B&Tab;C</p>"), "\nA\nB\tC\n");
}

// What the parser decoded before is decoded as before.
TEST(Html5Entities, KeepsWhatTheParserKnows) {
  EXPECT_EQ(Text("<p>S&#47;&#x2F;NF &frasl; &amp; &lt;</p>"),
            "\nS//NF \u2044 & <\n");
}

TEST(Html5Entities, RewritesOnlyWholeKnownNames) {
  std::string out = "unchanged";
  EXPECT_FALSE(RewriteHtml5Entities("no references & here", &out));
  EXPECT_FALSE(
      RewriteHtml5Entities("&sol without semicolon; &Sol; &solx; &;", &out));
  EXPECT_EQ(out, "unchanged");
  // An escaped ampersand is text: "&amp;sol;" shows "&sol;".
  EXPECT_FALSE(RewriteHtml5Entities("&amp;sol;", &out));
  EXPECT_EQ(Text("<p>&amp;sol;</p>"), "\n&sol;\n");
  ASSERT_TRUE(RewriteHtml5Entities("a&sol;b&&colon;c&sol;", &out));
  EXPECT_EQ(out, "a&#47;b&&#58;c&#47;");
}

}  // namespace
}  // namespace nearmiss::content

// text/enriched and text/richtext as a reader shows them (enriched_text.h;
// round 51's tester 13, finding 9).
#include "content/enriched_text.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(EnrichedTextTest, CommandsAndParametersAreNotTheWords) {
  EXPECT_EQ(EnrichedToText("text/enriched",
                           "<center><bold><color><param>red</param>UK SECRET</color></bold></center>\r\n"
                           "\r\nTeam,\r\nthe convoy <<leaves> at 0600.\r\n"),
            "UK SECRET\n\nTeam, the convoy <leaves> at 0600. ");
}

TEST(EnrichedTextTest, EnrichedLineBreaksFollowRfc1896) {
  // One break is a space, n breaks are n-1; <nofill> keeps each.
  EXPECT_EQ(EnrichedToText("text/enriched", "a\r\nb\r\n\r\nc\n\n\nd"), "a b\nc\n\nd");
  EXPECT_EQ(EnrichedToText("TEXT/ENRICHED; charset=us-ascii", "<nofill>a\r\nb</nofill>"), "a\nb");
}

TEST(EnrichedTextTest, RichtextUsesNlAndLtAndDropsComments) {
  EXPECT_EQ(EnrichedToText("text/richtext",
                           "<center><bold>UK SECRET</bold></center><nl>x<lt>y<comment>SECRET</comment>\r\nz"),
            "UK SECRET\n\nx<y z");
}

TEST(EnrichedTextTest, AnUnclosedParamHidesNothing) {
  EXPECT_EQ(EnrichedToText("text/enriched", "<param>red\r\n\r\nUK SECRET"), "red\nUK SECRET");
}

TEST(EnrichedTextTest, AnUnclosedAngleIsText) {
  EXPECT_EQ(EnrichedToText("text/enriched", "3 < 4 and more"), "3 < 4 and more");
  EXPECT_TRUE(IsEnrichedType("text/richtext"));
  EXPECT_FALSE(IsEnrichedType("text/plain"));
}

}  // namespace
}  // namespace nearmiss::content

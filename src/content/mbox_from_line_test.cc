#include "content/mbox_from_line.h"

#include <gtest/gtest.h>

namespace nearmiss::content {
namespace {

TEST(MboxFromLine, AsctimeDateAfterAnySender) {
  // 2025-11-05T10:00:00Z
  EXPECT_EQ(MboxFromLineTime("From alice@mod.gov.uk Wed Nov  5 10:00:00 2025"), 1762336800);
  EXPECT_EQ(MboxFromLineTime("From alice@mod.gov.uk Wed Nov 05 10:00:00 2025 remote from x"),
            1762336800);
  EXPECT_EQ(MboxFromLineTime("From MAILER-DAEMON Wed Nov  5 10:00:00 2025"), 1762336800);
  EXPECT_EQ(MboxFromLineTime("From \"a b\"@x.org Wed Nov  5 10:00:00 2025"), 1762336800);
  EXPECT_EQ(MboxFromLineTime("From a@b Wed Nov  5 10:00:00 2025\n"), 1762336800);
}

TEST(MboxFromLine, NoDateIsZero) {
  EXPECT_EQ(MboxFromLineTime("From alice@mod.gov.uk"), 0);
  EXPECT_EQ(MboxFromLineTime("From alice@mod.gov.uk yesterday"), 0);
  EXPECT_EQ(MboxFromLineTime("Date: Wed Nov  5 10:00:00 2025"), 0);
}

// Issue 14's fresh tester, defect 3: tools with no time to give write the
// epoch. The line is a From_ line all the same (an mbox of them was read
// as one message, 10 of 11 lost); its time is none.
TEST(MboxFromLine, TheEpochIsAFromLineWithNoTime) {
  for (const char* line : {"From MAILER-DAEMON Thu Jan  1 00:00:00 1970",
                           "From alice@ourorg.example Thu Jan  1 00:00:00 1970",
                           "From - Thu Jan 01 00:00:00 1970",
                           "From - Wed Dec 31 23:00:00 1969"}) {
    EXPECT_TRUE(IsMboxFromLine(line)) << line;
    EXPECT_TRUE(IsFullMboxFromLine(line)) << line;
    EXPECT_EQ(MboxFromLineTime(line), 0) << line;
  }
  EXPECT_EQ(MboxFromLineTime("From - Fri Jan  2 00:00:00 1970"), 86400);
}

TEST(MboxFromLine, NumericZoneBeforeTheYearIsApplied) {
  // Google Takeout's form: 10:00 at +0100 is 09:00 UTC.
  EXPECT_EQ(MboxFromLineTime("From 1780979281981119418@xxx Wed Nov 05 10:00:00 +0000 2025"),
            1762336800);
  EXPECT_EQ(MboxFromLineTime("From a@b Wed Nov 05 10:00:00 +0100 2025"), 1762336800 - 3600);
}

TEST(MboxFromLine, ShapeNeedsASenderAndADate) {
  EXPECT_TRUE(IsMboxFromLine("From alice@mod.gov.uk Wed Nov  5 10:00:00 2025\n"));
  EXPECT_TRUE(IsMboxFromLine("From MAILER-DAEMON Wed Nov  5 10:00:00 2025\r\n"));
  EXPECT_TRUE(IsMboxFromLine("From - Wed Nov  5 10:00:00 2025"));  // Thunderbird
  EXPECT_TRUE(IsMboxFromLine("From \"a b\"@x.org Wed Nov  5 10:00:00 2025"));
  EXPECT_FALSE(IsMboxFromLine("From here on the text continues\n"));
  EXPECT_FALSE(IsMboxFromLine("From alice@mod.gov.uk\n"));
  EXPECT_FALSE(IsMboxFromLine("From  Wed Nov  5 10:00:00 2025"));  // no sender
  EXPECT_FALSE(IsMboxFromLine("From: alice@mod.gov.uk Wed Nov  5 10:00:00 2025"));
  EXPECT_FALSE(IsMboxFromLine(">From alice@mod.gov.uk Wed Nov  5 10:00:00 2025"));
}

TEST(MboxFromLine, FullLineAsWritersWriteIt) {
  // Postfix local(8), mail_copy.c: "From %s  %.24s", two blanks.
  EXPECT_TRUE(IsFullMboxFromLine("From alice@mod.gov.uk  Mon Jan  5 10:00:00 2026\n"));
  EXPECT_TRUE(IsFullMboxFromLine("From MAILER-DAEMON  Mon Jan  5 10:00:00 2026\n"));
  EXPECT_TRUE(IsFullMboxFromLine("From \"a b\"@x.org  Mon Jan  5 10:00:00 2026\n"));
  // mutt, procmail/formail: one blank.
  EXPECT_TRUE(IsFullMboxFromLine("From alice@mod.gov.uk Mon Jan  5 10:00:00 2026\r\n"));
  EXPECT_TRUE(IsFullMboxFromLine("From - Mon Jan 05 10:00:00 2026"));  // Thunderbird
  EXPECT_TRUE(IsFullMboxFromLine("From 17809@xxx Mon Jan 05 10:00:00 +0000 2026"));  // Takeout
  EXPECT_TRUE(IsFullMboxFromLine("From root Mon Jan  5 10:00:00 2026 +0100"));
  EXPECT_TRUE(IsFullMboxFromLine("From bob Mon Jan  5 10:00:00 2026 EST remote from uunet"));
}

TEST(MboxFromLine, ProseIsNoFullLine) {
  // A looser IsMboxFromLine takes the first two after an empty line.
  EXPECT_TRUE(IsMboxFromLine("From John, Mon Jan  5 10:00:00 2026 was the day"));
  EXPECT_FALSE(IsFullMboxFromLine("From John, Mon Jan  5 10:00:00 2026 was the day"));
  EXPECT_FALSE(IsFullMboxFromLine("From the desk of Mon Jan  5 10:00:00 2026"));
  EXPECT_FALSE(IsFullMboxFromLine("From a@b Mon Jan  5 10:00:00 2026 and then some"));
  EXPECT_FALSE(IsFullMboxFromLine("From a@b Monday Jan  5 10:00:00 2026"));
  EXPECT_FALSE(IsFullMboxFromLine("From the desk of the Director"));
  EXPECT_FALSE(IsFullMboxFromLine(">From a@b Mon Jan  5 10:00:00 2026"));
  EXPECT_FALSE(IsFullMboxFromLine("From  Mon Jan  5 10:00:00 2026"));
  EXPECT_FALSE(IsFullMboxFromLine("From a@b Mon Jan  5 10:00:00 2026 remote from"));
}

}  // namespace
}  // namespace nearmiss::content

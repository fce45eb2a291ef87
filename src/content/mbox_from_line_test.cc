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

}  // namespace
}  // namespace nearmiss::content

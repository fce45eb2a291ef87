#include "cli/postconf.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nearmiss::cli {
namespace {

using ::testing::ElementsAre;

TEST(PostconfTest, ReadsTheFourParametersInOrder) {
  Result<DeliveryPolicy> d = ParsePostconfOutput(
      "Mail.Example.ORG\n"
      "mail.example.org, localhost.example.org,localhost hash:/etc/postfix/local\n"
      "yes\nno\nexample.org\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->myhostname, "mail.example.org");
  // A lookup table cannot be read from here and is left out.
  EXPECT_THAT(d->mydestination,
              ElementsAre("mail.example.org", "localhost.example.org", "localhost"));
  EXPECT_TRUE(d->allow_percent_hack);
  EXPECT_FALSE(d->swap_bangpath);
  EXPECT_TRUE(d->configured);
  EXPECT_EQ(d->myorigin, "example.org");
}

TEST(PostconfTest, EmptyMydestinationAsInRelayOnlyServers) {
  Result<DeliveryPolicy> d = ParsePostconfOutput("relay.example.org\n\nyes\nyes\nrelay.example.org\n");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->mydestination.empty());
}

TEST(PostconfTest, UnexpectedOutputIsAnError) {
  EXPECT_EQ(ParsePostconfOutput("postconf: warning: something\n").status().code(),
            StatusCode::kParseError);
}

}  // namespace
}  // namespace nearmiss::cli

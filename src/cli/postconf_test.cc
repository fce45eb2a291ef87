#include "cli/postconf.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nearmiss::cli {
namespace {

using ::testing::ElementsAre;

TEST(PostconfTest, ReadsTheParametersInOrder) {
  Result<PostconfValues> v = ParsePostconfOutput(
      "Mail.Example.ORG\n"
      "mail.example.org, localhost.example.org,localhost hash:/etc/postfix/local\n"
      "yes\nno\nexample.org\n+-\n");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  // Issue 14, known item 9: Postfix's recipient_delimiter, every character.
  EXPECT_EQ(v->recipient_delimiter, "+-");
  const DeliveryPolicy* d = &v->delivery;
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
  Result<PostconfValues> v =
      ParsePostconfOutput("relay.example.org\n\nyes\nyes\nrelay.example.org\n\n");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->delivery.mydestination.empty());
  EXPECT_EQ(v->recipient_delimiter, "");  // Postfix splits no extension
}

TEST(PostconfTest, UnexpectedOutputIsAnError) {
  EXPECT_EQ(ParsePostconfOutput("postconf: warning: something\n").status().code(),
            StatusCode::kParseError);
  Result<PostconfValues> bad =
      ParsePostconfOutput("mx.example.org\n\nyes\nyes\nexample.org\n+@\n");
  EXPECT_EQ(bad.status().code(), StatusCode::kParseError);
  EXPECT_NE(bad.status().message().find("recipient_delimiter '+@'"), std::string::npos);
}

}  // namespace
}  // namespace nearmiss::cli

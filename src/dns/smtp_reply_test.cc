#include "dns/smtp_reply.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace nearmiss::dns {
namespace {

TEST(SmtpReplyTest, OneLineReply) {
  std::string b = "220 mx.test ESMTP\r\n";
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kComplete);
  EXPECT_EQ(code, 220);
  EXPECT_TRUE(b.empty());
}

// RFC 2034 §4: the enhanced status code leads the text of each line.
TEST(SmtpReplyTest, EnhancedStatusOfTheLastLine) {
  for (auto [reply, want] : {std::pair{"550 5.7.1 Relay access denied\r\n", "5.7.1"},
                             {"550-5.1.1 The email account\r\n550 5.1.1 does not exist\r\n", "5.1.1"},
                             {"553 5.7.26 Unauthenticated\r\n", "5.7.26"},
                             {"250 2.1.5\r\n", "2.1.5"},
                             {"550 User unknown\r\n", ""},
                             {"550 5.7\r\n", ""},
                             {"550 5.7.1x denied\r\n", ""},
                             {"550\r\n", ""}}) {
    std::string b = reply;
    int code = 0;
    std::string status = "stale";
    ASSERT_EQ(TakeReply(b, &code, &status), ReplyRead::kComplete) << reply;
    EXPECT_EQ(status, want) << reply;
  }
  EXPECT_TRUE(IsPolicyStatus("5.7.1"));
  EXPECT_TRUE(IsPolicyStatus("4.7.0"));
  EXPECT_FALSE(IsPolicyStatus("5.1.1"));
  EXPECT_FALSE(IsPolicyStatus(""));
}

TEST(SmtpReplyTest, MultiLineReplyEndsAtTheSpaceLineAndLeavesTheRest) {
  std::string b = "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n550 next";
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kComplete);
  EXPECT_EQ(code, 250);
  EXPECT_EQ(b, "550 next");
}

TEST(SmtpReplyTest, PartialReplyAsksForMore) {
  std::string b = "250-mx.test\r\n250 8BIT";
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kIncomplete);
  b += "MIME\n";  // a bare LF ends a line too
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kComplete);
  EXPECT_EQ(code, 250);
}

TEST(SmtpReplyTest, BareCodeIsAReply) {
  std::string b = "354\r\n";
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kComplete);
  EXPECT_EQ(code, 354);
}

TEST(SmtpReplyTest, NotAReplyIsMalformed) {
  int code = 0;
  std::string http = "HTTP/1.1 400 Bad Request\r\n";
  EXPECT_EQ(TakeReply(http, &code), ReplyRead::kMalformed);
  std::string mixed = "250-a\r\n550 b\r\n";
  EXPECT_EQ(TakeReply(mixed, &code), ReplyRead::kMalformed);
  std::string sep = "250+x\r\n";
  EXPECT_EQ(TakeReply(sep, &code), ReplyRead::kMalformed);
}

TEST(SmtpReplyTest, EndlessLineIsMalformedNotBuffered) {
  std::string b = "220 " + std::string(kMaxReplyLine + 10, 'x');
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kMalformed);
}

TEST(SmtpReplyTest, EndlessContinuationIsMalformed) {
  std::string b;
  while (b.size() <= kMaxReply) b += "250-more\r\n";
  int code = 0;
  EXPECT_EQ(TakeReply(b, &code), ReplyRead::kMalformed);
}

}  // namespace
}  // namespace nearmiss::dns

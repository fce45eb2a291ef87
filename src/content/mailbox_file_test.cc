// A mailbox saved as a file is cut into its messages (mailbox_file.h).
#include "content/mailbox_file.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::content {
namespace {

const char kMessageA[] = "From: a@x.example\nSubject: one\n\nFirst body.\n";
const char kMessageB[] = "From: b@x.example\nSubject: two\n\nSecond body.\n";

TEST(MailboxFile, MboxIsCutIntoItsMessages) {
  std::string mbox = std::string("From a@x.example Thu Dec  3 09:00:00 2026\n") + kMessageA +
                     "\nFrom b@x.example Thu Dec  3 10:00:00 2026\n" + kMessageB;
  ASSERT_TRUE(IsMailboxFile("application/octet-stream", "export", mbox));
  std::vector<ExtractedMember> messages = MailboxFileMessages("", mbox);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].path, "message 1 (line 1)");
  EXPECT_EQ(messages[1].path, "message 2 (line 7)");
  EXPECT_EQ(messages[1].text, kMessageB);
}

TEST(MailboxFile, OneMessageMboxHasNoPath) {
  std::string mbox = std::string("From a@x.example Thu Dec  3 09:00:00 2026\n") + kMessageA;
  std::vector<ExtractedMember> messages = MailboxFileMessages("", mbox);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].path, "");
  EXPECT_EQ(messages[0].text, kMessageA);
}

TEST(MailboxFile, EmlxKeepsTheCountedBytesAndDropsThePlist) {
  std::string message = kMessageA;
  std::string emlx = "  " + std::to_string(message.size()) + "\n" + message +
                     "<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict/></plist>\n";
  ASSERT_TRUE(IsMailboxFile("", "", emlx));
  std::vector<ExtractedMember> messages = MailboxFileMessages("", emlx);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, message);
}

TEST(MailboxFile, EmlxCountPastTheEndKeepsWhatIsThere) {
  std::string emlx = std::string("99999\n") + kMessageA;
  std::vector<ExtractedMember> messages = MailboxFileMessages("attachment:12.partial.emlx", emlx);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, kMessageA);
}

TEST(MailboxFile, ByNameOrType) {
  EXPECT_TRUE(IsMailboxFile("application/mbox", "x.bin", "junk"));
  EXPECT_TRUE(IsMailboxFile("", "Sent.mbox/mbox", "junk"));
  EXPECT_TRUE(IsMailboxFile("", "Archive.MBOX", "junk"));
  EXPECT_TRUE(IsMailboxFile("", "123.partial.emlx", "junk"));
}

TEST(MailboxFile, ProseAndNumbersAreNotMailboxes) {
  EXPECT_FALSE(IsMailboxFile("text/plain", "notes.txt", "From the desk of the director:\nhello\n"));
  EXPECT_FALSE(IsMailboxFile("text/plain", "n.txt", "42\nthe answer\n"));
  EXPECT_FALSE(IsMailboxFile("text/csv", "n.csv", "42\n43\n"));
  // Not a mailbox: returned whole, as one message.
  std::vector<ExtractedMember> whole = MailboxFileMessages("", "Subject: x\n\nbody\n");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].text, "Subject: x\n\nbody\n");
}

// A number over "Key: value" lines is an everyday shape (a report's year, a
// ticket's number, a SubRip cue): only an .emlx's name, or its counted
// message with Apple's property list after it, makes one (round 56b's
// tester 13, findings 1-2).
TEST(MailboxFile, TextThatOpensLikeAnEmlxIsText) {
  const char* texts[] = {
      "2026\nQ1: revenue up 4%\nQ2: flat\nUK SECRET\nThe convoy leaves at 0600.\n",
      "4711\nStatus: open\nPriority: high\n\nUK SECRET\n",
      "1\n00:00:01,000 --> 00:00:04,000\nHello there.\n\n2\n00:00:05,000 --> 00:00:08,000\nBye.\n",
      "1\r\n00:00:01,000 --> 00:00:04,000\r\nHello there.\r\n",
      "44\nFrom: a@x.example\nSubject: one\n\nFirst body.\nUK SECRET and more after the count\n",
  };
  for (const char* text : texts) {
    EXPECT_FALSE(IsMailboxFile("text/plain", "", text)) << text;
    EXPECT_FALSE(IsMailboxFile("application/x-subrip", "film.srt", text)) << text;
    EXPECT_FALSE(EmlxMessage("", text).has_value()) << text;
    EXPECT_FALSE(EmlxMessage("t31.eml", text).has_value()) << text;
  }
  // Named so, its count is taken as it stands.
  EXPECT_TRUE(EmlxMessage("Messages/1234.emlx", texts[1]).has_value());
}

TEST(MailboxFile, MboxAndMmdfNeedAHeaderBlock) {
  EXPECT_FALSE(IsMailboxFile("text/plain", "",
                             "From a@x.example Thu Dec  3 09:00:00 2026\nNote: read this\nUK SECRET\n"));
  EXPECT_FALSE(IsMailboxFile("text/plain", "", "\x01\x01\x01\x01\nQ1: up\nUK SECRET\n"));
  EXPECT_TRUE(IsMailboxFile("text/plain", "",
                            std::string("From a@x.example Thu Dec  3 09:00:00 2026\n") + kMessageA));
}

TEST(MailboxFile, HeaderBlock) {
  EXPECT_TRUE(HeaderBlockParses("From: a\nSubject: b\n c\n\nbody\n"));
  EXPECT_TRUE(HeaderBlockParses("From: a\r\nSubject: b\r\n"));
  EXPECT_FALSE(HeaderBlockParses("Q1: up\nUK SECRET\n\n"));
  EXPECT_FALSE(HeaderBlockParses(" folded: first\n"));
  EXPECT_FALSE(HeaderBlockParses("\nFrom: a\n"));
}

}  // namespace
}  // namespace nearmiss::content

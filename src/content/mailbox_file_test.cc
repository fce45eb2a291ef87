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
  std::vector<ExtractedMember> messages = MailboxFileMessages(mbox);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].path, "message 1 (line 1)");
  EXPECT_EQ(messages[1].path, "message 2 (line 7)");
  EXPECT_EQ(messages[1].text, kMessageB);
}

TEST(MailboxFile, OneMessageMboxHasNoPath) {
  std::string mbox = std::string("From a@x.example Thu Dec  3 09:00:00 2026\n") + kMessageA;
  std::vector<ExtractedMember> messages = MailboxFileMessages(mbox);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].path, "");
  EXPECT_EQ(messages[0].text, kMessageA);
}

TEST(MailboxFile, EmlxKeepsTheCountedBytesAndDropsThePlist) {
  std::string message = kMessageA;
  std::string emlx = "  " + std::to_string(message.size()) + "\n" + message +
                     "<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict/></plist>\n";
  ASSERT_TRUE(IsMailboxFile("", "", emlx));
  std::vector<ExtractedMember> messages = MailboxFileMessages(emlx);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, message);
}

TEST(MailboxFile, EmlxCountPastTheEndKeepsWhatIsThere) {
  std::string emlx = std::string("99999\n") + kMessageA;
  std::vector<ExtractedMember> messages = MailboxFileMessages(emlx);
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
  std::vector<ExtractedMember> whole = MailboxFileMessages("Subject: x\n\nbody\n");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].text, "Subject: x\n\nbody\n");
}

}  // namespace
}  // namespace nearmiss::content

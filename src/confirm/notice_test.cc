// The confirm notice as the sender's client receives it.
#include "confirm/notice.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::confirm {
namespace {

Notice Example(std::string subject) {
  Notice n;
  n.from = "nearmiss@ourorg.example";
  n.to = "alice@ourorg.example";
  n.queue_id = "4ABC123";
  n.subject = std::move(subject);
  n.recipients.push_back({"jon.smith@partner.example", "a near miss",
                          "john.smith@partner.example", true});
  n.release_url = "https://nm.example/confirm?t=r";
  n.delete_url = "https://nm.example/confirm?t=d";
  n.expires_at = 1800000000;
  n.acknowledgement_days = 90;
  n.date = 1800000000;
  return n;
}

std::string Headers(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

// The issue-14 tester: a held message's UTF-8 subject went into the
// notice's own Subject: raw. Headers are ASCII (RFC 5322 section 2.2); the
// subject travels as RFC 2047 encoded-words.
TEST(Notice, Utf8SubjectIsEncoded) {
  std::string m = ComposeNotice(Example("Rapport trimestriel — données 日本"));
  std::string headers = Headers(m);
  for (unsigned char c : headers) ASSERT_LT(c, 0x80) << headers;
  size_t at = headers.find("Subject: ");
  ASSERT_NE(at, std::string::npos);
  std::string subject = headers.substr(at, headers.find("\r\nDate:") - at);
  EXPECT_NE(subject.find("=?"), std::string::npos) << subject;
  EXPECT_NE(subject.find("?="), std::string::npos) << subject;
  // Folded lines only: every line at most 78 octets, continuations start
  // with white space (RFC 5322 section 2.2.3).
  size_t start = 0;
  while (start < subject.size()) {
    size_t end = subject.find("\r\n", start);
    std::string line = subject.substr(start, end == std::string::npos ? end : end - start);
    EXPECT_LE(line.size(), 78u) << line;
    if (start > 0) {
      EXPECT_TRUE(line[0] == ' ' || line[0] == '\t') << line;
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  // The body is UTF-8 text/plain and keeps the subject as written.
  EXPECT_NE(m.find("données 日本"), std::string::npos);
}

TEST(Notice, AsciiSubjectStaysReadable) {
  std::string headers = Headers(ComposeNotice(Example("Q3 figures")));
  EXPECT_NE(headers.find("Subject: Held: please confirm the recipient of \"Q3 figures\"\r\n"),
            std::string::npos)
      << headers;
}

}  // namespace
}  // namespace nearmiss::confirm

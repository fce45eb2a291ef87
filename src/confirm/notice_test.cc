// The confirm notice as the sender's client receives it.
#include "confirm/notice.h"
#include "confirm/notice_testing.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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


// Every line of the message, without its "\r\n"; fails on a bare "\n".
std::vector<std::string> Lines(const std::string& message) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = message.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(message.substr(start, end - start));
    EXPECT_EQ(lines.back().find('\n'), std::string::npos) << lines.back();
  }
  return lines;
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
  EXPECT_NE(DecodedBody(m).find("données 日本"), std::string::npos);
  for (unsigned char c : m) ASSERT_LT(c, 0x80) << "the body is quoted-printable";
}

// Round 42 item 6: the body was written 8bit, so a long recipient list
// made one line of thousands of octets, past RFC 5322's 998 (section
// 2.1.1). Quoted-printable keeps every line within 76 columns and the
// text as written.
TEST(Notice, LongLinesAreQuotedPrintable) {
  Notice n = Example(std::string(180, 'Q') + " = figures");
  n.recipients.clear();
  std::string everyone;
  for (int i = 0; i < 120; ++i) {
    std::string address = "recipient.number." + std::to_string(i) + "@partner.example";
    n.recipients.push_back({address, "a near miss of " + std::string(1200, 'x'), "", true});
    if (!everyone.empty()) everyone += ", ";
    everyone += address;
  }
  n.recipients.back().acknowledgeable = false;  // names the others on one line
  std::string m = ComposeNotice(n);
  EXPECT_NE(Headers(m).find("Content-Transfer-Encoding: quoted-printable\r\n"),
            std::string::npos);
  for (const std::string& line : Lines(m)) EXPECT_LE(line.size(), 998u) << line;
  // The body's lines: GMime's soft breaks at 76 columns.
  for (const std::string& line : Lines(m.substr(m.find("\r\n\r\n") + 4))) {
    EXPECT_LE(line.size(), 76u) << line;
  }
  std::string body = DecodedBody(m);
  // The one line that names 119 recipients, as written.
  EXPECT_NE(body.find("will not ask again about recipient.number.0@partner.example, "),
            std::string::npos);
  EXPECT_NE(body.find(everyone.substr(0, everyone.rfind(", "))), std::string::npos);
  EXPECT_NE(body.find(std::string(180, 'Q') + " = figures"), std::string::npos);
  EXPECT_NE(body.find("https://nm.example/confirm?t=r\r\n"), std::string::npos);
}

TEST(Notice, AsciiSubjectStaysReadable) {
  std::string headers = Headers(ComposeNotice(Example("Q3 figures")));
  EXPECT_NE(headers.find("Subject: Held: please confirm the recipient of \"Q3 figures\"\r\n"),
            std::string::npos)
      << headers;
}

}  // namespace
}  // namespace nearmiss::confirm

// Container framings (container_line.h) as kubectl and the CRI runtimes
// write them, around each syslog form a container's Postfix writes.
#include "maillog/container_line.h"

#include <gtest/gtest.h>

#include <string>

#include "maillog/log_line.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

constexpr std::string_view kSent =
    "4F2A1B3C: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.7]:25, dsn=2.0.0, status=sent (250 ok)";
// 2025-03-03T10:00:00Z
constexpr int64_t kTime = 1740996000;

void ExpectSent(const LogLine& l, LineFormat format, std::string_view host = "mail") {
  EXPECT_EQ(l.format, format);
  EXPECT_EQ(l.host, host);
  EXPECT_EQ(l.program, "postfix/smtp");
  EXPECT_EQ(l.queue_id, "4F2A1B3C");
  EXPECT_TRUE(l.text.starts_with("to=<bob@army.ml>, relay=")) << l.text;
}

TEST(ContainerLine, KubectlPrefix) {
  EXPECT_EQ(AfterKubectlPrefix("[pod/mail-0/postfix] x"), "x");
  EXPECT_EQ(AfterKubectlPrefix("[pod/mail-7f9c/smtp-out] Nov  3 ..."), "Nov  3 ...");
  // Not kubectl's: left whole.
  EXPECT_EQ(AfterKubectlPrefix("[pod/mail-0] x"), "[pod/mail-0] x");
  EXPECT_EQ(AfterKubectlPrefix("[pod//postfix] x"), "[pod//postfix] x");
  EXPECT_EQ(AfterKubectlPrefix("[ID 197553 mail.info] x"), "[ID 197553 mail.info] x");
}

TEST(ContainerLine, RsyslogFileFormatIsNoFrame) {
  ContainerFrame f;
  EXPECT_FALSE(ReadContainerFrame(
      "2025-03-03T10:00:00.123456+00:00 mail postfix/smtp[1]: " + std::string(kSent), &f));
  // A runtime's time always has its zone.
  EXPECT_FALSE(ReadContainerFrame("2025-03-03T10:00:00 stdout F x", &f));
}

// The content in each form a container's Postfix or syslog daemon writes,
// behind kubectl --timestamps and behind CRI: the runtime's time is the
// line's (it has the year and the zone).
TEST(ContainerLine, EveryContentForm) {
  const std::string contents[] = {
      "Mar  3 10:00:00 mail postfix/smtp[1]: ",              // RFC 3164
      "Mar 03 10:00:00 mail postfix/smtp[1]: ",              // maillog_file
      "Mar 03 10:00:00.123456 mail postfix/smtp[1]: ",       // short-precise
      "<22>Mar  3 10:00:00 mail postfix/smtp[1]: ",          // with PRI
      "2025-03-03T10:00:00.123456+00:00 mail postfix/smtp[1]: ",  // RSYSLOG_FileFormat
      "2025-03-03T11:00:00+0100 mail postfix/smtp[1]: ",     // short-iso
      "<22>1 2025-03-03T10:00:00Z mail postfix/smtp 1 - - ",  // RFC 5424
  };
  for (const std::string& c : contents) {
    for (const char* frame : {"2025-03-03T10:00:00.123456789Z ",
                              "2025-03-03T10:00:00.123456789Z stdout F ",
                              "2025-03-03T10:00:00.123456789Z stderr F "}) {
      for (const char* prefix : {"", "[pod/mail-0/postfix] "}) {
        const std::string line = prefix + std::string(frame) + c + std::string(kSent);
        LineParser parser(1999);
        LogLine l;
        ASSERT_TRUE(parser.Parse(line, &l)) << line;
        ExpectSent(l, std::string_view(frame).find(" F ") != std::string_view::npos
                          ? LineFormat::kCri
                          : LineFormat::kKubectl);
        EXPECT_EQ(l.time, kTime) << line;
        EXPECT_EQ(FormatName(l.format), l.format == LineFormat::kCri ? "cri" : "kubectl");
      }
    }
  }
}

TEST(ContainerLine, CriWithoutSyslogStamp) {
  LineParser parser(1999);
  LogLine l;
  std::string line = "2025-03-03T10:00:00.5Z stdout F postfix/smtp[1]: " + std::string(kSent);
  ASSERT_TRUE(parser.Parse(line, &l));
  ExpectSent(l, LineFormat::kCri, "");
  // A message with no tag and no stamp is no log line: not recognised.
  EXPECT_FALSE(parser.Parse("2025-03-03T10:00:00.5Z stdout F Starting Postfix", &l));
  EXPECT_FALSE(parser.Parse("2025-03-03T10:00:00.5Z stdout F {\"level\":\"info\"}", &l));
}

TEST(ContainerLine, KubectlPrefixOverOtherForms) {
  LineParser parser(2025);
  LogLine l;
  std::string a = "[pod/mail-0/postfix] Mar  3 10:00:00 mail postfix/smtp[1]: " + std::string(kSent);
  ASSERT_TRUE(parser.Parse(a, &l));
  ExpectSent(l, LineFormat::kRfc3164);
  std::string b = "[pod/mail-0/postfix] 2025-03-03T10:00:00+00:00 mail postfix/smtp[1]: " +
                  std::string(kSent);
  ASSERT_TRUE(parser.Parse(b, &l));
  ExpectSent(l, LineFormat::kRfc3339);
  // kubectl --prefix --timestamps of a bare tagged message.
  std::string c = "[pod/mail-0/postfix] 2025-03-03T10:00:00.1Z postfix/smtp[1]: " +
                  std::string(kSent);
  ASSERT_TRUE(parser.Parse(c, &l));
  ExpectSent(l, LineFormat::kRfc3339, "");
}

TEST(ContainerLine, CriPartialsJoinedPerStream) {
  LineParser parser(2025);
  LogLine l;
  const std::string full = "Mar  3 10:00:00 mail postfix/smtp[1]: " + std::string(kSent);
  const std::string p1 = "2025-03-03T10:00:00.1Z stdout P " + full.substr(0, 30);
  const std::string other = "2025-03-03T10:00:00.2Z stderr F Mar  3 10:00:00 mail postfix/x[2]: y";
  const std::string p2 = "2025-03-03T10:00:00.3Z stdout P " + full.substr(30, 20);
  const std::string f = "2025-03-03T10:00:00.4Z stdout F " + full.substr(50);
  ASSERT_TRUE(parser.Parse(p1, &l));
  EXPECT_EQ(l.format, LineFormat::kCri);
  EXPECT_TRUE(l.program.empty());
  EXPECT_TRUE(l.queue_id.empty());
  ASSERT_TRUE(parser.Parse(other, &l));
  EXPECT_EQ(l.program, "postfix/x");
  ASSERT_TRUE(parser.Parse(p2, &l));
  EXPECT_TRUE(l.queue_id.empty());
  ASSERT_TRUE(parser.Parse(f, &l));
  ExpectSent(l, LineFormat::kCri);
  EXPECT_EQ(parser.TakePartialLeft(), "");
  // A partial never ended is left, and said.
  ASSERT_TRUE(parser.Parse(p1, &l));
  EXPECT_EQ(parser.TakePartialLeft(), full.substr(0, 30));
}

// The runtime's year carries on to later lines without one.
TEST(ContainerLine, DatedForYears) {
  EXPECT_TRUE(CarriesYear(LineFormat::kKubectl));
  EXPECT_TRUE(CarriesYear(LineFormat::kCri));
  LineParser parser(1999);
  LogLine l;
  std::string a = "2025-12-31T23:00:00Z stdout F Dec 31 23:00:00 mail postfix/smtp[1]: " +
                  std::string(kSent);
  ASSERT_TRUE(parser.Parse(a, &l));
  std::string b = "Jan  1 01:00:00 mail postfix/smtp[1]: " + std::string(kSent);
  ASSERT_TRUE(parser.Parse(b, &l));
  EXPECT_EQ(FormatTime(l.time), "2026-01-01T01:00:00");
}

}  // namespace
}  // namespace nearmiss::maillog

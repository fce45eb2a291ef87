// One test per log format, named after it; lines as each producer writes
// them (timestamp.h and log_line.h name the sources).
#include "maillog/log_line.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

constexpr std::string_view kSent =
    "4F2A1B3C: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.7]:25, dsn=2.0.0, status=sent (250 ok)";

// A LogLine views the line it was parsed from: the line must outlive it, so
// the test keeps every line it parses (the tests built them as temporaries,
// which ASan caught as a use after free).
LogLine Parsed(std::string_view text, int year = 2025) {
  static std::deque<std::string> lines;
  const std::string& line = lines.emplace_back(text);
  LineParser parser(year);
  LogLine l;
  EXPECT_TRUE(parser.Parse(line, &l)) << line;
  return l;
}

void ExpectSent(const LogLine& l, std::string_view host = "mail") {
  EXPECT_EQ(l.host, host);
  EXPECT_EQ(l.program, "postfix/smtp");
  EXPECT_EQ(l.queue_id, "4F2A1B3C");
  EXPECT_TRUE(l.text.starts_with("to=<bob@army.ml>, relay=")) << l.text;
}

TEST(LogLineFormat, Rfc3164) {
  LogLine l = Parsed("Nov  3 09:12:03 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  EXPECT_EQ(FormatTime(l.time), "2025-11-03T09:12:03");  // the year given: none in the line
  ExpectSent(l);
}

// Solaris and illumos syslogd write a message id and facility.level after
// the tag (issue-16 tester round 9, notes); anything else in brackets
// there stays the text.
TEST(LogLineFormat, Rfc3164SolarisMessageId) {
  LogLine l = Parsed("Nov  3 09:12:03 mail postfix/smtp[123]: [ID 197553 mail.info] " +
                     std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  ExpectSent(l);
  LogLine other = Parsed("Nov  3 09:12:03 mail postfix/smtp[123]: [ID x mail.info] " +
                         std::string(kSent));
  EXPECT_EQ(other.queue_id, "");
  EXPECT_TRUE(other.text.starts_with("[ID x")) << other.text;
}

// busybox syslogd and local relays write no HOST field.
TEST(LogLineFormat, Rfc3164WithoutHost) {
  LogLine l = Parsed("Nov 30 09:12:04 postfix/smtp[103]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  ExpectSent(l, "");
}

TEST(LogLineFormat, Rfc3164WithPri) {
  LogLine l = Parsed("<22>Nov 30 09:12:03 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  EXPECT_EQ(FormatTime(l.time), "2025-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, Rfc5424) {
  LogLine l = Parsed("<22>1 2026-11-30T09:12:03.123456+01:00 mail.mod.gov.uk postfix/smtp 1234 - - " +
                     std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc5424);
  EXPECT_EQ(FormatTime(l.time), "2026-11-30T08:12:03");  // the line's year and zone
  ExpectSent(l, "mail.mod.gov.uk");
}

TEST(LogLineFormat, Rfc5424StructuredDataAndBom) {
  LogLine l = Parsed(
      "<22>1 2026-11-30T09:12:03Z mail postfix/smtp 1234 ID47 [exampleSDID@32473 "
      "iut=\"3\" eventSource=\"a \\\"quoted\\\" ] bracket\"][origin ip=\"192.0.2.1\"] "
      "\xEF\xBB\xBF" + std::string(kSent));
  EXPECT_EQ(FormatTime(l.time), "2026-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, Rfc5424NilTimeAndNoMessage) {
  LineParser parser(2025);
  LogLine l;
  ASSERT_TRUE(parser.Parse("<22>1 2026-11-30T09:12:03Z mail postfix/smtp 1 - - " +
                               std::string(kSent), &l));
  ASSERT_TRUE(parser.Parse("<22>1 - mail postfix/qmgr 2 - - 4F2A1B3C: removed", &l));
  // No time: neither the previous line's nor epoch 0 shown as known.
  EXPECT_TRUE(l.time_unknown);
  EXPECT_EQ(l.time, 0);
  EXPECT_EQ(FormatTime(parser.last_time()), "2026-11-30T09:12:03");  // unmoved
  EXPECT_EQ(l.text, "removed");
  ASSERT_TRUE(parser.Parse("<22>1 2026-11-30T09:12:04Z - postfix/qmgr 2 - - 4F2A1B3C: removed", &l));
  EXPECT_FALSE(l.time_unknown);
  EXPECT_EQ(l.host, kUnnamedHost);  // never a server named "-"
  EXPECT_EQ(l.program, "postfix/qmgr");
  ASSERT_TRUE(parser.Parse("<22>1 2026-11-30T09:12:03Z mail - - - -", &l));
  EXPECT_EQ(l.program, "");
  EXPECT_FALSE(parser.Parse("<22>1 2026-11-30T09:12:03Z mail postfix/smtp 1 - [unclosed x", &l));
  EXPECT_FALSE(parser.Parse("<22>1 Nov 30 09:12:03 mail postfix/smtp 1 - - x", &l));
}

TEST(LogLineFormat, RsyslogFileFormat) {
  LogLine l = Parsed("2026-11-30T09:12:03.123456+00:00 mail postfix/smtp[123]: " +
                     std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3339);
  EXPECT_EQ(FormatTime(l.time), "2026-11-30T09:12:03");
  ExpectSent(l);
  l = Parsed("2023-12-31T23:59:59.5-05:30 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(FormatTime(l.time), "2024-01-01T05:29:59");
}

TEST(LogLineFormat, PostfixMaillogFile) {
  // Postfix 3.7 postlogd: strftime "%b %d %H:%M:%S", the day zero-padded,
  // the host's first label.
  LogLine l = Parsed("Nov 03 09:12:03 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  EXPECT_EQ(FormatTime(l.time), "2025-11-03T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, JournalShort) {
  LogLine l = Parsed("Nov 03 09:12:03 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164);
  ExpectSent(l);
}

TEST(LogLineFormat, JournalShortPrecise) {
  LogLine l = Parsed("Nov 30 09:12:03.123456 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3164Precise);
  EXPECT_EQ(FormatTime(l.time), "2025-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, JournalShortIso) {
  LogLine l = Parsed("2025-11-30T10:12:03+0100 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3339);
  EXPECT_EQ(FormatTime(l.time), "2025-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, JournalShortIsoPrecise) {
  LogLine l = Parsed("2025-11-30T10:12:03.123456+0100 mail postfix/smtp[123]: " +
                     std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kRfc3339);
  EXPECT_EQ(FormatTime(l.time), "2025-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, JournalShortFull) {
  LogLine l = Parsed("Sat 2024-11-30 09:12:03 UTC mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kJournalFull);
  EXPECT_EQ(FormatTime(l.time), "2024-11-30T09:12:03");  // the line's year, not 2025
  ExpectSent(l);
  // An abbreviation names no single offset: the wall clock as written.
  l = Parsed("Sat 2024-11-30 10:12:03 CET mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(FormatTime(l.time), "2024-11-30T10:12:03");
  l = Parsed("Sat 2024-11-30 12:12:03 +03 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(FormatTime(l.time), "2024-11-30T09:12:03");
}

TEST(LogLineFormat, JournalShortUnix) {
  LogLine l = Parsed("1764493923.123456 mail postfix/smtp[123]: " + std::string(kSent));
  EXPECT_EQ(l.format, LineFormat::kJournalUnix);
  EXPECT_EQ(FormatTime(l.time), "2025-11-30T09:12:03");
  ExpectSent(l);
}

TEST(LogLineFormat, JournalMarkers) {
  for (std::string_view marker : {"-- Boot 3c0f9a52b7e44f0d8f1a6c2d9e8b7a61 --", "-- No entries --",
                                  "-- Logs begin at Mon 2025-11-03 09:00:00 UTC, end at Sun "
                                  "2025-11-30 09:12:03 UTC. --"}) {
    LogLine l = Parsed(marker);
    EXPECT_EQ(l.format, LineFormat::kJournalMarker);
    EXPECT_EQ(l.program, "");
  }
}

TEST(LogLineFormat, OtherProgramsAreFramedToo) {
  LogLine l = Parsed("Nov 30 09:12:03 mail CRON[3001]: (root) CMD (true)");
  EXPECT_EQ(l.program, "CRON");
  EXPECT_FALSE(IsPostfixProgram(l.program));
  l = Parsed("Nov 30 09:12:03 mail -- MARK --");
  EXPECT_EQ(l.program, "");
  EXPECT_TRUE(IsPostfixProgram("postfix-out/smtp"));
  EXPECT_FALSE(IsPostfixProgram("postfixadmin"));
  // Any syslog_name, its last part a Postfix program (issue-16 tester
  // round 35, defect 3).
  EXPECT_TRUE(IsPostfixProgram("mta-out/smtp"));
  EXPECT_TRUE(IsPostfixProgram("mx/submission/smtpd"));
  EXPECT_TRUE(IsPostfixProgram("relay-in/qmgr"));
  EXPECT_FALSE(IsPostfixProgram("dovecot/imap"));
  EXPECT_FALSE(IsPostfixProgram("/smtp"));
  EXPECT_FALSE(IsPostfixProgram("smtp"));
}

// Delivery lines of other mail servers, as each writes them (the sources
// in other_mail_server.cc): named, never taken for noise.
TEST(LogLineFormat, OtherMailServersDeliveries) {
  struct Case {
    std::string_view line, server;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"Nov 30 09:12:03 mx smtpd[812]: 5e4c2a1b9d3f0a11 mta delivery evpid=9f2c7a0b3e1d4c55 "
            "from=<ann@army.mil> to=<bob@army.ml> rcpt=<-> source=\"192.0.2.1\" relay=\"192.0.2.7 "
            "(mx.army.ml)\" delay=1s result=\"Ok\" stat=\"250 2.0.0 Ok: queued\"",
            "OpenSMTPD"},
           {"Nov 30 09:12:03 mx sendmail[2210]: 0AUE9C3x002210: to=<bob@army.ml>, "
            "ctladdr=<ann@army.mil> (1000/1000), delay=00:00:01, xdelay=00:00:01, mailer=esmtp, "
            "pri=120000, relay=mx.army.ml. [192.0.2.7], dsn=2.0.0, stat=Sent (ok)",
            "Sendmail"},
           {"Nov 30 09:12:03 mx sm-mta[2210]: 0AUE9C3x002210: to=bob@army.ml, delay=00:00:01, "
            "mailer=esmtp, relay=mx.army.ml. [192.0.2.7], dsn=4.0.0, stat=Deferred",
            "Sendmail"},
           {"Nov 30 09:12:03 mx exim[3301]: 1kZxQa-0000Ab-7C => bob@army.ml R=dnslookup "
            "T=remote_smtp H=mx.army.ml [192.0.2.7] C=\"250 OK\"",
            "Exim"},
           // Exim's own main log: in no syslog form; Exim 4.97's longer ids.
           {"2026-11-30 09:12:03 1kZxQa-00000000Ab1-7Cde ** bob@army.ml R=dnslookup: 550 no",
            "Exim"},
           {"2026-11-30 09:12:03 [3301] 1kZxQa-0000Ab-7C == bob@army.ml R=dnslookup defer (-44)",
            "Exim"},
           {"Nov 30 09:12:03 mx qmail: 1764493923.123456 starting delivery 12: msg 4711 to "
            "remote bob@army.ml",
            "qmail"},
           {"@400000006927c2a3075bcd15 delivery 12: success: 192.0.2.7_accepted_message./", "qmail"},
           {"Nov 30 09:12:03 mx courieresmtp: id=0003A1B2.692BC0E3.00004F2A,from=<ann@army.mil>,"
            "addr=<bob@army.ml>,status: success",
            "Courier"},
           {"Nov 30 09:12:03 mx dma[1a2b3c.d4e5f6][4411]: <bob@army.ml> delivery successful",
            "dma"},
           {"Nov 30 09:12:03 mx msmtp: host=smtp.army.mil tls=on auth=on user=ann "
            "from=ann@army.mil recipients=bob@army.ml mailsize=512 smtpstatus=250 "
            "smtpmsg='250 ok' exitcode=EX_OK",
            "msmtp"},
           {"Nov 30 09:12:03 mx nullmailer[501]: From: <ann@army.mil> to: <bob@army.ml>",
            "nullmailer"},
           {"Nov 30 09:12:03 mx nullmailer[501]: smtp: Succeeded: 250 ok", "nullmailer"},
           // Any other program's recipient with a status.
           {"Nov 30 09:12:03 mx relayd[77]: to=bob@army.ml status=sent", "relayd"},
       }) {
    LineParser parser(2026);
    LogLine l;
    std::string_view got = parser.Parse(c.line, &l) ? OtherMailServerDelivery(l.program, l.text)
                                                    : OtherMailServerDelivery({}, c.line);
    EXPECT_EQ(got, c.server) << c.line;
  }
  // Postfix's, under any syslog_name, and other programs' lines that record
  // no delivery, are none.
  std::string postfix = "Nov 30 09:12:03 mx postfix/smtp[1]: ";
  postfix += kSent;
  std::string custom_name = "Nov 30 09:12:03 mx mta[1]: ";
  custom_name += kSent;
  for (const std::string& line : std::vector<std::string>{
           postfix,
           custom_name,
           "Nov 30 09:12:03 mx postfix/cleanup[2]: 4F2A1B3C: warning: header Subject: x from "
           "local; from=<ann@army.mil> to=<bob@army.ml>",
           "Nov 30 09:12:03 mx amavis[3]: (03312-01) Passed CLEAN {RelayedOutbound}, "
           "<ann@army.mil> -> <bob@army.ml>, queued_as: 5B3C, 120 ms",
           "Nov 30 09:12:03 mx dma[1a2b3c][4411]: mail to=<bob@army.ml> queued as 1a2b3c.d4e5f6",
           "Nov 30 09:12:03 mx CRON[3001]: (root) CMD (true)",
       }) {
    LineParser parser(2026);
    LogLine l;
    ASSERT_TRUE(parser.Parse(line, &l)) << line;
    EXPECT_EQ(OtherMailServerDelivery(l.program, l.text), "") << line;
  }
}

TEST(LogLineFormat, Unrecognised) {
  LineParser parser(2025);
  LogLine l;
  for (std::string_view line : {
           "",
           "garbage",
           "4F2A1B3C: to=<bob@army.ml>, status=sent",          // journalctl -o cat
           "{\"MESSAGE\":\"4F2A1B3C: removed\"}",                 // -o json
           "2025-11-30 09:12:03,123 INFO something",              // not RFC 3339
           "Nov 30 09:12:03",                                     // no host
           "Nov 31 25:12:03 mail postfix/smtp[1]: x",             // no such time
           "Foo 30 09:12:03 mail postfix/smtp[1]: x",
           "<999>Nov 30 09:12:03 mail postfix/smtp[1]: x",        // PRI over 191
           "12345 mail postfix/smtp[1]: x",                       // too few digits for unix time
       }) {
    EXPECT_FALSE(parser.Parse(line, &l)) << line;
    EXPECT_EQ(l.format, LineFormat::kNone);
  }
}

TEST(LogLineYear, DecemberToJanuaryMovesTheYear) {
  LineParser parser(2023);
  LogLine l;
  ASSERT_TRUE(parser.Parse("Dec 31 23:59:59 h p: x", &l));
  ASSERT_TRUE(parser.Parse("Jan  1 00:00:01 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2024-01-01T00:00:01");
}

// syslog writes a few lines of 31 December after 1 January's first ones;
// they stay in the old year and do not move the year on (issue 16).
TEST(LogLineYear, NewYearLinesOutOfOrderDoNotJumpAYear) {
  LineParser parser(2023);
  LogLine l;
  ASSERT_TRUE(parser.Parse("Dec 31 23:59:58 h p: x", &l));
  ASSERT_TRUE(parser.Parse("Jan  1 00:00:01 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2024-01-01T00:00:01");
  ASSERT_TRUE(parser.Parse("Dec 31 23:59:59 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2023-12-31T23:59:59");
  ASSERT_TRUE(parser.Parse("Jan  1 00:00:02 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2024-01-01T00:00:02");
  ASSERT_TRUE(parser.Parse("Feb  1 00:00:02 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2024-02-01T00:00:02");
  EXPECT_FALSE(parser.span_over_year());
}

// The times LineParser(year) gives stamps read in this order.
std::vector<std::string> YearsRead(int year, const std::vector<std::string>& stamps) {
  LineParser parser(year);
  std::vector<std::string> out;
  for (const std::string& stamp : stamps) {
    LogLine l;
    if (parser.Parse(stamp + " h p: x", &l)) out.push_back(FormatTime(l.time));
  }
  return out;
}

// A log is in time order: November then June is June of the next year,
// though the month steps back by only five (issue 16: sparse3.log dated
// its November line after the file's own bound, its June line before it).
// Out of order by less than a day at a month's turn keeps the year, and
// so does a day back within the same month (as before).
TEST(LogLineYear, AnyStepBackIsTheNextYear) {
  EXPECT_EQ(YearsRead(2025, {"Nov 20 10:00:00", "Jun  1 10:00:00", "May 25 10:00:00"}),
            // June then 25 May, a week back: a concatenation boundary
            // (breaker round 3 §3, step_back_test.cc), dated back, not 2027.
            (std::vector<std::string>{"2025-11-20T10:00:00", "2026-06-01T10:00:00",
                                      "2026-05-25T10:00:00"}));
  EXPECT_EQ(YearsRead(2025, {"Oct  1 10:00:00", "Apr 10 10:00:00", "Apr  8 10:00:00"}),
            (std::vector<std::string>{"2025-10-01T10:00:00", "2026-04-10T10:00:00",
                                      "2026-04-08T10:00:00"}));
  EXPECT_EQ(YearsRead(2025, {"Dec  1 00:00:05", "Nov 30 23:59:59", "Dec  1 00:00:06"}),
            (std::vector<std::string>{"2025-12-01T00:00:05", "2025-11-30T23:59:59",
                                      "2025-12-01T00:00:06"}));
}

TEST(LogLineYear, TwelveMonthsOrMoreIsFlagged) {
  LineParser parser(2023);
  LogLine l;
  for (const char* m : {"Mar", "Jun", "Sep", "Dec", "Jan", "Feb"}) {
    ASSERT_TRUE(parser.Parse(std::string(m) + "  1 10:00:00 h p: x", &l));
    EXPECT_FALSE(parser.span_over_year()) << m;
  }
  ASSERT_TRUE(parser.Parse("Mar  1 10:00:00 h p: x", &l));
  EXPECT_EQ(FormatTime(l.time), "2024-03-01T10:00:00");
  EXPECT_TRUE(parser.span_over_year());
}

TEST(LogLineQueueId, QueueIdsAndNoise) {
  LogLine l = Parsed("Mar  3 10:15:02 mx postfix/qmgr[9]: 4BCD12F3A: removed");
  EXPECT_EQ(l.program, "postfix/qmgr");
  EXPECT_EQ(l.queue_id, "4BCD12F3A");
  EXPECT_EQ(l.text, "removed");
  l = Parsed("Mar  3 10:15:02 mx postfix/smtpd[9]: warning: hostname x");
  EXPECT_EQ(l.queue_id, "");
  EXPECT_EQ(l.text, "warning: hostname x");
  l = Parsed("Mar  3 10:15:02 mx postfix/qmgr[9]: 4TQg0y2Y7Kz9sTr: removed");
  EXPECT_EQ(l.queue_id, "4TQg0y2Y7Kz9sTr");
}

// mail_queue_id_ok() takes any length: a small inode number gives a short
// id, and it was read as no id at all (issue 16, queue ids).
TEST(LogLineQueueId, ShortHexIds) {
  LogLine l = Parsed("Mar  3 10:15:02 mx postfix/qmgr[9]: 3F1: removed");
  EXPECT_EQ(l.queue_id, "3F1");
  EXPECT_EQ(l.text, "removed");
  l = Parsed("Mar  3 10:15:02 mx postfix/qmgr[9]: A: removed");
  EXPECT_EQ(l.queue_id, "A");
  l = Parsed("Mar  3 10:15:02 mx postfix/smtpd[9]: NOQUEUE: reject: x");
  EXPECT_EQ(l.queue_id, "");
}

}  // namespace
}  // namespace nearmiss::maillog

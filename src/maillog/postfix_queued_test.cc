// A message Postfix still keeps (a recipient deferred or held) is not let
// go for log-time silence, and a line of a message the reader does not
// hold is counted, never applied to nobody (issue-16 tester round 34,
// item 2).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_log.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

std::vector<std::string> Outcomes(const Collect& c) {
  std::vector<std::string> out;
  for (const Seen& s : c.attempts) out.push_back(s.queue_id + " " + s.recipient + " " + s.status);
  return out;
}

// Another message's lines every `step` hours from `from_day` to `to_day`,
// so log time moves on (and the idle sweep runs) while the first is silent.
void Traffic(PostfixLog& log, int from_day, int to_day) {
  char line[256];
  int n = 0;
  for (int d = from_day; d <= to_day; ++d) {
    for (int h = 0; h < 24; h += 6) {
      std::snprintf(line, sizeof line,
                    "Nov %2d %02d:00:00 mail postfix/qmgr[7]: B%05X: from=<x@mod.gov.uk>, "
                    "size=1, nrcpt=1 (queue active)",
                    d, h, n);
      log.Feed(line);
      std::snprintf(line, sizeof line,
                    "Nov %2d %02d:00:01 mail postfix/smtp[8]: B%05X: to=<p@partner.example>, "
                    "relay=mx.partner.example[192.0.2.8]:25, delay=1, delays=0/0/0/1, "
                    "dsn=2.0.0, status=sent (250 ok)",
                    d, h, n);
      log.Feed(line);
      std::snprintf(line, sizeof line, "Nov %2d %02d:00:01 mail postfix/qmgr[7]: B%05X: removed",
                    d, h, n);
      log.Feed(line);
      ++n;
    }
  }
}

std::vector<std::string> Of(const Collect& c, const std::string& id) {
  std::vector<std::string> out;
  for (const std::string& s : Outcomes(c)) {
    if (s.starts_with(id + " ")) out.push_back(s);
  }
  return out;
}

TEST(PostfixQueued, HeldPastTheIdleTimeoutIsOneMessage) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Nov  3 09:15:00 mail postfix/cleanup[2]: 7F2A1B3C: message-id=<h@mod.gov.uk>");
  log.Feed("Nov  3 09:15:00 mail postfix/cleanup[2]: 7F2A1B3C: milter-hold: END-OF-MESSAGE from "
           "ws[10.0.4.12]: milter triggers HOLD action; from=<alice@mod.gov.uk> "
           "to=<fay@army.ml> proto=ESMTP helo=<ws>");
  Traffic(log, 4, 16);
  log.Feed("Nov 17 10:05:00 mail postfix/postsuper[9]: 7F2A1B3C: released from hold");
  log.Feed("Nov 17 10:05:01 mail postfix/qmgr[7]: 7F2A1B3C: from=<alice@mod.gov.uk>, size=1, "
           "nrcpt=1 (queue active)");
  log.Feed("Nov 17 10:05:02 mail postfix/smtp[8]: 7F2A1B3C: to=<fay@army.ml>, "
           "relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent "
           "(250 ok)");
  log.Feed("Nov 17 10:05:02 mail postfix/qmgr[7]: 7F2A1B3C: removed");
  log.Finish();
  EXPECT_EQ(Of(c, "7F2A1B3C"), (std::vector<std::string>{"7F2A1B3C fay@army.ml held",
                                                         "7F2A1B3C fay@army.ml sent"}));
  // One end of the message: its last line, not the idle sweep's.
  EXPECT_EQ(std::count(c.done.begin(), c.done.end(), "7F2A1B3C"), 1);
  EXPECT_EQ(log.counts().orphan_lines, 0u);
}

TEST(PostfixQueued, HeldReleasedThenExpiredExpires) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Nov  3 09:15:00 mail postfix/cleanup[2]: 7F2A1B3C: milter-hold: END-OF-MESSAGE from "
           "ws[10.0.4.12]: milter triggers HOLD action; from=<alice@mod.gov.uk> "
           "to=<fay@army.ml> proto=ESMTP helo=<ws>");
  Traffic(log, 4, 16);
  log.Feed("Nov 17 10:05:00 mail postfix/postsuper[9]: 7F2A1B3C: released from hold");
  log.Feed("Nov 17 10:05:01 mail postfix/qmgr[7]: 7F2A1B3C: from=<alice@mod.gov.uk>, size=1, "
           "nrcpt=1 (queue active)");
  log.Feed("Nov 17 10:05:02 mail postfix/qmgr[7]: 7F2A1B3C: from=<alice@mod.gov.uk>, "
           "status=expired, returned to sender");
  log.Feed("Nov 17 10:05:02 mail postfix/qmgr[7]: 7F2A1B3C: removed");
  log.Finish();
  EXPECT_EQ(Of(c, "7F2A1B3C"), (std::vector<std::string>{"7F2A1B3C fay@army.ml held",
                                                         "7F2A1B3C fay@army.ml expired"}));
  EXPECT_EQ(log.counts().orphan_lines, 0u);
}

TEST(PostfixQueued, DeferredSilentForDaysIsOneMessage) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Nov  3 09:15:01 mail postfix/qmgr[7]: 7F2A1B3C: from=<alice@mod.gov.uk>, size=1, "
           "nrcpt=1 (queue active)");
  log.Feed("Nov  3 09:15:02 mail postfix/smtp[8]: 7F2A1B3C: to=<fay@army.ml>, relay=none, "
           "delay=2, delays=0/0/2/0, dsn=4.4.1, status=deferred (connect timed out)");
  Traffic(log, 4, 13);
  log.Feed("Nov 14 10:05:02 mail postfix/smtp[8]: 7F2A1B3C: to=<fay@army.ml>, "
           "relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent "
           "(250 ok)");
  log.Feed("Nov 14 10:05:02 mail postfix/qmgr[7]: 7F2A1B3C: removed");
  log.Finish();
  EXPECT_EQ(Of(c, "7F2A1B3C"), (std::vector<std::string>{"7F2A1B3C fay@army.ml deferred",
                                                         "7F2A1B3C fay@army.ml sent"}));
  EXPECT_EQ(std::count(c.done.begin(), c.done.end(), "7F2A1B3C"), 1);
  // Sender still known: the same message, not one started again.
  EXPECT_EQ(c.attempts.back().sender, "alice@mod.gov.uk");
}

TEST(PostfixQueued, SettledIdleStateStillGoes) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  // No "removed" and no nrcpt=: never settled, nothing queued: the idle
  // timeout still bounds it.
  log.Feed("Nov  3 09:15:02 mail postfix/smtp[8]: 6E2A1B3C: to=<fay@army.ml>, "
           "relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent "
           "(250 ok)");
  Traffic(log, 4, 13);
  EXPECT_EQ(std::count(c.done.begin(), c.done.end(), "6E2A1B3C"), 1);
}

TEST(PostfixQueued, LinesOfAMessageNotHeldAreCounted) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Nov 17 10:05:00 mail postfix/postsuper[9]: 7F2A1B3C: released from hold");
  log.Feed("Nov 17 10:05:00 mail postfix/postsuper[9]: Released from hold: 1 message");
  log.Feed("Nov 17 10:06:02 mail postfix/qmgr[7]: 8F2A1B3C: from=<alice@mod.gov.uk>, "
           "status=expired, returned to sender");
  log.Finish();
  EXPECT_EQ(log.counts().orphan_lines, 2u);
  EXPECT_EQ(log.counts().first_orphan_line, 1u);
}

TEST(PostfixQueued, QueuedStateLetGoByTheBoundCountsItsLaterLines) {
  Collect c;
  PostfixLogOptions o;
  o.max_queues = 4;
  PostfixLog log(o, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Nov  3 09:15:00 mail postfix/cleanup[2]: 7F2A1B3C: milter-hold: END-OF-MESSAGE from "
           "ws[10.0.4.12]: milter triggers HOLD action; from=<alice@mod.gov.uk> "
           "to=<fay@army.ml> proto=ESMTP helo=<ws>");
  char line[200];
  for (int i = 0; i < 40; ++i) {
    // Open messages (no "removed"), so the bound is reached.
    std::snprintf(line, sizeof line,
                  "Nov  4 10:%02d:00 mail postfix/qmgr[7]: C%05X: from=<x@mod.gov.uk>, size=1, "
                  "nrcpt=2 (queue active)",
                  i, i);
    log.Feed(line);
  }
  EXPECT_LE(log.open_queues(), 5u);
  log.Feed("Nov 17 10:05:00 mail postfix/postsuper[9]: 7F2A1B3C: released from hold");
  log.Feed("Nov 17 10:05:01 mail postfix/qmgr[7]: 7F2A1B3C: from=<alice@mod.gov.uk>, size=1, "
           "nrcpt=1 (queue active)");
  log.Finish();
  // The release (of a message no longer held) and the from= that starts it
  // again are both counted.
  EXPECT_EQ(log.counts().orphan_lines, 2u);
}

}  // namespace
}  // namespace nearmiss::maillog

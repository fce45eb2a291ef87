#include "maillog/line_counts_text.h"
#include "maillog/loss_notice.h"

#include <gtest/gtest.h>

#include "maillog/line_counts.h"
#include "maillog/postfix_fields.h"

namespace nearmiss::maillog {
namespace {

uint64_t Lost(std::string_view program, std::string_view text) {
  uint64_t n = 99;
  return ReadLossNotice(program, text, &n) ? n : UINT64_MAX;
}

TEST(ReadLossNotice, DaemonsOwnWords) {
  EXPECT_EQ(Lost("rsyslogd", "imjournal: 2310 messages lost due to rate-limiting (20000 allowed "
                             "within 600 seconds)"),
            2310u);
  EXPECT_EQ(Lost("rsyslogd-2177", "imuxsock lost 33 messages from pid 4711 due to rate-limiting"),
            33u);
  EXPECT_EQ(Lost("rsyslogd", "imuxsock from <postfix/smtp>: begin to drop messages due to "
                             "rate-limiting"),
            0u);
  EXPECT_EQ(Lost("rsyslogd", "action 'action-1-builtin:omfile' suspended (module "
                             "'builtin:omfile'), retry 0. There should be messages"),
            0u);
  EXPECT_EQ(Lost("rsyslogd", "main Q: lost 7 messages from diskqueue (invalid .qi file)"), 7u);
  EXPECT_EQ(Lost("systemd-journald", "Suppressed 1520 messages from postfix@-.service"), 1520u);
  EXPECT_EQ(Lost("systemd-journald", "Suppressed 9 messages from /system.slice/postfix.service"),
            9u);
  EXPECT_EQ(Lost("systemd-journald", "Forwarding to syslog missed 12 messages."), 12u);
  EXPECT_EQ(Lost("syslog-ng", "Destination queue full, dropping messages; queue_len='10000'"), 0u);
  EXPECT_EQ(Lost("syslog-ng", "Message(s) dropped while sending message to destination; "
                              "driver='d_net#0'"),
            0u);
  // Another unit's suppression drops no mail line; ordinary lines are none.
  EXPECT_EQ(Lost("systemd-journald", "Suppressed 40 messages from sshd.service"), UINT64_MAX);
  EXPECT_EQ(Lost("CRON", "(root) CMD (run-parts /etc/cron.hourly)"), UINT64_MAX);
  EXPECT_EQ(Lost("rsyslogd", "action 'action-1' resumed (module 'builtin:omfwd')"), UINT64_MAX);
}

// Issue-16 tester round 43, findings 6 and 8: the recipient a line not
// understood names, read leniently; orig_to= is not it.
TEST(LineCounts, UnreadRecipient) {
  EXPECT_EQ(LineCounts::UnreadRecipient("F5: to=<b1@gmial.com>, relay=x, status=delivered (250 ok)"),
            "b1@gmial.com");
  EXPECT_EQ(LineCounts::UnreadRecipient("F6: to=<b2@gmial.com> relay=x, status=sent (250 ok)"),
            "b2@gmial.com");
  EXPECT_EQ(LineCounts::UnreadRecipient("F7: to=b3@gmial.com, relay=x, status=sent"), "b3@gmial.com");
  EXPECT_EQ(LineCounts::UnreadRecipient("FB: TO=<b7@gmial.com>, relay=x, status=sent"), "b7@gmial.com");
  EXPECT_EQ(LineCounts::UnreadRecipient("F8: orig_to=<b4@gmial.com>, to=<b4@army.mil>, status=x"),
            "b4@army.mil");
  EXPECT_EQ(LineCounts::UnreadRecipient("F9: to=<postmaster>, status=sent"), "");
  EXPECT_EQ(LineCounts::UnreadRecipient("no recipient here"), "");
  LineCounts c;
  c.file = "m";
  for (int i = 1; i <= 12; ++i) {
    c.lines = static_cast<uint64_t>(i);
    c.NotUnderstood("Q: to=<x@gmial.com>, status=delivered (250 ok)");
  }
  EXPECT_EQ(NotUnderstoodAt(c), "at m:1, 2, 3, 4, 5, 6, 7, 8, 9, 10, and 2 more");
  EXPECT_EQ(c.unread_recipients.size(), 12u);
}

TEST(ReadCutDelivery, WhereTheLineEnds) {
  DeliveryFields f;
  EXPECT_EQ(ReadCutDelivery("to=", &f), CutAt::kInRecipient);
  EXPECT_EQ(ReadCutDelivery("to=<bob@arm", &f), CutAt::kInRecipient);
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml>, relay=mx1.ar", &f), CutAt::kBeforeStatus);
  EXPECT_EQ(f.recipient, "bob@army.ml");
  EXPECT_EQ(f.relay, "");
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml>, relay=mx[192.0.2.1]:25, delay=1, del", &f),
            CutAt::kBeforeStatus);
  EXPECT_EQ(f.relay, "mx[192.0.2.1]:25");
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml>, relay=mx[192.0.2.1]:25, dsn=5.7.1, status=bou",
                            &f),
            CutAt::kBeforeStatus);
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml>, relay=mx[192.0.2.1]:25, delay=1, dsn=5.7.1, "
                            "status=bounced (host said: 550 5.7.1 xx",
                            &f),
            CutAt::kInStatusText);
  EXPECT_EQ(f.status, "bounced");
  EXPECT_EQ(f.dsn, "5.7.1");
  EXPECT_EQ(f.status_text, "host said: 550 5.7.1 xx");
  // Not a start of log_adhoc()'s shape: malformed, not cut.
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml> relay=x, status=sent (ok)", &f), CutAt::kNotCut);
  EXPECT_EQ(ReadCutDelivery("to=<bob@army.ml>, relay=x, status=sent [ok]", &f), CutAt::kNotCut);
  EXPECT_EQ(ReadCutDelivery("to=<quinn@army.ml, relay=x, dsn=2.0.0, status=sent (250 ok)", &f),
            CutAt::kNotCut);
}

}  // namespace
}  // namespace nearmiss::maillog

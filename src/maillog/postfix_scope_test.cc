// Queue ids are per Postfix instance (breaker round 3 §2): a central syslog
// of several hosts, or one host's several instances, may show one queue id
// for two messages at once; each keeps its own sender, recipients and end,
// and a hand-off is followed to the host and instance that took it.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "maillog/postfix_log.h"

namespace nearmiss::maillog {
namespace {

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    seen.push_back(std::string(a.queue_id) + " " + std::string(a.sender) + " -> " +
                   std::string(a.recipient) + " " + std::string(a.status) +
                   (a.hops.empty() ? "" : " [" + std::string(a.hops) + "]"));
    keys.emplace_back(a.Key());
  }
  void OnDone(std::string_view key) override { done.emplace_back(key); }
  std::vector<std::string> seen, keys, done;
};

using Lines = std::vector<std::string>;

Collect Read(const Lines& lines) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2025;
  PostfixLog log(o, &c);
  for (const std::string& l : lines) log.Feed(l);
  log.Finish();
  return c;
}

std::string Line(const std::string& time, const std::string& host, const std::string& prog,
                 const std::string& text) {
  return "Nov  4 " + time + " " + host + " " + prog + "[1]: " + text;
}

std::string To(const std::string& id, const std::string& rcpt, const std::string& status,
               const std::string& relay = "mx.army.ml[192.0.2.7]:25",
               const std::string& reply = "250 ok") {
  return id + ": to=<" + rcpt + ">, relay=" + relay + ", delay=1, delays=0/0/0/1, dsn=2.0.0, status=" +
         status + " (" + reply + ")";
}

std::string From(const std::string& id, const std::string& sender) {
  return id + ": from=<" + sender + ">, size=10, nrcpt=1 (queue active)";
}

// The tester's example, and the same with two instances of one host (a
// postmulti "postfix-out"), and with two syslog_names of custom form.
TEST(PostfixScope, OneQueueIdOnTwoHostsOrInstancesIsTwoMessages) {
  for (auto [a_host, a_prog, b_host, b_prog] :
       std::vector<std::array<std::string, 4>>{{"mailA", "postfix", "mailB", "postfix"},
                                               {"mail", "postfix", "mail", "postfix-out"},
                                               {"mail", "mta", "mail", "mtaout"}}) {
    Collect c = Read({
        Line("08:00:00", a_host, a_prog + "/cleanup", "4C01A1: message-id=<m1@mod.gov.uk>"),
        Line("08:00:00", b_host, b_prog + "/cleanup", "4C01A1: message-id=<m2@mod.gov.uk>"),
        Line("08:00:01", a_host, a_prog + "/qmgr", From("4C01A1", "alice@mod.gov.uk")),
        Line("08:00:01", b_host, b_prog + "/qmgr", From("4C01A1", "mallory@mod.gov.uk")),
        Line("08:00:02", a_host, a_prog + "/smtp", To("4C01A1", "bob@army.ml", "sent")),
        Line("08:00:02", b_host, b_prog + "/smtp",
             To("4C01A1", "carol@army.ml", "deferred", "mx.army.ml[192.0.2.7]:25", "timed out")),
        Line("08:00:03", a_host, a_prog + "/qmgr", "4C01A1: removed"),
        Line("08:30:02", b_host, b_prog + "/smtp", To("4C01A1", "carol@army.ml", "sent")),
        Line("08:30:03", b_host, b_prog + "/qmgr", "4C01A1: removed"),
    });
    EXPECT_EQ(c.seen, (Lines{"4C01A1 alice@mod.gov.uk -> bob@army.ml sent",
                             "4C01A1 mallory@mod.gov.uk -> carol@army.ml deferred",
                             "4C01A1 mallory@mod.gov.uk -> carol@army.ml sent"}))
        << a_host << " " << b_prog;
    ASSERT_EQ(c.keys.size(), 3u);
    EXPECT_NE(c.keys[0], c.keys[1]);  // sinks key the two messages apart
    EXPECT_EQ(c.keys[1], c.keys[2]);
    EXPECT_EQ(c.done.size(), 2u);
    EXPECT_EQ(BareQueueId(c.keys[0]), "4C01A1");
  }
}

// A hand-off to another host of the same log is followed to the host the
// relay names, though a third host has a queue with the same id.
TEST(PostfixScope, HandOffToAnotherHostFollowsTheRelay) {
  Collect c = Read({
      Line("09:00:00", "mail", "postfix/cleanup", "7F01A1: message-id=<m2@mod.gov.uk>"),
      Line("09:00:01", "mail", "postfix/qmgr", From("7F01A1", "alice@mod.gov.uk")),
      Line("09:00:01", "other", "postfix/cleanup", "7F01B2: message-id=<x@mod.gov.uk>"),
      Line("09:00:01", "other", "postfix/qmgr", From("7F01B2", "zed@mod.gov.uk")),
      Line("09:00:02", "mailout", "postfix/smtpd", "7F01B2: client=mail.mod.gov.uk[10.0.0.25]"),
      Line("09:00:02", "mailout", "postfix/cleanup", "7F01B2: message-id=<m2@mod.gov.uk>"),
      Line("09:00:02", "mail", "postfix/smtp",
           To("7F01A1", "carol@army.ml", "sent", "mailout.mod.gov.uk[10.0.0.26]:25",
              "250 2.0.0 Ok: queued as 7F01B2")),
      Line("09:00:03", "mailout", "postfix/qmgr", From("7F01B2", "alice@mod.gov.uk")),
      Line("09:00:04", "mailout", "postfix/smtp", To("7F01B2", "carol@army.ml", "bounced")),
      Line("09:00:04", "other", "postfix/smtp", To("7F01B2", "zoe@army.ml", "sent")),
  });
  EXPECT_EQ(c.seen,
            (Lines{"7F01B2 alice@mod.gov.uk -> carol@army.ml bounced "
                   "[7F01A1 via mailout.mod.gov.uk[10.0.0.26]:25]",
                   "7F01B2 zed@mod.gov.uk -> zoe@army.ml sent"}));
}

// A content filter on loopback hands back to this host: to this instance,
// or to another instance of it (multi-instance), never to another host's
// queue with the same id.
TEST(PostfixScope, LoopbackHandOffStaysOnThisHost) {
  for (std::string next_prog : {"postfix", "postfix-out"}) {
    Collect c = Read({
        Line("08:00:00", "mail", "postfix/cleanup", "6E01A1: message-id=<m1@mod.gov.uk>"),
        Line("08:00:01", "mail", "postfix/qmgr", From("6E01A1", "alice@mod.gov.uk")),
        Line("08:00:01", "mailB", "postfix/cleanup", "6E01B2: message-id=<m1@mod.gov.uk>"),
        Line("08:00:01", "mailB", "postfix/qmgr", From("6E01B2", "mallory@mod.gov.uk")),
        Line("08:00:02", "mail", next_prog + "/cleanup", "6E01B2: message-id=<m1@mod.gov.uk>"),
        Line("08:00:02", "mail", "postfix/smtp",
             To("6E01A1", "bob@army.ml", "sent", "127.0.0.1[127.0.0.1]:10024",
                "250 2.0.0 Ok: queued as 6E01B2")),
        Line("08:00:03", "mail", next_prog + "/qmgr", From("6E01B2", "alice@mod.gov.uk")),
        Line("08:00:04", "mail", next_prog + "/smtp", To("6E01B2", "bob@army.ml", "sent")),
        Line("08:00:04", "mailB", "postfix/smtp", To("6E01B2", "eve@army.ml", "sent")),
    });
    EXPECT_EQ(c.seen, (Lines{"6E01B2 alice@mod.gov.uk -> bob@army.ml sent "
                             "[6E01A1 via 127.0.0.1[127.0.0.1]:10024]",
                             "6E01B2 mallory@mod.gov.uk -> eve@army.ml sent"}))
        << next_prog;
  }
}

}  // namespace
}  // namespace nearmiss::maillog

// The Postfix reader's hand-offs (a content filter, another instance):
// followed through to the last hop and counted once there, whatever order
// the lines come in, across rotated files, with or without a queue id in
// the reply; a remote server's "queued as" is a delivery, not a hand-off.
#include "maillog/postfix_log.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

// The filtered message of the hand-off tests: one delivery, from the
// re-injected queue id, after one hop; `context` names the case.
void ExpectOnceAtTheLastHop(const Collect& c, const PostfixLog& log, const std::string& context) {
  ASSERT_EQ(c.attempts.size(), 1u) << context;
  EXPECT_EQ(c.attempts[0].queue_id, "BBBBB2") << context;
  EXPECT_EQ(c.attempts[0].hops, "AAAAA1 via 127.0.0.1[127.0.0.1]:10024") << context;
  EXPECT_EQ(log.counts().hand_offs, 1u) << context;
}

TEST(PostfixLog, ContentFilterHandOffCountsOnceAtTheLastHop) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2025;
  PostfixLog log(o, &c);
  log.BeginFile("maillog", LineParser(2025));
  for (const char* line : {
           "Mar  3 10:00:00 mx postfix/cleanup[1]: AAAAA1: message-id=<m1@mod.gov.uk>",
           "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=1 (queue active)",
           // The filter reinjects on 10025: the new queue id starts before the reply.
           "Mar  3 10:00:02 mx postfix/smtpd[4]: BBBBB2: client=localhost[127.0.0.1]",
           "Mar  3 10:00:02 mx postfix/cleanup[1]: BBBBB2: message-id=<m1@mod.gov.uk>",
           "Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BBBBB2)",
           "Mar  3 10:00:02 mx postfix/qmgr[2]: AAAAA1: removed",
           "Mar  3 10:00:03 mx postfix/qmgr[2]: BBBBB2: from=<alice@mod.gov.uk>, size=120, nrcpt=1 (queue active)",
           "Mar  3 10:00:04 mx postfix/smtp[3]: BBBBB2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9D1E)",
           "Mar  3 10:00:05 mx postfix/qmgr[2]: BBBBB2: removed",
       }) {
    log.Feed(line);
  }
  log.Finish();
  ExpectOnceAtTheLastHop(c, log, "in the usual order");
}

TEST(PostfixLog, QueuedAsOfARemoteMxIsADelivery) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<a@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4F2A1B3C)");
  log.Feed("Mar  3 10:00:02 mx postfix/qmgr[2]: AAAAA1: removed");
  // A queue id of that name starting later is another message.
  log.Feed("Mar  3 10:20:00 mx postfix/qmgr[2]: 4F2A1B3C: from=<a@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  ASSERT_EQ(c.attempts.size(), 1u);
  EXPECT_EQ(c.attempts[0].queue_id, "AAAAA1");
  EXPECT_EQ(c.attempts[0].status, "sent");
  EXPECT_EQ(c.attempts[0].hops, "");
  EXPECT_EQ(c.done, (std::vector<std::string>{"AAAAA1"}));
}

// Issue 16, finding 14: a hand-off was followed only when the new queue
// id's lines came before the "queued as" naming it. The same message, its
// lines in every order that keeps each queue id's own lines in sequence,
// counts once, at the last hop, with the hops.
constexpr const char* kFilterIn[] = {
    "Mar  3 10:00:00 mx postfix/cleanup[1]: AAAAA1: message-id=<m1@mod.gov.uk>",
    "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=1 (queue active)",
    "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BBBBB2)",
    "Mar  3 10:00:03 mx postfix/qmgr[2]: AAAAA1: removed",
};
constexpr const char* kFilterOut[] = {
    "Mar  3 10:00:02 mx postfix/smtpd[4]: BBBBB2: client=localhost[127.0.0.1]",
    "Mar  3 10:00:02 mx postfix/cleanup[1]: BBBBB2: message-id=<m1@mod.gov.uk>",
    "Mar  3 10:00:02 mx postfix/qmgr[2]: BBBBB2: from=<alice@mod.gov.uk>, size=120, nrcpt=1 (queue active)",
    "Mar  3 10:00:02 mx postfix/smtp[3]: BBBBB2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9D1E)",
    "Mar  3 10:00:02 mx postfix/qmgr[2]: BBBBB2: removed",
};

// Feeds every interleaving of `in` and `out` (each kept in its own order)
// to a fresh reader and calls `check` after each; returns how many.
template <size_t kIn, size_t kOut, typename Check>
int EachInterleaving(const char* const (&in)[kIn], const char* const (&out)[kOut], Check check) {
  int orders = 0;
  for (uint32_t mask = 0; mask < (1u << (kIn + kOut)); ++mask) {
    if (static_cast<size_t>(__builtin_popcount(mask)) != kIn) continue;
    ++orders;
    Collect c;
    PostfixLog log(PostfixLogOptions{}, &c);
    log.BeginFile("maillog", LineParser(2025));
    size_t i = 0, o = 0;
    for (size_t k = 0; k < kIn + kOut; ++k) log.Feed((mask >> k) & 1 ? in[i++] : out[o++]);
    log.Finish();
    check(c, log, "order " + std::to_string(mask));
  }
  return orders;
}

TEST(PostfixLog, HandOffJoinsLinesInAnyOrder) {
  int orders = EachInterleaving(kFilterIn, kFilterOut,
                                [](const Collect& c, const PostfixLog& log, const std::string& at) {
                                  ExpectOnceAtTheLastHop(c, log, at);
                                  EXPECT_EQ(c.done.size(), 2u) << at;
                                });
  EXPECT_EQ(orders, 126);  // 9 choose 4
}

// Issue 16, third round: one "queued as X" for two recipients (the filter
// takes the message once, for both). The pending join kept one of A's
// attempts per X, so the other became a delivery too: three deliveries
// for two. Every interleaving gives X's two, at the last hop.
constexpr const char* kTwoIn[] = {
    "Mar  3 10:00:00 mx postfix/cleanup[1]: AAAAA1: message-id=<m2@mod.gov.uk>",
    "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=2 (queue active)",
    "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as B2)",
    "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<carl@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as B2)",
    "Mar  3 10:00:03 mx postfix/qmgr[2]: AAAAA1: removed",
};
constexpr const char* kTwoOut[] = {
    "Mar  3 10:00:02 mx postfix/smtpd[4]: B2: client=localhost[127.0.0.1]",
    "Mar  3 10:00:02 mx postfix/cleanup[1]: B2: message-id=<m2@mod.gov.uk>",
    "Mar  3 10:00:02 mx postfix/smtp[3]: B2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
    "Mar  3 10:00:02 mx postfix/smtp[3]: B2: to=<carl@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
    "Mar  3 10:00:02 mx postfix/qmgr[2]: B2: removed",
};

TEST(PostfixLog, HandOffOfTwoRecipientsGivesTwoDeliveriesInAnyOrder) {
  int orders = EachInterleaving(kTwoIn, kTwoOut, [](const Collect& c, const PostfixLog& log,
                                                    const std::string& at) {
    ASSERT_EQ(c.attempts.size(), 2u) << at;
    EXPECT_NE(c.attempts[0].recipient, c.attempts[1].recipient) << at;
    for (const Seen& a : c.attempts) {
      EXPECT_EQ(a.queue_id, "B2") << at;
      EXPECT_EQ(a.hops, "AAAAA1 via 127.0.0.1[127.0.0.1]:10024") << at;
    }
    EXPECT_EQ(log.counts().hand_offs, 1u) << at;
  });
  EXPECT_EQ(orders, 252);  // 10 choose 5
}

// Issue 16, third round: a hand-off to a filter on this host whose reply
// names no queue id (relay= loopback, empty, "none", a pipe) was counted
// as a delivery and again at the filter's copy. Joined by Message-ID: the
// copy's lines may come in any order after A's first two.
constexpr const char* kNoIdIn[] = {
    "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok, id=01234-01)",
    "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<carl@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok, id=01234-01)",
    "Mar  3 10:00:03 mx postfix/qmgr[2]: AAAAA1: removed",
};

TEST(PostfixLog, HandOffWithoutAQueueIdJoinsByMessageId) {
  for (const char* relay : {"127.0.0.1[127.0.0.1]:10024", "", "none", "dfilt"}) {
    std::vector<std::string> in;
    for (const char* l : kNoIdIn) {
      std::string line = l;
      size_t at = line.find("127.0.0.1[127.0.0.1]:10024");
      if (at != std::string::npos) line.replace(at, 26, relay);
      in.push_back(line);
    }
    const char* head[] = {kTwoIn[0], kTwoIn[1]};
    const char* in_c[] = {in[0].c_str(), in[1].c_str(), in[2].c_str()};
    int orders = 0;
    for (uint32_t mask = 0; mask < (1u << 8); ++mask) {
      if (__builtin_popcount(mask) != 3) continue;
      ++orders;
      Collect c;
      PostfixLog log(PostfixLogOptions{}, &c);
      log.BeginFile("maillog", LineParser(2025));
      for (const char* h : head) log.Feed(h);
      size_t i = 0, o = 0;
      for (size_t k = 0; k < 8; ++k) log.Feed((mask >> k) & 1 ? in_c[i++] : kTwoOut[o++]);
      log.Finish();
      std::string at = std::string("relay=") + relay + " order " + std::to_string(mask);
      ASSERT_EQ(c.attempts.size(), 2u) << at;
      for (const Seen& a : c.attempts) EXPECT_EQ(a.queue_id, "B2") << at;
      EXPECT_EQ(log.counts().hand_offs, 1u) << at;
    }
    EXPECT_EQ(orders, 56);  // 8 choose 3
  }
}

TEST(PostfixLog, HandOffJoinsAcrossRotatedFilesInEitherOrder) {
  // The re-injected copy delivered and removed at the end of maillog.1,
  // the "queued as" naming it at the start of maillog.
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog.1", LineParser(2025));
  log.Feed(kFilterIn[0]);
  log.Feed(kFilterIn[1]);
  for (const char* line : kFilterOut) log.Feed(line);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed(kFilterIn[2]);
  log.Feed(kFilterIn[3]);
  log.Finish();
  ExpectOnceAtTheLastHop(c, log, "across maillog.1 and maillog");
}

TEST(PostfixLog, QueuedAsBeforeALocalIdWithAnotherMessageIdIsADelivery) {
  // "queued as BBBBB2" from a gateway on the internal network (not this
  // host: no loopback address); BBBBB2 then starts here, but its
  // Message-ID is another message's: the gateway's id only looked local.
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed(kFilterIn[0]);
  log.Feed(kFilterIn[1]);
  log.Feed("Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=gw.mod.gov.uk[10.0.0.5]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as BBBBB2)");
  log.Feed("Mar  3 10:00:04 mx postfix/smtpd[4]: BBBBB2: client=ws7[10.0.4.7]");
  log.Feed("Mar  3 10:00:04 mx postfix/cleanup[1]: BBBBB2: message-id=<other@mod.gov.uk>");
  log.Feed("Mar  3 10:00:05 mx postfix/qmgr[2]: BBBBB2: from=<carol@mod.gov.uk>, size=120, nrcpt=1 (queue active)");
  log.Feed("Mar  3 10:00:06 mx postfix/smtp[3]: BBBBB2: to=<dan@navy.ml>, relay=mx.navy.ml[192.0.2.2]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 2u);
  EXPECT_EQ(c.attempts[0].queue_id, "AAAAA1");
  EXPECT_EQ(c.attempts[0].hops, "");
  EXPECT_EQ(c.attempts[1].queue_id, "BBBBB2");
  EXPECT_EQ(c.attempts[1].hops, "");
  EXPECT_EQ(log.counts().hand_offs, 0u);
}

TEST(PostfixLog, LoopbackFilterThatReissuesTheMessageIdIsStillAHandOff) {
  // A content filter on 127.0.0.1 (a DLP or encryption gateway) gives the
  // copy a new Message-ID: its "queued as BBBBB2" is still this host's
  // BBBBB2 (LoopbackRelay), so the delivery counts once, at BBBBB2.
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed(kFilterIn[0]);
  log.Feed(kFilterIn[1]);
  log.Feed(kFilterIn[2]);
  log.Feed("Mar  3 10:00:04 mx postfix/smtpd[4]: BBBBB2: client=localhost[127.0.0.1]");
  log.Feed("Mar  3 10:00:04 mx postfix/cleanup[1]: BBBBB2: message-id=<reissued@filter.mod.gov.uk>");
  log.Feed("Mar  3 10:00:05 mx postfix/qmgr[2]: BBBBB2: from=<alice@mod.gov.uk>, size=120, nrcpt=1 (queue active)");
  log.Feed("Mar  3 10:00:06 mx postfix/smtp[3]: BBBBB2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9D1E)");
  log.Finish();
  ExpectOnceAtTheLastHop(c, log, "a re-issued Message-ID");
}

TEST(PostfixLog, AttemptsAreHeldForTheWindowOnly) {
  // Memory stays bounded: what is older than the window is passed on
  // while reading, not at the end.
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed(kFilterIn[1]);
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  EXPECT_EQ(c.attempts.size(), 0u);
  log.Feed("Mar  3 10:20:00 mx postfix/qmgr[2]: CCCCC3: from=<a@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  EXPECT_EQ(c.attempts.size(), 1u);
  EXPECT_EQ(log.held(), 0u);
}

}  // namespace
}  // namespace nearmiss::maillog

// A remote MX's "queued as X" whose X happens to be a queue id of this log
// (issue-16 tester, item 1): without both Message-IDs, nothing but X's own
// lines can show X is the message handed on. X that delivers only others,
// or ends unshown after a public relay, is another message: the remote MX's
// acceptance stands as a delivery, and X keeps its own sender, recipients
// and no hop. A real hand-off whose Message-ID lines are missing (a grep
// extract) is still followed, once, at its last hop.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_log.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

struct Outcome {
  std::vector<std::string> rows;  // "QID sender>rcpt status [hops]"
  uint64_t hand_offs = 0;
};

Outcome Read(std::initializer_list<const char*> lines) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  for (const char* l : lines) log.Feed(l);
  Outcome r;
  r.hand_offs = log.counts().hand_offs;
  log.Finish();
  for (const Seen& s : c.attempts) {
    r.rows.push_back(s.queue_id + " " + s.sender + ">" + s.recipient + " " + s.status +
                     (s.hops.empty() ? "" : " [" + s.hops + "]"));
  }
  return r;
}

using Rows = std::vector<std::string>;

constexpr const char* kToLookalike =
    "Nov  3 09:12:05 mail postfix/smtp[203]: 1A2B3C4D: to=<bob@army.ml>, "
    "relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, "
    "status=sent (250 2.0.0 Ok: queued as 5E6F7A8B)";
constexpr const char* kARemoved = "Nov  3 09:12:05 mail postfix/qmgr[202]: 1A2B3C4D: removed";
constexpr const char* kXFrom =
    "Nov  3 09:12:06 mail postfix/qmgr[202]: 5E6F7A8B: from=<dave@mod.gov.uk>, size=1000, "
    "nrcpt=1 (queue active)";
constexpr const char* kXToCarol =
    "Nov  3 09:12:07 mail postfix/smtp[203]: 5E6F7A8B: to=<carol@partner.example>, "
    "relay=mx.partner.example[192.0.2.9]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, "
    "status=sent (250 ok)";
constexpr const char* kXRemoved = "Nov  3 09:12:07 mail postfix/qmgr[202]: 5E6F7A8B: removed";

const Rows kTwoMessages = {"1A2B3C4D >bob@army.ml sent",
                           "5E6F7A8B dave@mod.gov.uk>carol@partner.example sent"};

TEST(PostfixCollision, RemoteQueuedAsNamingALocalQueueIdThatDeliversOthers) {
  // The tester's coll5.log: A's first lines are in the previous file.
  Outcome r = Read({kToLookalike, kARemoved,
                "Nov  3 09:12:06 mail postfix/smtpd[300]: 5E6F7A8B: client=ws[10.0.4.9]",
                "Nov  3 09:12:06 mail postfix/cleanup[201]: 5E6F7A8B: message-id=<other@mod.gov.uk>",
                kXFrom, kXToCarol, kXRemoved});
  EXPECT_EQ(r.rows, kTwoMessages);
  EXPECT_EQ(r.hand_offs, 0u);
  // coll4.log (a grep -v message-id extract): no Message-ID at all.
  EXPECT_EQ(Read({kToLookalike, kARemoved, kXFrom, kXToCarol, kXRemoved}).rows, kTwoMessages);
  // coll.log: A's Message-ID known, X's not.
  Outcome known = Read({"Nov  3 09:12:00 mail postfix/cleanup[201]: 1A2B3C4D: message-id=<c1@mod.gov.uk>",
                    "Nov  3 09:12:00 mail postfix/qmgr[202]: 1A2B3C4D: from=<alice@mod.gov.uk>, size=1000, nrcpt=1 (queue active)",
                    kToLookalike, kARemoved, kXFrom, kXToCarol, kXRemoved});
  EXPECT_EQ(known.rows, (Rows{"1A2B3C4D alice@mod.gov.uk>bob@army.ml sent",
                              "5E6F7A8B dave@mod.gov.uk>carol@partner.example sent"}));
}

TEST(PostfixCollision, LocalQueueIdThatDeliveredOthersBeforeTheQueuedAs) {
  // X's lines first (its delivery held), then A's "queued as X": X has a
  // delivery of its own, none to bob.
  EXPECT_EQ(Read({kXFrom, kXToCarol, kToLookalike, kARemoved, kXRemoved}).rows,
            (Rows{"5E6F7A8B dave@mod.gov.uk>carol@partner.example sent",
                  "1A2B3C4D >bob@army.ml sent"}));
  // X seen (no attempt yet) before the reply, then delivering carol.
  EXPECT_EQ(Read({kXFrom, kToLookalike, kARemoved, kXToCarol, kXRemoved}).rows,
            (Rows{"1A2B3C4D >bob@army.ml sent",
                  "5E6F7A8B dave@mod.gov.uk>carol@partner.example sent"}));
}

TEST(PostfixCollision, LocalQueueIdEndingUnshownAfterAPublicRelay) {
  // X starts and ends (or the log ends) with no delivery: nothing shows it
  // was handed bob by a public MX.
  EXPECT_EQ(Read({kToLookalike, kARemoved, kXFrom, kXRemoved}).rows,
            (Rows{"1A2B3C4D >bob@army.ml sent"}));
  EXPECT_EQ(Read({kToLookalike, kARemoved, kXFrom}).rows, (Rows{"1A2B3C4D >bob@army.ml sent"}));
}

// The family's other side: hand-offs whose Message-ID lines are missing are
// still followed, once, at the last hop, in either order of the lines.
TEST(PostfixCollision, ContentFilterWithoutMessageIdsIsStillFollowed) {
  const char* a_from =
      "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=1 (queue active)";
  const char* a_to =
      "Mar  3 10:00:03 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, "
      "delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): "
      "250 2.0.0 Ok: queued as BBBBB2)";
  const char* a_removed = "Mar  3 10:00:03 mx postfix/qmgr[2]: AAAAA1: removed";
  const char* b_client = "Mar  3 10:00:02 mx postfix/smtpd[4]: BBBBB2: client=localhost[127.0.0.1]";
  const char* b_from =
      "Mar  3 10:00:04 mx postfix/qmgr[2]: BBBBB2: from=<alice@mod.gov.uk>, size=120, nrcpt=1 (queue active)";
  const char* b_to =
      "Mar  3 10:00:05 mx postfix/smtp[3]: BBBBB2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, "
      "delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9D1E)";
  const char* b_removed = "Mar  3 10:00:05 mx postfix/qmgr[2]: BBBBB2: removed";
  const Rows once = {
      "BBBBB2 alice@mod.gov.uk>bob@army.ml sent [AAAAA1 via 127.0.0.1[127.0.0.1]:10024]"};
  // X's first line before the reply (the usual order), and after it.
  Outcome usual = Read({a_from, b_client, a_to, a_removed, b_from, b_to, b_removed});
  EXPECT_EQ(usual.rows, once);
  EXPECT_EQ(usual.hand_offs, 1u);
  Outcome late = Read({a_from, a_to, a_removed, b_client, b_from, b_to, b_removed});
  EXPECT_EQ(late.rows, once);
  EXPECT_EQ(late.hand_offs, 1u);
  // The filter's copy never delivered (log cut): a loopback hand-off is
  // still no delivery of bob; its outcome is unknown, with the hop.
  Outcome cut = Read({a_from, b_client, a_to, a_removed, b_from, b_removed});
  ASSERT_EQ(cut.rows.size(), 1u);
  EXPECT_EQ(cut.rows[0],
            "BBBBB2 alice@mod.gov.uk>bob@army.ml unknown [AAAAA1 via 127.0.0.1[127.0.0.1]:10024]");
}

}  // namespace
}  // namespace nearmiss::maillog

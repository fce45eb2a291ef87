#include "maillog/postfix_log.h"

#include <gtest/gtest.h>

#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "maillog/log_files.h"
#include "maillog/timestamp.h"

namespace nearmiss::maillog {
namespace {

struct Seen {
  std::string time, queue_id, sender, recipient, status, relay, message_id, status_text, hops;
};

class Collect final : public DeliverySink {
 public:
  void OnAttempt(const Attempt& a) override {
    attempts.push_back({FormatTime(a.time), std::string(a.queue_id), std::string(a.sender),
                        std::string(a.recipient), std::string(a.status), std::string(a.relay),
                        std::string(a.message_id), std::string(a.status_text),
                        std::string(a.hops)});
  }
  void OnDone(std::string_view id) override { done.emplace_back(BareQueueId(id)); }
  std::vector<Seen> attempts;
  std::vector<std::string> done;
};

// The filtered message of the hand-off tests: one delivery, from the
// re-injected queue id, after one hop; `context` names the case.
void ExpectOnceAtTheLastHop(const Collect& c, const PostfixLog& log, const std::string& context) {
  ASSERT_EQ(c.attempts.size(), 1u) << context;
  EXPECT_EQ(c.attempts[0].queue_id, "BBBBB2") << context;
  EXPECT_EQ(c.attempts[0].hops, "AAAAA1 via 127.0.0.1[127.0.0.1]:10024") << context;
  EXPECT_EQ(log.counts().hand_offs, 1u) << context;
}

// Found by the issue-14 tester (round 3, item 7): with [domains]
// organisation set, mail received (an outside sender, delivered by lmtp,
// local or virtual to a mailbox here) and mail relayed for an outside
// sender were learned as the organisation's relationships. Skipped and
// counted as received, as a trace's inbound rows are; the organisation's
// own senders (and subdomains), a null sender and an unlogged sender stay.
TEST(PostfixLog, LearningSkipsMailFromOutsideSenders) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2026;
  o.learning = true;
  // As learn asks the policy (InOrganisation): without case, subdomains in.
  o.own_domain = [](std::string_view d) {
    std::string lower(d);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return lower == "mod.example" || lower.ends_with(".mod.example");
  };
  PostfixLog log(o, &c);
  const std::string q = " mx postfix/qmgr[10]: ";
  const std::string tail = ", size=900, nrcpt=1 (queue active)";
  auto message = [&](const std::string& id, const std::string& from, const std::string& to,
                     const std::string& agent, const std::string& relay) {
    log.Feed("Sep  1 10:00:00" + q + id + ": from=<" + from + ">" + tail);
    log.Feed("Sep  1 10:00:01 mx postfix/" + agent + "[13]: " + id + ": to=<" + to + ">, relay=" +
             relay + ", delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)");
    log.Feed("Sep  1 10:00:02" + q + id + ": removed");
  };
  message("A00001", "spam@attacker.example", "hank@mod.example", "lmtp",
          "mail.mod.example[private/dovecot-lmtp]");
  message("A00002", "Friend@Other.Example", "hank@mod.example", "local", "local");
  message("A00003", "list@lists.example", "someone@elsewhere.example", "smtp", "mx.e[192.0.2.7]:25");
  message("A00004", "hank@mod.example", "vic@partner.example", "smtp", "mx.p[192.0.2.8]:25");
  message("A00006", "ann@SUB.mod.example", "vic@partner.example", "smtp", "mx.p[192.0.2.8]:25");
  message("A00007", "", "hank@partner.example", "smtp", "mx.p[192.0.2.8]:25");
  log.Finish();
  std::vector<std::string> senders;
  for (const Seen& s : c.attempts) senders.push_back(s.sender);
  EXPECT_EQ(senders, (std::vector<std::string>{"hank@mod.example", "ann@SUB.mod.example", ""}));
  EXPECT_EQ(log.counts().inbound_rows, 3u);
  EXPECT_EQ(log.counts().first_inbound_row_line, 2u);
}

TEST(PostfixLog, InterleavedRetriesAndRemoval) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2024;
  PostfixLog log(o, &c);
  for (const char* line : {
           "Mar  3 10:00:00 mx postfix/cleanup[1]: AAAAA1: message-id=<m1@mod.gov.uk>",
           "Mar  3 10:00:00 mx postfix/cleanup[1]: BBBBB2: message-id=<m2@mod.gov.uk>",
           "Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=2 (queue active)",
           "Mar  3 10:00:01 mx postfix/qmgr[2]: BBBBB2: from=<>, size=50, nrcpt=1 (queue active)",
           "Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=4.4.1, status=deferred (connect timed out)",
           "Mar  3 10:00:02 mx postfix/smtp[3]: BBBBB2: to=<x@y.org>, relay=none, delay=1, dsn=5.1.1, status=bounced (user unknown)",
           "Mar  3 10:00:03 mx postfix/qmgr[2]: BBBBB2: removed",
           "Mar  3 10:10:01 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=2 (queue active)",
           "Mar  3 10:10:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, orig_to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=601, dsn=2.0.0, status=sent (250 ok)",
           "Mar  3 10:10:03 mx postfix/qmgr[2]: AAAAA1: removed",
       }) {
    log.Feed(line);
  }
  log.Finish();  // attempts wait for the hand-off window until then
  ASSERT_EQ(c.attempts.size(), 3u);
  EXPECT_EQ(c.attempts[0].status, "deferred");
  EXPECT_EQ(c.attempts[0].sender, "alice@mod.gov.uk");
  EXPECT_EQ(c.attempts[0].message_id, "m1@mod.gov.uk");
  EXPECT_EQ(c.attempts[0].relay, "mx.army.ml[192.0.2.1]:25");
  EXPECT_EQ(c.attempts[1].sender, "");
  EXPECT_EQ(c.attempts[1].status, "bounced");
  EXPECT_EQ(c.attempts[2].status, "sent");
  EXPECT_EQ(c.attempts[2].time, "2024-03-03T10:10:02");
  EXPECT_EQ(c.done, (std::vector<std::string>{"BBBBB2", "AAAAA1"}));
  EXPECT_EQ(log.open_queues(), 0u);
}

TEST(PostfixLog, ForgetsIdleQueuesSoMemoryStaysBounded) {
  Collect c;
  PostfixLogOptions o;
  o.year = 2024;
  o.max_queues = 100;
  PostfixLog log(o, &c);
  char line[160];
  for (int i = 0; i < 10000; ++i) {
    std::snprintf(line, sizeof line,
                  "Mar  3 10:%02d:%02d mx postfix/qmgr[2]: %06X: from=<a@b.c>, size=1, nrcpt=1 "
                  "(queue active)",
                  (i / 60) % 60, i % 60, 0xA00000 + i);
    log.Feed(line);
    EXPECT_LE(log.open_queues(), 101u);
  }
  EXPECT_GT(c.done.size(), 9000u);
}

TEST(OrderRotated, OldestFirst) {
  EXPECT_EQ(OrderRotated({"maillog", "maillog.1", "maillog.3.gz", "maillog.2.gz"}),
            (std::vector<std::string>{"maillog.3.gz", "maillog.2.gz", "maillog.1", "maillog"}));
  EXPECT_EQ(OrderRotated({"mail.log-20240308", "mail.log", "mail.log-20240301.gz"}),
            (std::vector<std::string>{"mail.log-20240301.gz", "mail.log-20240308", "mail.log"}));
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

TEST(PostfixLog, ProbesAreNotDeliveriesAndExpiredIsAFailure) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<double-bounce@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.1.5, status=deliverable (250 2.1.5 Ok)");
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<eve@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=undeliverable (550 5.1.1 no)");
  log.Feed("Mar  8 10:00:01 mx postfix/qmgr[2]: BBBBB2: from=<a@mod.gov.uk>, status=expired, returned to sender");
  log.Feed("Mar  8 10:00:01 mx postfix/smtp[3]: BBBBB2: to=<x@army.ml>, relay=none, delay=1, delays=0/0/0/1, dsn=4.4.1, status=frobbed (what)");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 1u);
  EXPECT_EQ(c.attempts[0].status, "expired");
  EXPECT_EQ(c.attempts[0].status_text, "returned to sender");
  EXPECT_EQ(log.counts().probes, 2u);
  EXPECT_EQ(log.counts().not_understood, 1u);
  EXPECT_EQ(log.counts().first_not_understood_line, 5u);
}

TEST(PostfixLog, YearCarriesAcrossARotatedSetFromDecemberIntoJanuary) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  // maillog.1's first line is in 2025 (year_anchor.h found it from its bound).
  log.BeginFile("maillog.1", LineParser(2025));
  log.Feed("Dec 31 23:59:00 mx postfix/qmgr[2]: AAAAA1: from=<a@mod.gov.uk>, size=1, nrcpt=1 (queue active)");
  log.Feed("Dec 31 23:59:01 mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  log.Feed("Jan  1 00:00:01 mx postfix/smtp[3]: AAAAA1: to=<c@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  // The live file's own bound would allow 2027 (a copy made later); its
  // year carries on from the set instead of restarting.
  constexpr const char* kLive =
      "Jan  2 00:00:01 mx postfix/smtp[3]: AAAAA1: to=<d@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile("maillog", LineParser(2027), kLive, "modification time 2027-06-01T00:00:00");
  log.Feed(kLive);
  // Issue 16: the two disagree, so it is said which was taken.
  EXPECT_EQ(log.counts().year_not_carried,
            "the year carries on from maillog.1 (2026), though this file's modification time "
            "2027-06-01T00:00:00 alone would put its first line in 2027: check their dates, or "
            "give --year");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 3u);
  EXPECT_EQ(c.attempts[0].time, "2025-12-31T23:59:01");
  EXPECT_EQ(c.attempts[1].time, "2026-01-01T00:00:01");
  EXPECT_EQ(c.attempts[2].time, "2026-01-02T00:00:01");
}

// A rotated set whose later file's bound is before where the carried year
// would put it: the bound wins (no date after it), and the file says so.
TEST(PostfixLog, YearNeverCarriesPastTheFilesBound) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog.1", LineParser(2026));
  log.Feed("Dec 31 23:59:01 mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  constexpr const char* kLive =
      "Jan  2 00:00:01 mx postfix/smtp[3]: AAAAA2: to=<d@army.ml>, relay=r[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile("maillog", LineParser(2026), kLive, "modification time 2026-01-09T10:00:00");
  log.Feed(kLive);
  EXPECT_EQ(log.counts().year_not_carried,
            "the year does not carry on from maillog.1 (2027) as that would put this file's "
            "lines after its modification time 2026-01-09T10:00:00; its first line is read as "
            "2026, so the years go back between the two files: check their dates, or give "
            "--year");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 2u);
  EXPECT_EQ(c.attempts[1].time, "2026-01-02T00:00:01");
}

// Two files of one rotated set, one line each: `first` read in `year`, then
// `next` whose own bound (`bound`) gives `own_year` (`overlap`: why
// year_plan.h read it as overlapping `first`). The times of both lines,
// and what the second file's counts say of its year.
struct RotatedPair {
  std::vector<std::string> times;
  std::string year_note;
};
RotatedPair ReadPair(const std::string& first_name, int year, const std::string& first,
                     const std::string& next_name, int own_year, const std::string& next,
                     const std::string& bound, const std::string& overlap = "") {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  const std::string tail =
      " mx postfix/smtp[3]: AAAAA1: to=<b@army.ml>, relay=r[192.0.2.1]:25, delay=1, "
      "delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)";
  log.BeginFile(first_name, LineParser(year));
  log.Feed(first + tail);
  std::string next_tail = tail;
  next_tail.replace(next_tail.find("AAAAA1"), 6, "AAAAA2");
  const std::string line = next + next_tail;
  log.BeginFile(next_name, LineParser(own_year), line, bound, overlap);
  log.Feed(line);
  RotatedPair out{{}, log.counts().year_not_carried};
  log.Finish();
  for (const Seen& a : c.attempts) out.times.push_back(a.time);
  return out;
}

// Issue 16 (second round, 3): maillog.2 (3-9 November, modified 2025-11-10)
// then maillog.1 (2-8 November, modified 2026-11-09): carried on, maillog.1
// would start a week before maillog.2 ended, which rotation never does; a
// year is missing between them. Its own bound decides, and it is said.
TEST(PostfixLog, AGapInTheSetLeavesEachFileInItsOwnBoundsYear) {
  RotatedPair r = ReadPair("maillog.2", 2025, "Nov  9 10:00:01", "maillog.1", 2026,
                           "Nov  2 10:00:01", "modification time 2026-11-09T00:00:00");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2025-11-09T10:00:01", "2026-11-02T10:00:01"}));
  EXPECT_EQ(r.year_note,
            "the year does not carry on from maillog.2 (2025) as that would start this file "
            "before that one's last line; its modification time 2026-11-09T00:00:00 puts its "
            "first line in 2026, so a year or more is missing between the two files: check "
            "their dates, or give --year");
  // dateext names, both 28-31 December: 2024 and 2025, not both 2024.
  r = ReadPair("mail.log-20250101", 2024, "Dec 31 10:00:01", "mail.log-20260101", 2025,
               "Dec 28 10:00:01", "name date 2026-01-01");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2024-12-31T10:00:01", "2025-12-28T10:00:01"}));
  EXPECT_NE(r.year_note, "");
}

// Issue 14 (breaker round 5, 2): year_plan.h read maillog.1 as overlapping
// maillog.2 (the same deliveries from 4 to 10 November). Carried on, its 4
// November would be a year later; the plan's year wins, and the note says
// the files overlap, not that a year is missing.
TEST(PostfixLog, AnOverlapKeepsThePlannedYearAndSaysSo) {
  RotatedPair r = ReadPair("maillog.2", 2026, "Nov 10 10:00:00", "maillog.1", 2026,
                           "Nov  4 10:00:00", "modification time 2026-11-12T12:00:00",
                           "the previous file's last line is in this one too");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2026-11-10T10:00:00", "2026-11-04T10:00:00"}));
  EXPECT_EQ(r.year_note,
            "this file overlaps maillog.2 (2026): its first line is 6 days before that one's "
            "last, and the previous file's last line is in this one too; both are read with no "
            "year between them, a delivery in both is the same one: check for a copy taken "
            "twice, or give --year");
}

// An RSYSLOG_FileFormat file (stamps with their year) and then a
// traditional one of its set: the year carries on from the dated lines,
// and that the second file's own bound says otherwise is said.
TEST(PostfixLog, YearCarriesOnFromAFileWhoseStampsHaveIt) {
  RotatedPair r = ReadPair("maillog.1", 2026, "2024-12-31T23:00:01+00:00", "maillog", 2026,
                           "Jan  1 10:00:01", "modification time 2026-11-09T00:00:00");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2024-12-31T23:00:01", "2025-01-01T10:00:01"}));
  EXPECT_NE(r.year_note, "");
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

// A recipient the guard cannot judge is counted and named, never dropped.
TEST(PostfixLog, UnparsableRecipientIsNotUnderstood) {
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed("Mar  3 10:00:01 mx postfix/qmgr[2]: AAAAA1: from=<>, size=1, nrcpt=2 (queue active)");
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<bob@army..ml>, relay=none, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
  log.Feed("Mar  3 10:00:02 mx postfix/smtp[3]: AAAAA1: to=<eve@army.ml>, relay=none, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (no)");
  log.Feed("Mar  3 10:00:03 mx postfix/smtp[3]: CCC: to=<>, relay=none, delay=1, delays=0/0/0/1, dsn=4.0.0, status=expired (gone)");
  log.Finish();
  ASSERT_EQ(c.attempts.size(), 1u);
  EXPECT_EQ(c.attempts[0].recipient, "eve@army.ml");
  EXPECT_EQ(log.counts().not_understood, 2u);
  EXPECT_EQ(log.counts().unparsable_recipients, 2u);
  EXPECT_EQ(log.counts().first_unparsable_recipient_line, 2u);
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
  // "queued as BBBBB2" first; BBBBB2 then starts here, but its Message-ID
  // is another message's: the remote server's id only looked local.
  Collect c;
  PostfixLog log(PostfixLogOptions{}, &c);
  log.BeginFile("maillog", LineParser(2025));
  log.Feed(kFilterIn[0]);
  log.Feed(kFilterIn[1]);
  log.Feed(kFilterIn[2]);
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

// Which file a hand-off is counted in: the file of its "queued as" line,
// whichever file the next queue id's lines are in (issue-16 tester, item
// 10: a content filter's hand-off on 31 December was counted in January's
// file, where the re-injected copy was delivered).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "maillog/log_line.h"
#include "maillog/postfix_log.h"
#include "maillog/postfix_test_util.h"

namespace nearmiss::maillog {
namespace {

// A's lines: its Message-ID, its sender, its hand-off to the filter
// ("queued as BBBBB2"), its end.
constexpr const char* kA[] = {
    "Mar  3 09:59:50 mx postfix/cleanup[1]: AAAAA1: message-id=<m1@mod.gov.uk>",
    "Mar  3 09:59:51 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=1 (queue active)",
    "Mar  3 09:59:58 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BBBBB2)",
    "Mar  3 09:59:58 mx postfix/qmgr[2]: AAAAA1: removed",
};
// The re-injected copy, BBBBB2, delivered to the look-alike's MX.
constexpr const char* kB[] = {
    "Mar  3 09:59:59 mx postfix/smtpd[4]: BBBBB2: client=localhost[127.0.0.1]",
    "Mar  3 10:00:00 mx postfix/cleanup[1]: BBBBB2: message-id=<m1@mod.gov.uk>",
    "Mar  3 10:00:01 mx postfix/qmgr[2]: BBBBB2: from=<alice@mod.gov.uk>, size=120, nrcpt=1 (queue active)",
    "Mar  3 10:00:03 mx postfix/smtp[3]: BBBBB2: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.1]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
    "Mar  3 10:00:04 mx postfix/qmgr[2]: BBBBB2: removed",
};

// Reads `files` (each a list of lines) as ReadLog does, one rotated set
// whose year carries on, and returns each file's hand-offs: its counts()
// at its end plus what late_hand_offs() adds once the input is finished.
std::vector<int64_t> HandOffsByFile(const std::vector<std::vector<std::string>>& files,
                                    Collect* c) {
  PostfixLog log(PostfixLogOptions{}, c);
  std::vector<int64_t> n;
  for (size_t f = 0; f < files.size(); ++f) {
    log.BeginFile("maillog", LineParser(2025));
    for (const std::string& line : files[f]) log.Feed(line);
    log.EndFile();
    n.push_back(static_cast<int64_t>(log.counts().hand_offs));
  }
  log.Finish();
  for (size_t f = 0; f < log.late_hand_offs().size() && f < n.size(); ++f) {
    n[f] += log.late_hand_offs()[f];
  }
  return n;
}

std::vector<std::string> Lines(std::initializer_list<const char*> lines) {
  return {lines.begin(), lines.end()};
}

TEST(PostfixLogFiles, HandOffCountsInTheFileOfItsQueuedAsLine) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> files;
    std::vector<int64_t> want;
  };
  const std::vector<Case> cases = {
      {"the next queue id wholly in the next file",
       {Lines({kA[0], kA[1], kA[2], kA[3]}), Lines({kB[0], kB[1], kB[2], kB[3], kB[4]})},
       {1, 0}},
      {"its client= line in the same file, the rest in the next (the tester's maillog.1.gz)",
       {Lines({kA[0], kA[1], kA[2], kA[3], kB[0]}), Lines({kB[1], kB[2], kB[3], kB[4]})},
       {1, 0}},
      {"over three files",
       {Lines({kA[0], kA[1], kA[2], kA[3]}), Lines({kB[0], kB[1]}), Lines({kB[2], kB[3], kB[4]})},
       {1, 0, 0}},
      {"the next queue id first, the queued-as line in the next file",
       {Lines({kA[0], kA[1], kB[0], kB[1], kB[2], kB[3], kB[4]}), Lines({kA[2], kA[3]})},
       {0, 1}},
      {"all in one file", {Lines({kA[0], kA[1], kA[2], kA[3], kB[0], kB[1], kB[2], kB[3], kB[4]})},
       {1}},
  };
  for (const Case& k : cases) {
    Collect c;
    EXPECT_EQ(HandOffsByFile(k.files, &c), k.want) << k.name;
    // The message itself, whatever the files: once, at its last hop.
    ASSERT_EQ(c.attempts.size(), 1u) << k.name;
    EXPECT_EQ(c.attempts[0].queue_id, "BBBBB2") << k.name;
    EXPECT_EQ(c.attempts[0].hops, "AAAAA1 via 127.0.0.1[127.0.0.1]:10024") << k.name;
  }
}

TEST(PostfixLogFiles, AJoinUndoneInALaterFileIsUncountedWhereItWasCounted) {
  // A's "queued as BBBBB2" through a public relay (a remote MX), no
  // Message-ID logged for A: a local BBBBB2 starting in the next file is
  // joined until it delivers a recipient A never handed on (issue-16
  // tester, item 1). Undone there, the count it had in the first file goes.
  Collect c;
  const std::vector<int64_t> n = HandOffsByFile(
      {Lines({"Mar  3 09:59:51 mx postfix/qmgr[2]: AAAAA1: from=<alice@mod.gov.uk>, size=100, nrcpt=1 (queue active)",
              "Mar  3 09:59:58 mx postfix/smtp[3]: AAAAA1: to=<bob@army.ml>, relay=mx.army.ml[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as BBBBB2)",
              "Mar  3 09:59:58 mx postfix/qmgr[2]: AAAAA1: removed"}),
       Lines({"Mar  3 10:00:00 mx postfix/smtpd[4]: BBBBB2: client=ws7[10.0.4.7]",
              "Mar  3 10:00:01 mx postfix/qmgr[2]: BBBBB2: from=<dave@mod.gov.uk>, size=120, nrcpt=1 (queue active)",
              "Mar  3 10:00:03 mx postfix/smtp[3]: BBBBB2: to=<carol@partner.example>, relay=mx.partner.example[192.0.2.9]:25, delay=2, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
              "Mar  3 10:00:04 mx postfix/qmgr[2]: BBBBB2: removed"})},
      &c);
  EXPECT_EQ(n, (std::vector<int64_t>{0, 0}));
  ASSERT_EQ(c.attempts.size(), 2u);
  EXPECT_EQ(c.attempts[0].queue_id, "AAAAA1");
  EXPECT_EQ(c.attempts[0].status, "sent");
  EXPECT_EQ(c.attempts[1].recipient, "carol@partner.example");
  EXPECT_EQ(c.attempts[1].hops, "");
}

}  // namespace
}  // namespace nearmiss::maillog

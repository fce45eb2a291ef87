// Heap allocations on the milter's per-message path (bench/milter-
// instructions, round 38): the message buffer and the decision-log line.
// This binary links the counting operator new (base/alloc_counter.h).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

#include "base/alloc_counter.h"
#include "milter/decision_log.h"
#include "milter/transaction.h"

namespace nearmiss::milter {
namespace {

// Session::Handle's appends for bench/milter_replay.py's message: five
// header lines, the blank line, a 10 KB body in one chunk.
void AppendMessage(std::string_view body, Transaction* tx) {
  constexpr std::pair<std::string_view, std::string_view> kHeaders[] = {
      {"Received", "from localhost (localhost [127.0.0.1])\n\tby bench.nearmiss.test "
                   "(Postfix) with ESMTP id 4Q00000001\n\tfor <dave@example.com>; Wed,  2 "
                   "Dec 2026 03:50:00 +0000 (UTC)"},
      {"From", "alice@mod.gov.uk"},
      {"To", "dave@example.com"},
      {"Subject", "OFFICIAL-SENSITIVE: plan"},
      {"Message-ID", "<bench-3@mod.gov.uk>"}};
  for (const auto& [name, value] : kHeaders) {
    tx->Append(name);
    tx->Append(": ");
    tx->Append(value);
    tx->Append("\r\n");
  }
  tx->Append("\r\n");
  tx->Append(body);
}

TEST(MilterAllocTest, AMessageBufferTakesTwoAllocations) {
  Transaction tx;
  tx.max_bytes = 10 << 20;
  std::string body(10 * 1024, 'x');
  uint64_t before = base::ThreadAllocations();
  AppendMessage(body, &tx);
  EXPECT_EQ(base::ThreadAllocations() - before, 2u);
  EXPECT_EQ(tx.message.size(), tx.seen_bytes);
  EXPECT_TRUE(tx.message.ends_with(body));
}

TEST(MilterAllocTest, AMessageLineIsOneAllocation) {
  Transaction tx;
  tx.session_id = 7;
  tx.queue_id = "4Q00000001";
  tx.sender = "alice@mod.gov.uk";
  tx.seen_bytes = 10866;
  Decision d;
  RecipientDecision r;
  r.recipient = "dave@example.com";
  r.verdict = Verdict::kExternal;
  r.action = Action::kTag;
  r.rule.id = "rule 9 'official-sensitive-outside' (default.toml:120:1)";
  d.recipients.push_back(r);
  d.level = content::Level::kOfficialSensitive;
  d.rule = r.rule;
  d.message_action = Action::kTag;
  content::Sensitivity s;
  s.level = content::Level::kOfficialSensitive;
  content::Finding f;
  f.marking = "OFFICIAL-SENSITIVE";
  f.pack = "uk";
  f.level = content::Level::kOfficialSensitive;
  f.where = "subject";
  f.text = "OFFICIAL-SENSITIVE";
  f.strength = content::Strength::kStrong;
  s.findings.push_back(f);
  uint64_t before = base::ThreadAllocations();
  std::string line = MessageLogLine(tx, d, s, "continue", 0.251, {});
  EXPECT_EQ(base::ThreadAllocations() - before, 1u) << line;
  EXPECT_NE(line.find(R"("check_ms":0.251,)"), std::string::npos) << line;
}

}  // namespace
}  // namespace nearmiss::milter

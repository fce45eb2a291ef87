// The tag header on a message the milter lets through or holds (issue 14
// breaker, item 4): it travels to every recipient, outside ones included,
// and stays on a held message that the sender's link or an admin releases,
// so it must never name another correspondent or how often the
// organisation writes to them. Every path that writes it is taken: confirm
// (held, released by the sender's link), hold (released by an admin), tag
// and warn (delivered at once), each with an address-typo recipient.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "milter/checker.h"
#include "milter/transaction.h"
#include "nearmiss/engine.h"

namespace nearmiss::milter {
namespace {

// alice writes to maria.garcia@partner.example often; `action` is what the
// address-typo rule does.
std::shared_ptr<const Checker> TypoChecker(Action action) {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 16, 1'700'000'000, 1'704'000'000, false});
  h.correspondents.push_back(
      {"alice@mod.example", "maria.garcia@partner.example", 16, 1'700'000'000, 1'704'000'000});
  h.taken_at = 1'704'100'000;
  Result<Policy> policy = DefaultPolicy();
  EXPECT_TRUE(policy.ok());
  for (Rule& r : policy->rules) {
    if (r.name == "address-typo") r.action = action;
  }
  auto engine = Engine::Compile(*policy, &h);
  EXPECT_TRUE(engine.ok()) << engine.error().message();
  return MakeEngineChecker(*engine);
}

// The value of the X-Nearmiss header the replies add; "" when none.
std::string TagHeader(const std::string& replies) {
  const std::string name = std::string("X-Nearmiss") + '\0';
  size_t at = replies.find(name);
  if (at == std::string::npos) return {};
  at += name.size();
  return replies.substr(at, replies.find('\0', at) - at);
}

// The end of a message from `sender` to `rcpts` (each judged at RCPT as the
// milter does), whose headers and body are `message`.
EomOutcome Finish(const std::shared_ptr<const Checker>& checker, const char* queue_id,
                  const char* sender, std::initializer_list<const char*> rcpts,
                  std::string_view message) {
  Transaction tx;
  tx.queue_id = queue_id;
  tx.sender = sender;
  tx.checker = checker;
  tx.max_bytes = 1 << 20;
  for (const char* rcpt : rcpts) {
    TxRecipient r;
    r.raw = "<" + std::string(rcpt) + ">";
    r.check = checker->CheckRecipient(r.raw);
    r.decision = checker->DecideRecipient(tx.sender, r.check, MailPath::kSmtp);
    tx.recipients.push_back(std::move(r));
  }
  tx.Append(message);
  return FinishMessage(tx, EomContext{});
}

EomOutcome SendToSlip(const std::shared_ptr<const Checker>& checker) {
  return Finish(checker, "4F2A91C3B", "alice@mod.example",
                {"maria.garsia@partner.example", "wei.zhang@partner.example"},
                "From: Alice <alice@mod.example>\r\nTo: maria.garsia@partner.example, "
                "wei.zhang@partner.example\r\nSubject: t1\r\n\r\nhi\r\n");
}

TEST(MilterTagHeaderTest, NamesNoOtherCorrespondentOnAnyPath) {
  for (Action action : {Action::kConfirm, Action::kHold, Action::kTag, Action::kWarn}) {
    const std::string name(ActionName(action));
    EomOutcome out = SendToSlip(TypoChecker(action));
    const std::string tag = TagHeader(out.replies);
    ASSERT_FALSE(tag.empty()) << name << ": " << out.log_line;
    EXPECT_EQ(tag.find("maria.garcia"), std::string::npos) << name << ": " << tag;
    EXPECT_EQ(tag.find("written to"), std::string::npos) << name << ": " << tag;
    EXPECT_EQ(tag.find("regular correspondent"), std::string::npos) << name << ": " << tag;
    EXPECT_EQ(tag.find("did you mean"), std::string::npos) << name << ": " << tag;
    // What was done and by which rule is still said, by its codes; a
    // confirm hold is marked with the hold id its notice's links carry.
    std::string want = name + "; level=none; rule=address-typo; reasons=address-typo";
    if (action == Action::kConfirm) {
      ASSERT_TRUE(out.confirm.has_value());
      EXPECT_EQ(out.confirm->hold_id.size(), 16u);
      want += "; hold-id=" + out.confirm->hold_id;
    }
    EXPECT_EQ(tag, want) << name;
  }
  // The sender's notice still carries the whole reason and the suggestion.
  EomOutcome confirm = SendToSlip(TypoChecker(Action::kConfirm));
  ASSERT_TRUE(confirm.confirm.has_value());
  EXPECT_EQ(confirm.confirm->recipients[0].suggestion, "maria.garcia@partner.example");
}

// Issue-14 tester, round 42, item 3: Postfix reuses queue ids, so the
// notice's links name the held message by a hold id of its own (random:
// two holds never share one) and its Message-ID as the milter read it.
TEST(MilterTagHeaderTest, AConfirmHoldIsMarkedForItsLinks) {
  const auto checker = TypoChecker(Action::kConfirm);
  EomOutcome a = Finish(checker, "4F2A91C3B", "alice@mod.example", {"maria.garsia@partner.example"},
                        "Message-ID: <m1@mod.example>\r\nSubject: a\r\n\r\nhi\r\n");
  EomOutcome b = Finish(checker, "4F2A91C3B", "alice@mod.example", {"maria.garsia@partner.example"},
                        "Subject: b\r\n\r\nhi\r\n");
  ASSERT_TRUE(a.confirm.has_value() && b.confirm.has_value());
  EXPECT_EQ(a.confirm->message_id, "m1@mod.example");
  EXPECT_EQ(b.confirm->message_id, "");
  EXPECT_NE(a.confirm->hold_id, b.confirm->hold_id);
  EXPECT_NE(TagHeader(a.replies).find("; hold-id=" + a.confirm->hold_id), std::string::npos);
  // A plain hold gets none (no link names it).
  EomOutcome held = SendToSlip(TypoChecker(Action::kHold));
  EXPECT_EQ(TagHeader(held.replies).find("hold-id="), std::string::npos);
}

// A content rule's message is rendered per recipient ("{level} message sent
// to {recipient}, outside the organisation"): written into the header it
// named every recipient, Bcc ones included, to all the others.
TEST(MilterTagHeaderTest, ContentRuleNamesNoRecipientBccIncluded) {
  Result<Policy> policy = DefaultPolicy();
  ASSERT_TRUE(policy.ok());
  auto engine = Engine::Compile(*policy, nullptr);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  EomOutcome out =
      Finish(MakeEngineChecker(*engine), "6D6D6D6D6C", "alice@mod.gov.uk",
             {"john.smith@partner.example", "hidden.bcc@bank.example"},
             "From: alice@mod.gov.uk\r\nTo: john.smith@partner.example\r\n"
             "Subject: OFFICIAL-SENSITIVE: budget\r\n\r\nOFFICIAL-SENSITIVE\r\n\r\n"
             "Budget figures attached.\r\n");
  const std::string tag = TagHeader(out.replies);
  ASSERT_FALSE(tag.empty()) << out.log_line;
  EXPECT_EQ(tag.find("hidden.bcc"), std::string::npos) << tag;
  EXPECT_EQ(tag.find("john.smith"), std::string::npos) << tag;
  EXPECT_EQ(tag, "tag; level=OFFICIAL-SENSITIVE; rule=official-sensitive-external; "
                 "reasons=sensitivity");
}

}  // namespace
}  // namespace nearmiss::milter

// Round 46's tester 14, items 1 and 5. (1) alice released a message to
// "John Smith" <jon.smith@partner.example> past the display-name warning
// (the name on screen is John's, the mail goes to Jon): her next message
// to jon.smith@, without that name, is the weaker "one letter differs"
// warning with the same suggestion, and is not asked again. (5) `scan`
// judges mail after the fact: an acknowledgement made after a message was
// written (Envelope::written_at) did not exist when it went out.
#include <gtest/gtest.h>

#include <string>

#include "engine/acknowledgement_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr char kJon[] = "jon.smith@partner.example";
constexpr char kJonAsJohn[] = "\"John Smith\" <jon.smith@partner.example>";

TEST(AcknowledgeStronger, ADisplayNameAcknowledgedSettlesTheEditWithTheSameSuggestion) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck named = e->CheckRecipient(kJonAsJohn);
  ASSERT_EQ(WarningTypoKind(named), "display-name");
  ASSERT_EQ(named.suggestion, "john.smith@partner.example");
  Acks acks;
  acks.Address(kJon, WarningCodes(named), named.suggestion).typo_kind = WarningTypoKind(named);
  EXPECT_EQ(Check(*e, kJonAsJohn, "Lunch", &acks).acknowledged_by, 1);
  // The same address alone, or under Jon's own name: settled.
  for (const char* entry : {kJon, "\"Jon Smith\" <jon.smith@partner.example>",
                            "Jon.Smith@partner.example"}) {
    RecipientDecision d = Check(*e, entry, "Lunch", &acks);
    EXPECT_EQ(d.action, Action::kAccept) << entry;
    EXPECT_EQ(d.acknowledged_by, 1) << entry;
  }
  // Another person's name over it is another warning.
  RecipientDecision jones =
      Check(*e, "\"John Jones\" <jon.smith@partner.example>", "Lunch", &acks);
  EXPECT_EQ(jones.acknowledged_by, 0);
  EXPECT_NE(jones.action, Action::kAccept);
}

TEST(AcknowledgeStronger, AnEditAcknowledgedStillAsksAboutTheDisplayName) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck slip = e->CheckRecipient(kJon);
  ASSERT_EQ(WarningTypoKind(slip), "edit");
  Acks acks;
  acks.Address(kJon, WarningCodes(slip), slip.suggestion).typo_kind = WarningTypoKind(slip);
  EXPECT_EQ(Check(*e, kJon, "Lunch", &acks).acknowledged_by, 1);
  EXPECT_EQ(Check(*e, kJonAsJohn, "Lunch", &acks).acknowledged_by, 0);
}

constexpr int64_t kMade = 1'700'000'000;  // 2023-11-14

RecipientDecision CheckWritten(const Engine& e, const AcknowledgementSource& acks,
                               int64_t written_at) {
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({kJon, RecipientField::kTo});
  env.acknowledgements = &acks;
  env.now = kMade + kDay;
  env.written_at = written_at;
  std::string raw = "Subject: Lunch\r\n\r\nhello\r\n";
  MessageCheck m = e.CheckMessage(env, MessageContent::Raw(raw, "test"));
  EXPECT_EQ(m.decision.recipients.size(), 1u);
  return m.decision.recipients.empty() ? RecipientDecision{} : m.decision.recipients[0];
}

TEST(AcknowledgeStronger, AMessageWrittenBeforeTheAcknowledgementIsNotSettledByIt) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck slip = e->CheckRecipient(kJon);
  Acks acks;
  Acknowledgement& a = acks.Address(kJon, WarningCodes(slip), slip.suggestion);
  a.typo_kind = WarningTypoKind(slip);
  a.created_at = kMade;
  a.expires_at = kMade + 180 * kDay;
  const int64_t made = a.created_at;
  EXPECT_EQ(CheckWritten(*e, acks, 0).acknowledged_by, 1);          // the milter, the API
  EXPECT_EQ(CheckWritten(*e, acks, made).acknowledged_by, 1);       // written as it was made
  EXPECT_EQ(CheckWritten(*e, acks, made + 60).acknowledged_by, 1);  // after
  RecipientDecision before = CheckWritten(*e, acks, made - 30 * kDay);
  EXPECT_EQ(before.acknowledged_by, 0);
  EXPECT_NE(before.action, Action::kAccept);
}

}  // namespace
}  // namespace nearmiss

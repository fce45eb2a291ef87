// Issue 14 item 2: "the policy can act on it like any other class". A rule
// with `address_typo_kind` or `address_typo_score_at_least` fires on the
// address-typo findings of that kind or score, and not on another kind, a
// lower score, or a recipient with no finding; the recipient check carries
// the finding's kind and score (RecipientCheck::address_typo), in every
// scope, and a reused check does not keep a previous recipient's.
#include <gtest/gtest.h>

#include <utility>

#include "engine/acknowledgement_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

// alice's frequent contacts at partner.example (acknowledgement_testing.h):
// john.smith, john.jones, mary.watson.
constexpr const char* kRules =
    "[[rule]]\nname = \"display\"\naddress_typo_kind = [\"display-name\", \"display-address\"]\n"
    "action = \"reject\"\n"
    "[[rule]]\nname = \"strong\"\naddress_typo_score_at_least = 0.8\naction = \"confirm\"\n"
    "[[rule]]\nname = \"weak\"\naddress_typo_kind = [\"other-family-name\"]\naction = \"warn\"\n"
    "[[rule]]\nname = \"any-typo\"\naddress_typo_score_at_least = 0\naction = \"tag\"\n";

// One recipient of alice's, checked as `check` says.
MessageFacts To(RecipientCheck check) {
  MessageFacts f;
  f.sender = "alice@mod.example";
  MessageRecipient r;
  r.check = std::move(check);
  r.field = RecipientField::kTo;
  f.recipients.push_back(std::move(r));
  return f;
}

struct Case {
  const char* to;
  AddressTypoKind kind;
  double score;
  const char* rule;
  Action action;
};

TEST(DecideTypoConditions, EachKindAndScoreFindsItsRule) {
  auto e = Compile(std::string(kRules));
  ASSERT_NE(e, nullptr);
  const Case cases[] = {
      {"jon.smith@partner.example", AddressTypoKind::kEdit, 0.8, "strong", Action::kConfirm},
      {"smith.john@partner.example", AddressTypoKind::kSwappedParts, 0.85, "strong",
       Action::kConfirm},
      {"jsmith@partner.example", AddressTypoKind::kShortenedParts, 0.7, "any-typo", Action::kTag},
      {"john.smithson@partner.example", AddressTypoKind::kOtherFamilyName, 0.5, "weak",
       Action::kWarn},
      {"\"john.smith@partner.example\" <jane.doe@partner.example>",
       AddressTypoKind::kDisplayAddress, 0.95, "display", Action::kReject},
  };
  for (const Case& c : cases) {
    RecipientCheck check = e->CheckRecipient(c.to);
    ASSERT_TRUE(check.address_typo.has_value()) << c.to;
    EXPECT_EQ(check.address_typo->kind, c.kind)
        << c.to << ": " << AddressTypoKindName(check.address_typo->kind);
    EXPECT_DOUBLE_EQ(check.address_typo->score, c.score) << c.to;
    Decision d = e->Decide(To(check));
    EXPECT_EQ(d.rule.name, c.rule) << c.to;
    EXPECT_EQ(d.action, c.action) << c.to;
  }
}

// No finding, no match: even `address_typo_score_at_least = 0` leaves a
// frequent contact, a new colleague and another domain to the default.
TEST(DecideTypoConditions, ARecipientWithoutTheFindingNeverMatches) {
  auto e = Compile(std::string(kRules));
  ASSERT_NE(e, nullptr);
  for (const char* to : {"john.smith@partner.example", "li.wei@partner.example",
                         "carol@example.com", "bob@army.ml"}) {
    RecipientCheck check = e->CheckRecipient(to);
    EXPECT_FALSE(check.address_typo.has_value()) << to;
    Decision d = e->Decide(To(check));
    EXPECT_EQ(d.rule.name, "default") << to << ": " << d.rule.id;
  }
}

// The score compares in hundredths: a bound equal to the finding's score
// holds, one hundredth above does not.
TEST(DecideTypoConditions, TheScoreBoundIsInclusive) {
  for (const auto& [bound, fires] :
       {std::pair{"0.8", true}, std::pair{"0.81", false}, std::pair{"0.79", true}}) {
    auto e = Compile(std::string("[[rule]]\nname = \"r\"\naddress_typo_kind = [\"edit\"]\n"
                                 "address_typo_score_at_least = ") +
                     bound + "\naction = \"hold\"\n");
    ASSERT_NE(e, nullptr);
    Decision d = e->Decide(To(e->CheckRecipient("jon.smith@partner.example")));
    EXPECT_EQ(d.action, fires ? Action::kHold : Action::kAccept) << bound;
  }
}

// The in-place check reuses one RecipientCheck: the next recipient must not
// inherit the finding of the one before.
TEST(DecideTypoConditions, AReusedCheckDropsThePreviousFinding) {
  auto e = Compile(std::string(kRules));
  ASSERT_NE(e, nullptr);
  RecipientCheck c;
  e->CheckRecipient("jon.smith@partner.example", &c);
  ASSERT_TRUE(c.address_typo.has_value());
  for (const char* next : {"li.wei@partner.example", "carol@example.com", "not an address"}) {
    e->CheckRecipient("jon.smith@partner.example", &c);
    e->CheckRecipient(next, &c);
    EXPECT_FALSE(c.address_typo.has_value()) << next;
  }
}

// The sender scope finds the slip at the end of the message, against the
// sender's own contacts: the conditions see it there, and another sender's
// message to the same address is not flagged.
TEST(DecideTypoConditions, TheSenderScopeIsJudgedAtTheEndOfMessage) {
  auto e = Compile("[history]\naddress_typo_scope = \"sender\"\n" + std::string(kRules));
  ASSERT_NE(e, nullptr);
  RecipientDecision alice = Check(*e, "john.smithson@partner.example", "hi");
  EXPECT_EQ(alice.rule.name, "weak");
  EXPECT_EQ(alice.action, Action::kWarn);
  RecipientDecision bob =
      Check(*e, "john.smithson@partner.example", "hi", nullptr, "bob@mod.example");
  EXPECT_EQ(bob.rule.name, "default");
}

}  // namespace
}  // namespace nearmiss

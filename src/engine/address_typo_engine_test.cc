// address-typo through the engine: its reason, suggestion and decision under
// the embedded default policy and the sender scope, the display name of the
// message's header, sub-addresses, and acknowledgements (the index's near
// misses are address_typo_test.cc).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/address_typo_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

HistorySnapshot History() { return PartnerHistory({"john.smith@partner.example"}); }

TEST(EngineAddressTypo, ReasonSuggestionAndDefaultPolicyConfirm) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  RecipientCheck c = (*engine)->CheckRecipient("jon.smith@partner.example");
  EXPECT_EQ(c.verdict, Verdict::kTrusted);  // partner.example is learned
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_EQ(c.reasons.back().code, ReasonCode::kAddressTypo);
  EXPECT_EQ(c.suggestion, "john.smith@partner.example");
  EXPECT_DOUBLE_EQ(c.score, 0.8);
  EXPECT_EQ(ReasonMessage(c.reasons.back()),
            "jon.smith@partner.example has never been written to here; it looks like "
            "john.smith@partner.example, a frequent correspondent (one character differs; "
            "written to 30 times, last on 2023-12-31)");
  // The embedded default policy asks the sender to confirm it; the known address goes through.
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({"jon.smith@partner.example"});
  env.recipients.push_back({"john.smith@partner.example"});
  MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw("Subject: hi\r\n\r\nhi\r\n",
                                                                     "test"));
  ASSERT_EQ(m.decision.recipients.size(), 2u);
  EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm);
  EXPECT_EQ(m.decision.recipients[0].rule.name, "address-typo");
  EXPECT_NE(m.decision.recipients[0].message.find("did you mean john.smith@partner.example?"),
            std::string::npos)
      << m.decision.recipients[0].message;
  EXPECT_EQ(m.decision.recipients[1].action, Action::kAccept);
}

// Found trying it as a new user: jon.smith@partner.exmaple suggested
// jon.smith@partner.example, itself a slip of the frequent john.smith.
TEST(EngineAddressTypo, ALookalikeDomainSuggestsTheFrequentAddress) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  RecipientCheck c = (*engine)->CheckRecipient("jon.smith@partner.exmaple");
  EXPECT_EQ(c.verdict, Verdict::kLookalike);
  EXPECT_EQ(c.suggestion, "john.smith@partner.example");
  EXPECT_EQ(c.also_suggestion, "jon.smith@partner.example");
  // A known address at the look-alike domain keeps the domain-only fix.
  c = (*engine)->CheckRecipient("john.smith@partner.exmaple");
  EXPECT_EQ(c.suggestion, "john.smith@partner.example");
  EXPECT_EQ(c.also_suggestion, "");
  // A new contact there too: nothing frequent is near it.
  c = (*engine)->CheckRecipient("sarah.connor@partner.exmaple");
  EXPECT_EQ(c.suggestion, "sarah.connor@partner.example");
  EXPECT_EQ(c.also_suggestion, "");
}

TEST(EngineAddressTypo, SenderScopeJudgesInCheckMessage) {
  HistorySnapshot h = History();
  h.correspondents.push_back(
      {"bob@mod.example", "jon.smith@partner.example", 4, 1'700'000'000, 1'704'000'000});
  Policy policy = *DefaultPolicy();
  policy.history.address_typo_scope = HistoryPolicy::TypoScope::kSender;
  auto engine = Engine::Compile(policy, &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  // bob writes to jon.smith: known to him, so nothing; alice never did.
  for (auto [sender, want] : {std::pair{"bob@mod.example", Action::kAccept},
                              std::pair{"Alice@mod.example", Action::kConfirm}}) {
    Envelope env;
    env.sender = sender;
    env.recipients.push_back({"jon.smith@partner.example"});
    MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
    ASSERT_EQ(m.decision.recipients.size(), 1u);
    EXPECT_EQ(m.decision.recipients[0].action, want) << sender;
  }
}

// The recipient of an address typo is trusted (its domain is learned): an
// acknowledgement must settle its confirm all the same (the store was once
// asked only for recipients that were not trusted).
class OneAck final : public AcknowledgementSource {
 public:
  Result<std::vector<Acknowledgement>> Live(std::string_view sender,
                                            int64_t now) const override {
    ++calls;
    Acknowledgement a;
    a.id = 7;
    a.sender = std::string(sender);
    a.recipient = "jon.smith@partner.example";
    a.reasons = "address-typo";
    a.suggestion = "john.smith@partner.example";
    a.typo_kind = "edit";  // jon/john: what the sender acknowledged (a kind settles only itself)
    a.created_at = now - 10;
    a.expires_at = now + 10;
    return std::vector<Acknowledgement>{a};
  }
  mutable int calls = 0;
};

TEST(EngineAddressTypo, AnAcknowledgementSettlesTheConfirm) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  OneAck acks;
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({"jon.smith@partner.example"});
  env.acknowledgements = &acks;
  env.now = 1000;
  MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
  ASSERT_EQ(m.decision.recipients.size(), 1u);
  EXPECT_EQ(m.decision.recipients[0].action, Action::kAccept);
  EXPECT_EQ(m.decision.recipients[0].acknowledged_by, 7);
  EXPECT_EQ(m.decision.action, Action::kAccept);
  // The known address matches no rule an acknowledgement settles: no lookup.
  acks.calls = 0;
  env.recipients = {{"john.smith@partner.example"}};
  (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
  EXPECT_EQ(acks.calls, 0);

  // Found by the issue-14 tester (fail-open): the address-typo confirm
  // matched before the sensitivity rules, so a SECRET message to a slip went
  // to the sender's own release link, and once acknowledged was accepted
  // with no hold or tag. A hold outranks the confirm; an acknowledgement
  // settles only the confirm, and the rules after it still apply.
  env.recipients = {{"jon.smith@partner.example"}};
  env.acknowledgements = nullptr;
  auto check = [&](const char* subject) {
    std::string raw = std::string("Subject: ") + subject + "\r\n\r\nhi\r\n";
    MessageCheck got = (*engine)->CheckMessage(env, MessageContent::Raw(raw, "test"));
    EXPECT_EQ(got.decision.recipients.size(), 1u);
    return got.decision.recipients.empty() ? RecipientDecision{} : got.decision.recipients[0];
  };
  RecipientDecision secret = check("SECRET: plans");
  EXPECT_EQ(secret.action, Action::kHold);
  EXPECT_EQ(secret.rule.name, "secret-outside-trusted");
  EXPECT_EQ(check("OFFICIAL-SENSITIVE: plans").action, Action::kConfirm);  // tag < confirm

  env.acknowledgements = &acks;
  secret = check("SECRET: plans");
  EXPECT_EQ(secret.action, Action::kHold);
  EXPECT_EQ(secret.rule.name, "secret-outside-trusted");
  EXPECT_EQ(secret.acknowledged_by, 0);  // a hold asks for no acknowledgement
  RecipientDecision sensitive = check("OFFICIAL-SENSITIVE: plans");
  EXPECT_EQ(sensitive.action, Action::kTag);
  EXPECT_EQ(sensitive.rule.name, "official-sensitive-outside-trusted");
  EXPECT_EQ(sensitive.acknowledged_by, 7);
  EXPECT_EQ(sensitive.settled_rule.name, "address-typo");
  EXPECT_EQ(sensitive.rule_action, Action::kConfirm);
  RecipientDecision plain = check("plans");
  EXPECT_EQ(plain.action, Action::kAccept);
  EXPECT_EQ(plain.acknowledged_by, 7);
}

// Found by the issue-14 tester: the milter judged only the envelope
// recipient (RCPT TO has no display name), so `To: "John Smith"
// <jane.doe@partner.example>` was delivered while scan and the API flagged
// it. The display name in the message's To/Cc header counts for the
// envelope recipient it writes, in either scope.
TEST(EngineAddressTypo, EnvelopeRecipientTakesItsHeadersDisplayName) {
  for (auto scope : {HistoryPolicy::TypoScope::kOrganisation, HistoryPolicy::TypoScope::kSender}) {
    HistorySnapshot h = History();
    Policy policy = *DefaultPolicy();
    policy.history.address_typo_scope = scope;
    auto engine = Engine::Compile(policy, &h);
    ASSERT_TRUE(engine.ok()) << engine.error().message();
    Envelope env;
    env.sender = "alice@mod.example";
    RecipientCheck judged = (*engine)->CheckRecipient("<jane.doe@partner.example>");
    env.recipients.push_back({"<jane.doe@partner.example>", RecipientField::kEnvelope, false, &judged});
    const char* wrong = "To: Mary <m@x.example>, \"John Smith\" <Jane.Doe@Partner.Example>\r\n"
                        "Subject: hi\r\n\r\nhi\r\n";
    MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw(wrong, "test"));
    ASSERT_EQ(m.decision.recipients.size(), 1u);
    EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm);
    EXPECT_EQ(m.decision.recipients[0].rule.name, "address-typo");
    ASSERT_FALSE(m.facts.recipients[0].check.reasons.empty());
    EXPECT_EQ(m.facts.recipients[0].check.reasons.back().code, ReasonCode::kAddressTypo);
    EXPECT_EQ(m.facts.recipients[0].check.suggestion, "john.smith@partner.example");
    // The display name that fits the address, or none, changes nothing.
    for (const char* fine : {"To: \"Jane Doe\" <jane.doe@partner.example>\r\n\r\nhi\r\n",
                             "To: jane.doe@partner.example\r\n\r\nhi\r\n",
                             "Cc: \"John Smith\" <someone@else.example>\r\n\r\nhi\r\n"}) {
      m = (*engine)->CheckMessage(env, MessageContent::Raw(fine, "test"));
      ASSERT_EQ(m.decision.recipients.size(), 1u);
      EXPECT_EQ(m.decision.recipients[0].action, Action::kAccept) << fine;
    }
  }
}

// Found by the issue-14 tester: john.smith+x@ was an address-typo of
// john.smith@ (two characters differ). With Postfix's recipient_delimiter
// it is the same mailbox; a slip of the mailbox is still one.
TEST(EngineAddressTypo, SubAddressIsTheSameMailbox) {
  HistorySnapshot h = History();
  auto typo = [](const RecipientCheck& c) {
    for (const Reason& r : c.reasons) {
      if (r.code == ReasonCode::kAddressTypo) return true;
    }
    return false;
  };
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  EXPECT_FALSE(typo((*engine)->CheckRecipient("john.smith+x@partner.example")));
  RecipientCheck slip = (*engine)->CheckRecipient("jon.smith+x@partner.example");
  EXPECT_TRUE(typo(slip));
  EXPECT_EQ(slip.suggestion, "john.smith@partner.example");
  Policy off = *DefaultPolicy();
  off.history.recipient_delimiter = "";
  auto plain = Engine::Compile(off, &h);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(typo((*plain)->CheckRecipient("john.smith+x@partner.example")));
}

// Found by the issue-14 tester: with only john.smith+proj@ in the history,
// john.smith@ was flagged ("did you mean john.smith+proj@") and the real
// slip jon.smith@ accepted. The history is compared by mailbox too.
TEST(EngineAddressTypo, SubAddressInTheHistoryIsItsMailbox) {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 30, 1'700'000'000, 1'704'000'000, false});
  h.correspondents.push_back(
      {"alice@mod.example", "john.smith+proj@partner.example", 30, 1'700'000'000, 1'704'000'000});
  h.addresses.push_back("john.smith+proj@partner.example");
  h.taken_at = 1'704'100'000;
  Policy policy = *DefaultPolicy();
  policy.history.flag_new_addresses = true;
  auto engine = Engine::Compile(policy, &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  RecipientCheck mailbox = (*engine)->CheckRecipient("john.smith@partner.example");
  for (const Reason& r : mailbox.reasons) {
    EXPECT_NE(r.code, ReasonCode::kAddressTypo) << ReasonMessage(r);
    EXPECT_NE(r.code, ReasonCode::kNewAddress) << ReasonMessage(r);
  }
  RecipientCheck slip = (*engine)->CheckRecipient("jon.smith@partner.example");
  ASSERT_FALSE(slip.reasons.empty());
  EXPECT_EQ(slip.reasons.back().code, ReasonCode::kAddressTypo);
  EXPECT_EQ(slip.suggestion, "john.smith@partner.example");
}

TEST(EngineAddressTypo, OffInThePolicyMeansNoReason) {
  HistorySnapshot h = History();
  Policy policy = *DefaultPolicy();
  policy.history.address_typo = false;
  auto engine = Engine::Compile(policy, &h);
  ASSERT_TRUE(engine.ok());
  RecipientCheck c = (*engine)->CheckRecipient("jon.smith@partner.example");
  for (const Reason& r : c.reasons) EXPECT_NE(r.code, ReasonCode::kAddressTypo);
}

// Found by the issue-14 tester (fail-open the other way: asked again and
// again): alice's acknowledgement of jon.smith@ did not cover
// jon.smith+x@, nor hold for her mail from alice+list@. With
// recipient_delimiter "+" both sides compare by mailbox.
class AliceAck final : public AcknowledgementSource {
 public:
  Result<std::vector<Acknowledgement>> Live(std::string_view sender,
                                            int64_t now) const override {
    asked.emplace_back(sender);
    if (sender != "alice@mod.example") return std::vector<Acknowledgement>{};
    Acknowledgement a;
    a.id = 9;
    a.sender = "alice@mod.example";
    a.recipient = "jon.smith@partner.example";
    a.reasons = "address-typo";
    a.suggestion = "john.smith@partner.example";
    a.typo_kind = "edit";  // jon/john, as OneAck
    a.created_at = now - 10;
    a.expires_at = now + 10;
    return std::vector<Acknowledgement>{a};
  }
  mutable std::vector<std::string> asked;
};

TEST(EngineAddressTypo, AnAcknowledgementCoversTheMailboxOnBothSides) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  ASSERT_EQ((*engine)->policy().history.recipient_delimiter, "+");
  AliceAck acks;
  for (auto [from, to] : {std::pair{"alice@mod.example", "jon.smith+x@partner.example"},
                          std::pair{"alice+list@mod.example", "jon.smith@partner.example"},
                          std::pair{"alice+list@mod.example", "Jon.Smith+y@partner.example"}}) {
    Envelope env;
    env.sender = from;
    env.recipients.push_back({to});
    env.acknowledgements = &acks;
    env.now = 1000;
    MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
    ASSERT_EQ(m.decision.recipients.size(), 1u);
    EXPECT_EQ(m.decision.recipients[0].acknowledged_by, 9) << from << " -> " << to;
    EXPECT_EQ(m.decision.recipients[0].action, Action::kAccept) << from << " -> " << to;
  }
  // Another mailbox is not covered: bob, and jon.smithe (no extension).
  Envelope env;
  env.sender = "bob+list@mod.example";
  env.recipients.push_back({"jon.smith@partner.example"});
  env.acknowledgements = &acks;
  env.now = 1000;
  MessageCheck m = (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
  EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm);
  env.sender = "alice@mod.example";
  env.recipients = {{"jon.smithe@partner.example"}};
  m = (*engine)->CheckMessage(env, MessageContent::Raw("\r\nhi\r\n", "test"));
  EXPECT_EQ(m.decision.recipients[0].acknowledged_by, 0);
}

}  // namespace
}  // namespace nearmiss

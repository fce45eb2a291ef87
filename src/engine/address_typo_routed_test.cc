// address-typo, round 54's brief for issue 14, item 2: a routed address
// (`anna.garcia%partner.example@relay.example.org`, the bang path
// `partner.example!anna.garcia@relay.example.org`, a quoted '@') was judged
// for its routed DOMAIN only, so a near miss of the frequent
// ana.garcia@partner.example went through as an external relay address.
// Its routed mailbox is now judged as the plain address would be.
#include <gtest/gtest.h>

#include <string>

#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

HistorySnapshot History() {
  HistorySnapshot h;
  h.domains.push_back({"partner.example", 30, 1'700'000'000, 1'704'000'000, false});
  h.correspondents.push_back(
      {"alice@mod.example", "ana.garcia@partner.example", 30, 1'700'000'000, 1'704'000'000});
  h.taken_at = 1'704'100'000;
  return h;
}

bool HasReason(const RecipientCheck& c, ReasonCode code) {
  for (const Reason& r : c.reasons) {
    if (r.code == code) return true;
  }
  return false;
}

// alice's message to a slip and a known address, checked: one decision per recipient.
MessageCheck Send(const Engine& engine, const char* slip, const char* known) {
  Envelope env;
  env.sender = "alice@mod.example";
  env.recipients.push_back({slip});
  env.recipients.push_back({known});
  return engine.CheckMessage(env, MessageContent::Raw("Subject: hi\r\n\r\nhi\r\n", "test"));
}

TEST(AddressTypoRouted, TheRoutedMailboxIsJudgedAsThePlainAddress) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  const RecipientCheck plain = (*engine)->CheckRecipient("anna.garcia@partner.example");
  ASSERT_TRUE(plain.address_typo.has_value());
  for (const char* routed : {"anna.garcia%partner.example@relay.example.org",
                             "partner.example!anna.garcia@relay.example.org",
                             "\"anna.garcia@partner.example\"@relay.example.org",
                             "<anna.garcia%partner.example@relay.example.org>"}) {
    const RecipientCheck c = (*engine)->CheckRecipient(routed);
    ASSERT_TRUE(c.address_typo.has_value()) << routed;
    EXPECT_EQ(c.address_typo->kind, plain.address_typo->kind) << routed;
    EXPECT_DOUBLE_EQ(c.address_typo->score, plain.address_typo->score) << routed;
    EXPECT_EQ(c.suggestion, "ana.garcia@partner.example") << routed;
    EXPECT_TRUE(HasReason(c, ReasonCode::kAddressTypo)) << routed;
    EXPECT_TRUE(HasReason(c, ReasonCode::kRoutedAddress)) << routed;
  }
  // The frequent mailbox routed is no slip.
  const RecipientCheck known =
      (*engine)->CheckRecipient("ana.garcia%partner.example@relay.example.org");
  EXPECT_FALSE(known.address_typo.has_value());
  EXPECT_FALSE(HasReason(known, ReasonCode::kAddressTypo));
}

TEST(AddressTypoRouted, TheDefaultPolicyConfirmsIt) {
  HistorySnapshot h = History();
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  MessageCheck m = Send(**engine, "anna.garcia%partner.example@relay.example.org",
                        "ana.garcia%partner.example@relay.example.org");
  ASSERT_EQ(m.decision.recipients.size(), 2u);
  EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm);
  EXPECT_EQ(m.decision.recipients[0].rule.name, "address-typo");
  EXPECT_NE(m.decision.recipients[0].message.find("did you mean ana.garcia@partner.example?"),
            std::string::npos)
      << m.decision.recipients[0].message;
  EXPECT_EQ(m.decision.recipients[1].action, Action::kAccept);
}

// The same under the sender scope, where CheckMessage judges each
// recipient against the sender's own contacts.
TEST(AddressTypoRouted, TheSenderScopeJudgesTheRoutedMailboxToo) {
  HistorySnapshot h = History();
  auto policy = ParsePolicy("[history]\naddress_typo_scope = \"sender\"\n", "test.toml", "");
  ASSERT_TRUE(policy.ok()) << policy.error().message();
  auto engine = Engine::Compile(*policy, &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  MessageCheck m = Send(**engine, "partner.example!anna.garcia@relay.example.org",
                        "ana.garcia%partner.example@relay.example.org");
  ASSERT_EQ(m.decision.recipients.size(), 2u);
  EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm);
  EXPECT_EQ(m.decision.recipients[0].rule.name, "address-typo");
  EXPECT_EQ(m.decision.recipients[1].action, Action::kAccept);
}

}  // namespace
}  // namespace nearmiss

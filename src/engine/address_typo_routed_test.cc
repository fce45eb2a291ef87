// address-typo, round 54's brief for issue 14, item 2: a routed address
// (`anna.garcia%partner.example@relay.example.org`, the bang path
// `partner.example!anna.garcia@relay.example.org`, a quoted '@') was judged
// for its routed DOMAIN only, so a near miss of the frequent
// ana.garcia@partner.example went through as an external relay address.
// Its routed mailbox is now judged as the plain address would be.
#include <gtest/gtest.h>

#include <string>

#include "engine/address_typo_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

HistorySnapshot History() { return PartnerHistory({"ana.garcia@partner.example"}); }

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

// A display name is judged with the routed mailbox, where the mail goes:
// "Anna Garcia" on mary.jones routed on to partner.example names a contact
// at that very domain, as on the plain mary.jones@partner.example, not "at
// another domain than this address" (the relay's; round 54's tester 14,
// finding 4). In check (CheckRecipient) and in a message's header entry
// (scan, milter), for each way of routing.
TEST(AddressTypoRouted, ADisplayNameIsJudgedAtTheRoutedMailbox) {
  HistorySnapshot h =
      PartnerHistory({"ana.garcia@partner.example", "mary.jones@partner.example"});
  auto engine = Engine::Compile(*DefaultPolicy(), &h);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  const RecipientCheck plain =
      (*engine)->CheckRecipient("\"Ana Garcia\" <mary.jones@partner.example>");
  ASSERT_TRUE(plain.address_typo.has_value());
  ASSERT_EQ(plain.suggestion, "ana.garcia@partner.example");
  auto detail = [](const RecipientCheck& c) {
    for (const Reason& r : c.reasons) {
      if (r.code == ReasonCode::kAddressTypo) return r.detail;
    }
    return std::string();
  };
  for (const char* routed : {"mary.jones%partner.example@relay.example.org",
                             "partner.example!mary.jones@relay.example.org",
                             "relay2.example!partner.example!mary.jones@relay.example.org",
                             "mary.jones%partner.example%relay2.example@relay.example.org"}) {
    const std::string entry = std::string("\"Ana Garcia\" <") + routed + ">";
    const RecipientCheck c = (*engine)->CheckRecipient(entry);
    ASSERT_TRUE(c.address_typo.has_value()) << entry;
    EXPECT_EQ(c.address_typo->kind, plain.address_typo->kind) << entry;
    EXPECT_DOUBLE_EQ(c.address_typo->score, plain.address_typo->score) << entry;
    EXPECT_EQ(c.suggestion, "ana.garcia@partner.example") << entry;
    EXPECT_EQ(detail(c), detail(plain)) << entry;
    EXPECT_EQ(detail(c).find("another domain"), std::string::npos) << detail(c);
    EXPECT_TRUE(HasReason(c, ReasonCode::kRoutedAddress)) << entry;

    // The header entry of a message to the routed address, both scopes.
    for (const char* scope : {"organisation", "sender"}) {
      auto policy = ParsePolicy(std::string("[history]\naddress_typo_scope = \"") + scope + "\"\n",
                                "test.toml", "");
      ASSERT_TRUE(policy.ok()) << policy.error().message();
      auto scoped = Engine::Compile(*policy, &h);
      ASSERT_TRUE(scoped.ok()) << scoped.error().message();
      Envelope env;
      env.sender = "alice@mod.example";
      env.recipients.push_back({routed});
      const std::string raw = "From: alice@mod.example\r\nTo: " + entry +
                              "\r\nSubject: hi\r\n\r\nhi\r\n";
      MessageCheck m = (*scoped)->CheckMessage(env, MessageContent::Raw(raw, "test"));
      ASSERT_EQ(m.decision.recipients.size(), 1u) << entry;
      EXPECT_EQ(m.decision.recipients[0].action, Action::kConfirm) << scope << " " << entry;
      EXPECT_NE(m.decision.recipients[0].message.find("not this address"), std::string::npos)
          << scope << " " << m.decision.recipients[0].message;
      EXPECT_EQ(m.decision.recipients[0].message.find("another domain"), std::string::npos)
          << scope << " " << m.decision.recipients[0].message;
    }
  }
  // A name of a contact at another domain than the routed one still says so.
  const RecipientCheck elsewhere = (*engine)->CheckRecipient(
      "\"Ana Garcia\" <mary.jones%bank.example@relay.example.org>");
  ASSERT_TRUE(elsewhere.address_typo.has_value());
  EXPECT_EQ(elsewhere.suggestion, "ana.garcia@partner.example");
  EXPECT_NE(detail(elsewhere).find("another domain"), std::string::npos) << detail(elsewhere);
}

}  // namespace
}  // namespace nearmiss

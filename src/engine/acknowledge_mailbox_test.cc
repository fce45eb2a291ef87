// Issue 14 breaker, round 6, item 5: an acknowledgement covers the same
// mailbox however it is written, by the identity the address-typo rules
// give it (engine/mailbox_space.h MailboxIdentity): at gmail.com the dots
// of the local part do not matter and googlemail.com is gmail.com, so
// "jonsmith@gmail.com" acknowledged settles jon.smith@gmail.com,
// j.o.n.smith@gmail.com and jonsmith@googlemail.com; elsewhere dots are
// part of the name.
#include <gtest/gtest.h>

#include "engine/acknowledgement_testing.h"
#include "engine/mailbox_space.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

std::shared_ptr<const Engine> WithGmailHistory() {
  HistorySnapshot h;
  h.domains.push_back({"gmail.com", 40, 1'700'000'000, 1'704'000'000, false});
  h.domains.push_back({"partner.example", 40, 1'700'000'000, 1'704'000'000, false});
  for (const char* to : {"john.smith@gmail.com", "john.smith@partner.example"}) {
    h.correspondents.push_back({"alice@mod.example", to, 8, 1'700'000'000, 1'704'000'000});
    h.addresses.push_back(to);
  }
  h.taken_at = 1'704'100'000;
  Result<Policy> p = DefaultPolicy();
  EXPECT_TRUE(p.ok());
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*p, &h);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? *e : nullptr;
}

std::string Codes(const RecipientCheck& c) {
  std::string out;
  for (const Reason& r : c.reasons) {
    if (r.code == ReasonCode::kTrusted) continue;
    out.append(out.empty() ? "" : ",").append(ReasonCodeName(r.code));
  }
  return out;
}

TEST(AcknowledgeMailbox, Identity) {
  EXPECT_EQ(engine::MailboxIdentity("Jon.Smith@GoogleMail.com"), "jonsmith@gmail.com");
  EXPECT_EQ(engine::MailboxIdentity("j.o.n.smith@gmail.com"), "jonsmith@gmail.com");
  EXPECT_EQ(engine::MailboxIdentity("Pat.Lee@mac.com"), "pat.lee@icloud.com");
  EXPECT_EQ(engine::MailboxIdentity("jon.smith@partner.example"), "jon.smith@partner.example");
}

TEST(AcknowledgeMailbox, AGmailAcknowledgementCoversTheSameMailboxWrittenOtherwise) {
  auto e = WithGmailHistory();
  ASSERT_NE(e, nullptr);
  RecipientCheck slip = e->CheckRecipient("jonsmith@gmail.com");
  ASSERT_EQ(slip.suggestion, "john.smith@gmail.com");
  Acks acks;
  acks.Address("jonsmith@gmail.com", Codes(slip), slip.suggestion).typo_kind =
      WarningTypoKind(slip);
  for (const char* to : {"jonsmith@gmail.com", "jon.smith@gmail.com", "j.o.n.smith@gmail.com",
                         "jonsmith@googlemail.com", "Jon.Smith@GoogleMail.com",
                         "jon.smith+news@gmail.com"}) {
    RecipientDecision d = Check(*e, to, "Lunch", &acks);
    EXPECT_EQ(d.acknowledged_by, 1) << to;
    EXPECT_EQ(d.action, Action::kAccept) << to;
  }
  // Another mailbox is asked about: other letters, or dots where they count.
  EXPECT_EQ(Check(*e, "jonsmyth@gmail.com", "Lunch", &acks).acknowledged_by, 0);
  RecipientCheck partner = e->CheckRecipient("jonsmith@partner.example");
  ASSERT_EQ(partner.suggestion, "john.smith@partner.example");
  acks.Address("jonsmith@partner.example", Codes(partner), partner.suggestion).typo_kind =
      WarningTypoKind(partner);
  EXPECT_EQ(Check(*e, "jonsmith@partner.example", "Lunch", &acks).acknowledged_by, 2);
  EXPECT_EQ(Check(*e, "jon.smith@partner.example", "Lunch", &acks).acknowledged_by, 0);
}

}  // namespace
}  // namespace nearmiss

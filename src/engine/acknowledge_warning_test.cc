// Issue 14, warn once (the round-4 tester's item 5): an acknowledgement
// settles the warning it acknowledged, not a later, different one about
// the same address. alice released jon.smith@ as "not a slip of
// john.smith@"; a later message that reaches jon.smith@ under the display
// name "John Jones" is another warning (the entry she picked is John
// Jones's) and is asked about again. Acknowledgements stored before schema
// 5 settle only what their codes can be shown to match.
#include <gtest/gtest.h>

#include "engine/acknowledgement_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

constexpr char kJon[] = "jon.smith@partner.example";
constexpr char kJonAsJohnJones[] = "\"John Jones\" <jon.smith@partner.example>";

TEST(AcknowledgeWarning, SettlesTheWarningItAcknowledgedOnly) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck slip = e->CheckRecipient(kJon);
  ASSERT_EQ(slip.suggestion, "john.smith@partner.example");
  ASSERT_EQ(WarningCodes(slip), "address-typo");
  RecipientCheck other = e->CheckRecipient(kJonAsJohnJones);
  ASSERT_EQ(other.suggestion, "john.jones@partner.example");

  Acks acks;
  acks.Address(kJon, WarningCodes(slip), slip.suggestion);
  RecipientDecision same = Check(*e, kJon, "Lunch", &acks);
  EXPECT_EQ(same.action, Action::kAccept);
  EXPECT_EQ(same.acknowledged_by, 1);
  // The same warning in other capitals, and for the same mailbox.
  EXPECT_EQ(Check(*e, "Jon.Smith+x@partner.example", "Lunch", &acks).acknowledged_by, 1);
  // The tester's case: another suggested person is another warning.
  RecipientDecision jones = Check(*e, kJonAsJohnJones, "Lunch", &acks);
  EXPECT_EQ(jones.action, Action::kConfirm);
  EXPECT_EQ(jones.acknowledged_by, 0);

  // Acknowledged for that one too, both are settled.
  acks.Address(kJon, WarningCodes(other), other.suggestion);
  EXPECT_EQ(Check(*e, kJonAsJohnJones, "Lunch", &acks).acknowledged_by, 2);
  EXPECT_EQ(Check(*e, kJon, "Lunch", &acks).acknowledged_by, 1);
}

// A warning with a code the acknowledgement did not see is another warning:
// "a new address here" acknowledged says nothing about "looks like
// john.smith@" (the history changed in between), nor does one made with no
// codes at all.
TEST(AcknowledgeWarning, ACodeNotAcknowledgedIsAskedAgain) {
  Policy policy = *DefaultPolicy();
  policy.history.flag_new_addresses = true;
  auto e = Compile(policy);
  ASSERT_NE(e, nullptr);
  for (const char* codes : {"new-address", "", "new-domain", "label-typo"}) {
    Acks acks;
    acks.Address(kJon, codes, "john.smith@partner.example");
    RecipientDecision d = Check(*e, kJon, "Lunch", &acks);
    EXPECT_EQ(d.action, Action::kConfirm) << "'" << codes << "'";
    EXPECT_EQ(d.acknowledged_by, 0) << "'" << codes << "'";
  }
  // A new address with no slip, under a policy that warns about it:
  // acknowledged as new, it is settled; as a slip, it is not.
  auto warns = Compile(R"([history]
flag_new_addresses = true
[[rule]]
name = "new-address"
reason = ["new-address"]
action = "warn"
)");
  ASSERT_NE(warns, nullptr);
  RecipientCheck fresh = warns->CheckRecipient("sarah.connor@partner.example");
  ASSERT_EQ(WarningCodes(fresh), "new-address");
  ASSERT_EQ(Check(*warns, "sarah.connor@partner.example", "Lunch").action, Action::kWarn);
  Acks acks;
  acks.Address("sarah.connor@partner.example", "address-typo", "");
  EXPECT_EQ(Check(*warns, "sarah.connor@partner.example", "Lunch", &acks).action, Action::kWarn);
  acks.Address("sarah.connor@partner.example", "new-address", "");
  RecipientDecision d = Check(*warns, "sarah.connor@partner.example", "Lunch", &acks);
  EXPECT_EQ(d.acknowledged_by, 2);
  EXPECT_EQ(d.action, Action::kAccept);
}

// A look-alike's suggestion follows the recipient's local part, so a
// domain's acknowledgement is matched by the suggestion's domain: settled
// for everyone at kim's hotmial.com, never for a look-alike of another
// provider.
TEST(AcknowledgeWarning, ADomainAcknowledgementMatchesTheSuggestedDomain) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck kim = e->CheckRecipient("kim@hotmial.com");
  ASSERT_EQ(kim.suggestion, "kim@hotmail.com");
  Acks acks;
  acks.Domain("hotmial.com", WarningCodes(kim), kim.suggestion);
  for (const char* to : {"kim@hotmial.com", "bob@hotmial.com", "Lee <LEE@hotmial.com>"}) {
    RecipientDecision d = Check(*e, to, "Lunch", &acks);
    EXPECT_EQ(d.acknowledged_by, 1) << to;
    EXPECT_EQ(d.action, Action::kAccept) << to;
  }
  Acks elsewhere;
  elsewhere.Domain("hotmial.com", WarningCodes(kim), "kim@hotmail.co.uk");
  EXPECT_EQ(Check(*e, "kim@hotmial.com", "Lunch", &elsewhere).acknowledged_by, 0);
}

// Migrated from schema 4 (warning_recorded false): no suggestion was kept.
// One made through the API kept its codes: it settles a warning all of
// whose codes it kept, except address-typo, whose suggested person it
// cannot name. One made by a release link kept none: it settles nothing.
TEST(AcknowledgeWarning, AnAcknowledgementFromBeforeSchema5SettlesOnlyWhatItsCodesShow) {
  auto e = Compile(*DefaultPolicy());
  ASSERT_NE(e, nullptr);
  RecipientCheck kim = e->CheckRecipient("kim@hotmial.com");
  const std::string kim_codes = WarningCodes(kim);
  ASSERT_FALSE(kim_codes.empty());
  {
    Acks api;  // "trusted" as a schema-4 API acknowledgement kept it
    api.Address(kJon, "trusted address-typo", "", /*recorded=*/false);
    api.Address("kim@hotmial.com", "trusted " + kim_codes, "", /*recorded=*/false);
    EXPECT_EQ(Check(*e, kJon, "Lunch", &api).action, Action::kConfirm);
    EXPECT_EQ(Check(*e, kJon, "Lunch", &api).acknowledged_by, 0);
    RecipientDecision d = Check(*e, "kim@hotmial.com", "Lunch", &api);
    EXPECT_EQ(d.acknowledged_by, 2);
    EXPECT_EQ(d.action, Action::kAccept);
  }
  {
    Acks link;
    link.Address(kJon, "", "", /*recorded=*/false);
    link.Address("kim@hotmial.com", "", "", /*recorded=*/false);
    EXPECT_EQ(Check(*e, kJon, "Lunch", &link).acknowledged_by, 0);
    EXPECT_EQ(Check(*e, "kim@hotmial.com", "Lunch", &link).acknowledged_by, 0);
  }
}

}  // namespace
}  // namespace nearmiss

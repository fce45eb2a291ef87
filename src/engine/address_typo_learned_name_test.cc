// Round 46's tester 14, items 2 and 4, on the index itself: a display name
// only learned with a frequent address ("Jon Smythe" <js@partner.example>)
// names that person at its own domain too, over an address the name does
// not fit; a role mailbox's display name ("Accounts Payable") names no one.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/role_words.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  index.Add("alice@ourorg.example", "js@partner.example", 5, 0, 0, "\"Jon Smythe\"");
  index.Add("alice@ourorg.example", "john.smith@partner.example", 12, 0, 0, "John Smith");
  index.Add("alice@ourorg.example", "wz@client.example", 6, 0, 0, "Wei Zhang");
  index.Add("alice@ourorg.example", "ap@supplier-a.example", 6, 0, 0, "Accounts Payable");
  index.Add("alice@ourorg.example", "help@shop-a.example", 5, 0, 0, "Customer Service");
  index.Add("alice@ourorg.example", "accounts.payable@supplier-b.example", 6);
  index.Finish();
  return index;
}

TEST(AddressTypoLearnedName, ALearnedNameOverAnotherAddressAtItsDomainIsASlip) {
  const AddressIndex index = Index();
  for (const char* sender : {"", "alice@ourorg.example"}) {
    Slip slip;
    ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, "kwame.mensah@partner.example",
                                               "Jon Smythe", &slip))
        << sender;
    EXPECT_EQ(slip.known, "js@partner.example");
    EXPECT_EQ(slip.kind, SlipKind::kDisplayName);
    EXPECT_NE(slip.detail.find("names js@partner.example, the name it is written to under, "
                               "not this address"),
              std::string::npos)
        << slip.detail;
    ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, "lihua@client.example", "Wei Zhang",
                                               &slip));
    EXPECT_EQ(slip.known, "wz@client.example");
  }
}

TEST(AddressTypoLearnedName, ANameThatFitsTheAddressOrItsLocalPartIsNotThisRulesSlip) {
  const AddressIndex index = Index();
  Slip slip;
  // The person's own address, and another that the name fits (an alias).
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "js@partner.example", "Jon Smythe", &slip));
  EXPECT_FALSE(
      index.FindDisplayNameElsewhere("", "jon.smythe@partner.example", "Jon Smythe", &slip));
  // A name its local part writes is Best's at the same domain (it judges
  // the crowded domain and the other rules there).
  EXPECT_FALSE(
      index.FindDisplayNameElsewhere("", "jane.doe@partner.example", "John Smith", &slip));
}

TEST(AddressTypoLearnedName, ARoleMailboxNameNamesNoOne) {
  const AddressIndex index = Index();
  Slip slip;
  for (const char* display : {"Accounts Payable", "Customer Service", "\"Accounts Payable\""}) {
    for (const char* address : {"ap@acme-corp.example", "cs@acme-corp.example",
                                "invoices@supplier-a.example", "accounts.payable@acme.example"}) {
      EXPECT_FALSE(index.FindDisplayNameElsewhere("", address, display, &slip))
          << display << " <" << address << "> -> " << slip.known;
    }
  }
  EXPECT_TRUE(engine::IsRoleWord("payable"));
  EXPECT_TRUE(engine::IsRoleWord("helpdesk"));
  EXPECT_FALSE(engine::IsRoleWord("john"));
  EXPECT_FALSE(engine::IsRoleWord("jobs"));  // Steve Jobs
  EXPECT_TRUE(engine::CheckRoleWords().ok()) << engine::CheckRoleWords().message();
}

}  // namespace
}  // namespace nearmiss

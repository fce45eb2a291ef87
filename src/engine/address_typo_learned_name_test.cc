// Round 46's tester 14, items 2 and 4, on the index itself: a display name
// only learned with a frequent address ("Jon Smythe" <js@partner.example>)
// names that person at its own domain too, over an address the name does
// not fit; a role mailbox's display name ("Accounts Payable") names no one.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

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

// Round 54's tester 14, finding 1: the name a frequent address was learned
// under names it, whatever the script, over the "another person" reading
// of a near miss of it: "王伟" <zhang.wei@> for wang.wei@ learned as "王伟"
// was only other-common-family-name (warned), though "Wang Wei" on it was
// display-name (confirmed).
TEST(AddressTypoLearnedName, TheLearnedNameOnANearMissNamesTheContact) {
  AddressIndex index(/*min_messages=*/3);
  index.Add("alice@corp.example", "wang.wei@china.example", 15, 0, 0, "\"王伟\"");
  index.Add("alice@corp.example", "k.tanaka@jp.example", 15, 0, 0, "田中健二");
  index.Add("alice@corp.example", "kang.minjun@kr.example", 15, 0, 0, "강민준");
  index.Add("alice@corp.example", "js@partner.example", 15, 0, 0, "Jon Smythe");
  // Written twice under its own name: known, not frequent.
  index.Add("alice@corp.example", "zhang.li@china.example", 2, 0, 0, "张丽");
  index.Add("alice@corp.example", "wang.li@china.example", 15, 0, 0, "王丽");
  index.Finish();
  struct Case {
    const char* typed;
    const char* display;
    const char* known;
  };
  for (const char* sender : {"", "alice@corp.example"}) {
    for (const Case& c : std::initializer_list<Case>{
             {"zhang.wei@china.example", "王伟", "wang.wei@china.example"},
             {"zhang.wei@china.example", "=?utf-8?b?546L5Lyf?=", "wang.wei@china.example"},
             {"k.tanabe@jp.example", "田中健二", "k.tanaka@jp.example"},
             {"jang.minjun@kr.example", "강민준", "kang.minjun@kr.example"},
             {"jss@partner.example", "Jon Smythe", "js@partner.example"},
         }) {
      Slip slip;
      ASSERT_TRUE(index.FindSlip(sender, c.typed, c.display, &slip)) << c.typed;
      EXPECT_EQ(slip.known, c.known) << c.typed;
      EXPECT_EQ(slip.kind, SlipKind::kDisplayName) << c.typed << ": " << slip.detail;
      EXPECT_DOUBLE_EQ(slip.score, 0.85) << c.typed;
      EXPECT_NE(slip.detail.find(std::string("names ") + c.known +
                                 ", the name it is written to under, not this address"),
                std::string::npos)
          << slip.detail;
    }
    Slip slip;
    // Another name, or the typed address's own learned name: the
    // near miss keeps its kind.
    ASSERT_TRUE(index.FindSlip(sender, "zhang.wei@china.example", "张伟", &slip));
    EXPECT_EQ(slip.kind, SlipKind::kOtherCommonFamilyName) << slip.detail;
    ASSERT_TRUE(index.FindSlip(sender, "zhang.li@china.example", "张丽", &slip));
    EXPECT_EQ(slip.kind, SlipKind::kOtherCommonFamilyName) << slip.detail;
  }
}

}  // namespace
}  // namespace nearmiss

// address-typo across domains (issue 14, round 41, item 3):
// AddressIndex::FindDisplayNameElsewhere, on the index itself: who is
// named (by the local part, by a learned display name), in which scope
// (the sender's contacts, the organisation's), and what names no one.
#include <gtest/gtest.h>

#include "engine/address_typo.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  index.Add("alice@mod.example", "john.smith@partner.example", 8, 0, 0,
            "John Smith");
  index.Add("alice@mod.example", "js@acme.example", 5, 0, 0, "\"Jon Smythe\"");
  index.Add("bob@mod.example", "mary.jones@partner.example", 6);
  index.Add("bob@mod.example", "de.vries.daan@partner.example", 4);
  index.Finish();
  return index;
}

TEST(AddressTypoElsewhere, TheNamedPersonAtAnotherDomainIsSuggested) {
  const AddressIndex index = Index();
  Slip slip;
  ASSERT_TRUE(index.FindDisplayNameElsewhere("", "john.smith@gmail.com",
                                             "John Smith", &slip));
  EXPECT_EQ(slip.known, "john.smith@partner.example");
  EXPECT_EQ(slip.kind, SlipKind::kDisplayName);
  EXPECT_DOUBLE_EQ(slip.score, 0.8);
  EXPECT_NE(
      slip.detail.find("names john.smith@partner.example, at another domain"),
      std::string::npos)
      << slip.detail;
  // Written family name first, with titles, or in the other order.
  for (const char* display :
       {"Smith, John", "Mr John Smith", "John A. Smith"}) {
    ASSERT_TRUE(index.FindDisplayNameElsewhere("", "js1977@outlook.com",
                                               display, &slip))
        << display;
    EXPECT_EQ(slip.known, "john.smith@partner.example") << display;
  }
  // A family name of several words, the local part family first.
  ASSERT_TRUE(index.FindDisplayNameElsewhere("", "daan@newco.example",
                                             "Daan de Vries", &slip));
  EXPECT_EQ(slip.known, "de.vries.daan@partner.example");
}

TEST(AddressTypoElsewhere, ALearnedDisplayNameNamesItsAddress) {
  const AddressIndex index = Index();
  Slip slip;
  // js@ names no one by its local part; the name it was written under does.
  ASSERT_TRUE(index.FindDisplayNameElsewhere("", "jon.smythe@gmail.com",
                                             "Jon Smythe", &slip));
  EXPECT_EQ(slip.known, "js@acme.example");
  AddressIndex unnamed(3);
  unnamed.Add("alice@mod.example", "js@acme.example", 5);
  unnamed.Finish();
  EXPECT_FALSE(unnamed.FindDisplayNameElsewhere("", "jon.smythe@gmail.com",
                                                "Jon Smythe", &slip));
}

TEST(AddressTypoElsewhere, TheSenderScopeNamesOnlyTheSendersContacts) {
  const AddressIndex index = Index();
  Slip slip;
  EXPECT_TRUE(index.FindDisplayNameElsewhere(
      "alice@mod.example", "john.smith@gmail.com", "John Smith", &slip));
  EXPECT_TRUE(index.FindDisplayNameElsewhere(
      "ALICE@mod.example", "john.smith@gmail.com", "John Smith", &slip));
  EXPECT_FALSE(index.FindDisplayNameElsewhere(
      "bob@mod.example", "john.smith@gmail.com", "John Smith", &slip));
  EXPECT_TRUE(index.FindDisplayNameElsewhere(
      "bob@mod.example", "mary@gmail.com", "Mary Jones", &slip));
}

TEST(AddressTypoElsewhere, WhatNamesNoOneElsewhereIsNotFlagged) {
  const AddressIndex index = Index();
  Slip slip;
  for (const char* display : {"", "John", "J. Smith", "Smith", "Peter Smith",
                              "John Smithson", "john.smith@partner.example"}) {
    EXPECT_FALSE(index.FindDisplayNameElsewhere("", "john.smith@gmail.com",
                                                display, &slip))
        << "'" << display << "'";
  }
  // At the person's own domain or organisation, Best and
  // FindOrganisationSlip judge.
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "jsmith@partner.example",
                                              "John Smith", &slip));
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "jsmith@uk.partner.example",
                                              "John Smith", &slip));
}

}  // namespace
}  // namespace nearmiss

// Round 47's tester 14, finding 5: at Gmail a local part typed without its
// dots (or with others) is the same mailbox, so johnsmith@gmail.com is the
// frequent john.smith@partner.example at the wrong organisation, as
// john.smith@gmail.com already was.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "john.smith@partner.example", 6, 0, 0, "");
  index.Add(alice, "kim.lee@gmail.com", 6, 0, 0, "");  // Gmail is written to
  index.Add(alice, "mary.jones@hotmail.com", 6, 0, 0, "");
  index.Add(alice, "support.desk@partner.example", 6, 0, 0, "");
  index.Finish();
  return index;
}

TEST(AddressTypoGmailDots, OtherDotsAtGmailAreTheSameName) {
  const AddressIndex index = Index();
  for (const char* sender : {"", "alice@ourorg.example"}) {
    for (const char* typed : {"john.smith@gmail.com", "johnsmith@gmail.com", "j.ohn.smith@gmail.com",
                              "johnsmith@googlemail.com", "JohnSmith@Gmail.com"}) {
      Slip slip;
      ASSERT_TRUE(index.FindOtherDomainSlip(sender, typed, &slip)) << sender << " " << typed;
      EXPECT_EQ(slip.known, "john.smith@partner.example");
      EXPECT_EQ(slip.kind, SlipKind::kOtherDomain);
    }
  }
}

TEST(AddressTypoGmailDots, DotsCountWhereTheProviderReadsThem) {
  const AddressIndex index = Index();
  Slip slip;
  // Hotmail reads dots: maryjones@ is another mailbox, and nothing here is
  // frequent at hotmail.com from gmail's side either.
  EXPECT_FALSE(index.FindOtherDomainSlip("", "johnsmith@hotmail.com", &slip));
  // A desk's name is no person's, with dots or without.
  EXPECT_FALSE(index.FindOtherDomainSlip("", "supportdesk@gmail.com", &slip));
  // Another person at Gmail stays a new contact.
  EXPECT_FALSE(index.FindOtherDomainSlip("", "johnsmyth@gmail.com", &slip));
}

// Round 48's tester 14, finding 3: a slip of a frequent Gmail contact is
// judged with the dots left out, as Gmail reads the mailbox: kimle@ is one
// slip of kim.lee@, as kim.le@ is.
TEST(AddressTypoGmailDots, ASlipAtGmailIsJudgedWithoutTheDots) {
  const AddressIndex index = AliceWroteTo({"kim.lee@gmail.com", "david.oconnor@gmail.com"});
  ExpectSlips(index, {{"kimle@gmail.com", "", "kim.lee@gmail.com", SlipKind::kEdit},
                      {"kim.le@gmail.com", "", "kim.lee@gmail.com", SlipKind::kEdit},
                      {"dav.idoconor@gmail.com", "", "david.oconnor@gmail.com", SlipKind::kEdit}});
  // The same mailbox with other dots is no slip; another person is none.
  ExpectNoSlips(index, {{"kimlee@gmail.com", ""}, {"k.i.m.lee@gmail.com", ""},
                        {"jane.doe@gmail.com", ""}});
}

}  // namespace
}  // namespace nearmiss

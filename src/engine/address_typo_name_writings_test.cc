// Round 49's tester 14, findings 1 and 2: a contact learned under a display
// name is named by it over another address whatever order it is written in
// without a comma ("Patel Priya" for the "Priya Patel" of p.patel@, whose
// local part spells no given name), without the accents Greek drops in
// capitals ("ΣΟΦΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ" for "Σοφία Παπαδοπούλου"), and with the
// Arabic comma or final ى for ي.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/person_names.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "p.patel@client.example", 6, 0, 0, "\"Priya Patel\"");
  index.Add(alice, "rtaylor@supplier.example", 6, 0, 0, "\"Robert Taylor\"");
  index.Add(alice, "sofia.papadopoulou@client.example", 6, 0, 0, "\"Σοφία Παπαδοπούλου\"");
  index.Add(alice, "m.ali@gulf.example", 6, 0, 0, "\"محمد علي\"");
  index.Finish();
  return index;
}

TEST(AddressTypoNameWritings, FamilyFirstWithoutACommaNamesTheLearnedContact) {
  const AddressIndex index = Index();
  for (const char* display : {"Patel Priya", "PATEL Priya", "Patel, Priya", "Priya Patel"}) {
    Slip slip;
    ASSERT_TRUE(index.FindDisplayNameElsewhere("alice@ourorg.example", "r.shah@client.example",
                                               display, &slip))
        << display;
    EXPECT_EQ(slip.known, "p.patel@client.example");
  }
  Slip slip;
  ASSERT_TRUE(index.FindDisplayNameElsewhere("alice@ourorg.example", "j.doe@supplier.example",
                                             "Taylor Robert", &slip));
  EXPECT_EQ(slip.known, "rtaylor@supplier.example");
}

TEST(AddressTypoNameWritings, MarksAndLettersTypedForOneAnother) {
  const AddressIndex index = Index();
  for (const char* display : {"ΣΟΦΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ", "Σοφια Παπαδοπουλου", "ΠΑΠΑΔΟΠΟΥΛΟΥ Σοφία"}) {
    Slip slip;
    ASSERT_TRUE(index.FindDisplayNameElsewhere("alice@ourorg.example", "s.georgiou@client.example",
                                               display, &slip))
        << display;
    EXPECT_EQ(slip.known, "sofia.papadopoulou@client.example");
  }
  for (const char* display : {"علي، محمد", "علي،محمد", "محمد على"}) {
    Slip slip;
    ASSERT_TRUE(
        index.FindDisplayNameElsewhere("alice@ourorg.example", "ahmed@gulf.example", display, &slip))
        << display;
    EXPECT_EQ(slip.known, "m.ali@gulf.example");
  }
}

TEST(AddressTypoNameWritings, OtherPeopleStayNewContacts) {
  const AddressIndex index = Index();
  Slip slip;
  EXPECT_FALSE(
      index.FindDisplayNameElsewhere("", "r.shah@client.example", "Patel Ravi", &slip));
  EXPECT_FALSE(
      index.FindDisplayNameElsewhere("", "s.g@client.example", "ΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ", &slip));
}

// Round 48's tester 14: "John Doe" <john@> names its own person, not the
// frequent john.smith cut short; without the name it is still asked about.
TEST(AddressTypoNameWritings, ADisplayNameThatFitsNamesItsOwnPerson) {
  AddressIndex index(/*min_messages=*/3);
  index.Add("alice@ourorg.example", "john.smith@partner.example", 6, 0, 0, "\"John Smith\"");
  index.Finish();
  Slip slip;
  EXPECT_FALSE(index.FindSlip("alice@ourorg.example", "john@partner.example", "\"John Doe\"", &slip));
  EXPECT_TRUE(index.FindSlip("alice@ourorg.example", "john@partner.example", "", &slip));
  EXPECT_TRUE(index.FindSlip("alice@ourorg.example", "john@partner.example", "\"John Smith\"", &slip));
}

}  // namespace
}  // namespace nearmiss

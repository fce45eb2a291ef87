// Round 48's tester 14, finding 1: a contact learned under a name in
// another script ("Иван Петров", "李伟") is named by that name however it
// is written over another address: in capitals or lower case, family name
// first, "Family, Given", with a patronymic, with a qualifier in brackets,
// with a blank between Han characters.
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
  index.Add(alice, "ivan.petrov@client.example", 6, 0, 0, "\"Иван Петров\"");
  index.Add(alice, "li.wei@client.example", 6, 0, 0, "李伟");
  index.Finish();
  return index;
}

TEST(AddressTypoScriptForms, EveryWritingOfTheLearnedNameNamesItsContact) {
  const AddressIndex index = Index();
  for (const char* sender : {"", "alice@ourorg.example"}) {
    for (const char* display : {"ИВАН ПЕТРОВ", "иван петров", "Петров Иван", "Петров, Иван",
                                "Иван Иванович Петров", "Иван Петров (Client)"}) {
      Slip slip;
      ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, "sergei.ivanov@client.example", display,
                                                 &slip))
          << sender << " '" << display << "'";
      EXPECT_EQ(slip.known, "ivan.petrov@client.example");
    }
    Slip slip;
    ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, "wei77@gmail.com", "李 伟", &slip)) << sender;
    EXPECT_EQ(slip.known, "li.wei@client.example");
  }
}

TEST(AddressTypoScriptForms, OtherPeopleStayNewContacts) {
  const AddressIndex index = Index();
  Slip slip;
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "s.ivanov@client.example", "Сергей Иванов", &slip));
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "wang@client.example", "王伟", &slip));
  EXPECT_FALSE(index.FindDisplayNameElsewhere("", "p@client.example", "Пётр Петров", &slip));
}

}  // namespace
}  // namespace nearmiss

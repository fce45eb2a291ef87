// Round 47's tester 14, findings 1 and 2: a contact learned under a name in
// a script the ASCII folding does not read ("Иван Петров", "李伟",
// "Νίκος Παπαδόπουλος", "محمد علي") is named by that exact name over
// another address, at its domain or another, as a Latin-script name is;
// and a name written "Family, Given" with a family name of particles or
// two hyphened halves ("van der Berg, Pieter", "Al-Rashid, Ahmed") reads as
// the same person as "Pieter van der Berg".
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "engine/address_typo.h"
#include "engine/display_name.h"
#include "engine/person_names.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "ivan.petrov@client.example", 6, 0, 0, "\"Иван Петров\"");
  index.Add(alice, "li.wei@client.example", 6, 0, 0, "=?UTF-8?B?5p2O5Lyf?=");  // 李伟
  index.Add(alice, "n.papadopoulos@greek.example", 6, 0, 0, "Νίκος Παπαδόπουλος");
  index.Finish();
  return index;
}

TEST(AddressTypoScriptNames, TheWholeNameIsReadWhenNoAsciiReadingIs) {
  EXPECT_EQ(engine::WholeScriptName("\"Иван  Петров\""), "иван петров");
  EXPECT_EQ(engine::WholeScriptName("=?UTF-8?B?5p2O5Lyf?="), "李伟");
  EXPECT_EQ(engine::WholeScriptName("John Smith"), "");  // read as given and family
  EXPECT_EQ(engine::WholeScriptName("李"), "");           // one letter names no one
  EXPECT_EQ(engine::ElsewhereReadings("Иван Петров").size(), 1u);
}

TEST(AddressTypoScriptNames, ALearnedNameInAnotherScriptNamesItsContact) {
  const AddressIndex index = Index();
  for (const char* sender : {"", "alice@ourorg.example"}) {
    Slip slip;
    // At the contact's own domain, over an address never written to.
    ASSERT_TRUE(index.FindDisplayNameElsewhere(sender, "sergei.ivanov@client.example",
                                               "\"Иван Петров\"", &slip))
        << sender;
    EXPECT_EQ(slip.known, "ivan.petrov@client.example");
    EXPECT_EQ(slip.kind, SlipKind::kDisplayName);
    // At another domain.
    ASSERT_TRUE(
        index.FindDisplayNameElsewhere(sender, "nikos77@gmail.com", "Νίκος Παπαδόπουλος", &slip));
    EXPECT_EQ(slip.known, "n.papadopoulos@greek.example");
    // Over another known contact's address: the card of one holding the
    // other's address.
    ASSERT_TRUE(index.FindKnownDisplayElsewhere(sender, "li.wei@client.example", "Иван Петров",
                                                &slip));
    EXPECT_EQ(slip.known, "ivan.petrov@client.example");
    // The name over its own address is no slip.
    EXPECT_FALSE(index.FindKnownDisplayElsewhere(sender, "li.wei@client.example", "李伟", &slip));
  }
}

TEST(AddressTypoScriptNames, AFamilyNameOfSeveralWordsBeforeTheComma) {
  for (const auto& [display, given, family] :
       std::vector<std::tuple<const char*, const char*, const char*>>{
           {"van der Berg, Pieter", "pieter", "berg"},
           {"de la Cruz, Maria", "maria", "cruz"},
           {"Al-Rashid, Ahmed", "ahmed", "rashid"},
           {"Al Rashid, Ahmed", "ahmed", "rashid"},
           {"Smith, John", "john", "smith"},
           {"Pieter van der Berg", "pieter", "berg"}}) {
    std::string g, f;
    ASSERT_TRUE(engine::DisplayNames(display, &g, &f)) << display;
    EXPECT_EQ(g, given) << display;
    EXPECT_EQ(f, family) << display;
  }
  // A qualifier after the comma is no given name.
  std::string g, f;
  ASSERT_TRUE(engine::DisplayNames("Mary Jones, NHS", &g, &f));
  EXPECT_EQ(g, "mary");
  AddressIndex index(/*min_messages=*/3);
  index.Add("alice@ourorg.example", "p.vanderberg@dutch.example", 6, 0, 0, "Pieter van der Berg");
  index.Finish();
  Slip slip;
  EXPECT_TRUE(index.FindDisplayNameElsewhere("", "jan.jansen@dutch.example",
                                             "\"van der Berg, Pieter\"", &slip));
  EXPECT_EQ(slip.known, "p.vanderberg@dutch.example");
}

// Round 50's tester 14, findings 1, 3 and 4: a contact written to by bare
// address (no name learned) is named over another address by the name in
// the other word orders directories use: family first ("NOVAK Petr",
// "Tanaka Taro"), two family names ("García López, Ana María", "GARCÍA
// LÓPEZ Ana María"), a double given name on an initials address ("DUBOIS
// Anne-Marie" for am.dubois).
TEST(AddressTypoScriptNames, FamilyFirstAndTwoFamilyNamesNameTheContact) {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "p.novak@client.example", 6, 0, 0, "");
  index.Add(alice, "t.tanaka@jp.example", 6, 0, 0, "");
  index.Add(alice, "ana.garcia@es.example", 6, 0, 0, "");
  index.Add(alice, "am.dubois@fr.example", 6, 0, 0, "");
  index.Finish();
  for (const auto& [address, display, known] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"x.y@client.example", "NOVAK Petr", "p.novak@client.example"},
           {"x.y@client.example", "Novak Petr", "p.novak@client.example"},
           {"suzuki@jp.example", "Tanaka Taro", "t.tanaka@jp.example"},
           {"x.y@es.example", "García López, Ana María", "ana.garcia@es.example"},
           {"x.y@es.example", "GARCÍA LÓPEZ Ana María", "ana.garcia@es.example"},
           {"x.y@fr.example", "DUBOIS Anne-Marie", "am.dubois@fr.example"}}) {
    Slip slip;
    ASSERT_TRUE(index.FindSlip(alice, address, display, &slip)) << display;
    EXPECT_EQ(slip.known, known) << display;
    EXPECT_EQ(slip.kind, SlipKind::kDisplayName) << display;
  }
  // The contact's own address under the name in either order: no slip.
  Slip slip;
  EXPECT_FALSE(index.FindSlip(alice, "p.novak@client.example", "NOVAK Petr", &slip));
}

}  // namespace
}  // namespace nearmiss

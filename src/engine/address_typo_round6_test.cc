// address-typo, the families a sixth issue-14 tester broke (round 6):
// given names in another form (alex.petrov for alexander.petrov, bob.brown
// for robert.brown), family names of several parts shortened (jan.berg for
// jan.van.der.berg, s.oconnell for oconnell-byrne.siobhan), a number added
// to another shape (rbrown1 for robert.brown), and a display name that
// names one frequent contact over another known one. Each test takes
// several members of its family beyond the tester's examples, and the
// addresses of the family that must stay quiet.
#include <gtest/gtest.h>

#include <string>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/local_part_rules.h"
#include "engine/name_forms.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

// Item 1 (fail-open): a short or familiar form of a frequent contact's
// given name, with the same family name, was accepted as new.
TEST(AddressTypoRound6, AGivenNameInAnotherFormIsASlip) {
  AddressIndex index = AliceWroteTo(
      {"alexander.petrov@nick.example", "samuel.patel@nick.example", "robert.brown@nick.example",
       "william.jones@nick.example", "james.taylor@nick.example", "michael.reed@nick.example",
       "elizabeth.clark@nick.example", "margaret.hill@nick.example", "thomas.mueller@nick.example",
       "maximilian_weber@nick.example", "petrov.katherine@nick.example",
       "jonathan-ford@nick.example"});
  const SlipKind k = SlipKind::kGivenNameForm;
  ExpectSlips(index, {
      // Prefixes of three letters or more, table or not.
      {"alex.petrov@nick.example", "", "alexander.petrov@nick.example", k},
      {"sam.patel@nick.example", "", "samuel.patel@nick.example", k},
      {"max_weber@nick.example", "", "maximilian_weber@nick.example", k},
      {"mich.reed@nick.example", "", "michael.reed@nick.example", k},
      // Familiar forms from the table.
      {"rob.brown@nick.example", "", "robert.brown@nick.example", k},
      {"bob.brown@nick.example", "", "robert.brown@nick.example", k},
      {"bill.jones@nick.example", "", "william.jones@nick.example", k},
      {"will.jones@nick.example", "", "william.jones@nick.example", k},
      {"jim.taylor@nick.example", "", "james.taylor@nick.example", k},
      {"mike.reed@nick.example", "", "michael.reed@nick.example", k},
      {"liz.clark@nick.example", "", "elizabeth.clark@nick.example", k},
      {"beth.clark@nick.example", "", "elizabeth.clark@nick.example", k},
      {"peggy.hill@nick.example", "", "margaret.hill@nick.example", k},
      {"maggie.hill@nick.example", "", "margaret.hill@nick.example", k},
      {"tom.mueller@nick.example", "", "thomas.mueller@nick.example", k},
      {"jon-ford@nick.example", "", "jonathan-ford@nick.example", k},
      // The family name first: the given name last, a table form.
      {"petrov.kate@nick.example", "", "petrov.katherine@nick.example", k},
      {"petrov.kathy@nick.example", "", "petrov.katherine@nick.example", k},
      // The display name in the familiar form names the frequent address.
      {"zz.qq@nick.example", "Bob Brown", "robert.brown@nick.example", SlipKind::kDisplayName},
      {"zz.qq@nick.example", "Taylor, Jim", "james.taylor@nick.example", SlipKind::kDisplayName},
  });
  ExpectNoSlips(index, {
      // Another given name (not a form), or a prefix of under three letters.
      {"al.petrov@nick.example", ""}, {"ronald.brown@nick.example", ""},
  });
}

// Item 1, second half: when one domain holds two people whose names are
// forms of each other's, the suggestion is the one with the same family
// name, and two frequent colleagues are never slips of each other.
TEST(AddressTypoRound6, TheSuggestionIsTheSamePersonNotTheSameGivenName) {
  AddressIndex index =
      AliceWroteTo({"christopher.lee@nick2.example", "chris.wood@nick2.example",
                    "alexander.petrov@nick2.example", "alex.green@nick2.example",
                    "robert.brown@nick2.example", "bob.stone@nick2.example"});
  ExpectSlips(index, {
      {"chris.lee@nick2.example", "", "christopher.lee@nick2.example", SlipKind::kGivenNameForm},
      {"christopher.wood@nick2.example", "", "chris.wood@nick2.example",
       SlipKind::kGivenNameForm},
      {"alex.petrov@nick2.example", "", "alexander.petrov@nick2.example",
       SlipKind::kGivenNameForm},
      {"alexander.green@nick2.example", "", "alex.green@nick2.example", SlipKind::kGivenNameForm},
      {"bob.brown@nick2.example", "", "robert.brown@nick2.example", SlipKind::kGivenNameForm},
      {"robert.stone@nick2.example", "", "bob.stone@nick2.example", SlipKind::kGivenNameForm},
  });
  // The frequent addresses themselves are known: no slip of each other.
  for (const char* a : {"christopher.lee@nick2.example", "chris.wood@nick2.example",
                        "alex.green@nick2.example", "bob.stone@nick2.example"}) {
    EXPECT_TRUE(index.Known("alice@mod.example", a)) << a;
  }
  ExpectNoSlips(index, {{"christopher.lee@nick2.example", ""}, {"chris.wood@nick2.example", ""}});
}

TEST(AddressTypoRound6, GivenNameTable) {
  EXPECT_TRUE(engine::SameGivenName("bob", "robert", false));
  EXPECT_TRUE(engine::SameGivenName("bob", "rob", false));    // two forms of robert
  EXPECT_TRUE(engine::SameGivenName("liz", "beth", false));   // two forms of elizabeth
  EXPECT_FALSE(engine::SameGivenName("katherine", "kathleen", false));  // two NAMEs
  EXPECT_TRUE(engine::SameGivenName("alex", "alexander", false));  // listed
  EXPECT_FALSE(engine::SameGivenName("max", "maximilian", false));  // a prefix, not asked
  EXPECT_TRUE(engine::SameGivenName("max", "maximilian", true));
  EXPECT_FALSE(engine::SameGivenName("al", "alan", true));  // under three letters
  EXPECT_FALSE(engine::SameGivenName("robert", "robert", true));
  // Errors name the source and line.
  Result<std::vector<engine::GivenNameForms>> bad =
      engine::ParseGivenNameForms("# c\nrobert bob\nwilliam\n", "t.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("t.txt:3"), std::string::npos) << bad.status().message();
  Result<std::vector<engine::GivenNameForms>> bad2 =
      engine::ParseGivenNameForms("robert Bob\n", "t.txt");
  ASSERT_FALSE(bad2.ok());
  EXPECT_NE(bad2.status().message().find("t.txt:1: 'Bob'"), std::string::npos);
}

// Item 2 (fail-open): a family name of several parts (particles, a double
// name) dropped to one part, or run together behind an initial.
TEST(AddressTypoRound6, AFamilyNameGroupShortenedIsASlip) {
  AddressIndex index = AliceWroteTo(
      {"jan.van.der.berg@part.example", "maria.de.la.cruz@part.example",
       "pieter.de.vries@part.example", "ludwig.von.mises@part.example",
       "ana.dos.santos@part.example", "oconnell-byrne.siobhan@part.example",
       "carmen.garcia-lopez@part.example", "van.der.meer.anna@part.example"});
  const SlipKind k = SlipKind::kFamilyGroup;
  ExpectSlips(index, {
      {"jan.berg@part.example", "", "jan.van.der.berg@part.example", k},
      {"maria.cruz@part.example", "", "maria.de.la.cruz@part.example", k},
      {"j.vanderberg@part.example", "", "jan.van.der.berg@part.example", k},
      {"jvanderberg@part.example", "", "jan.van.der.berg@part.example", k},
      {"jan.vandenberg@part.example", "", "jan.van.der.berg@part.example", k},
      {"p.devries@part.example", "", "pieter.de.vries@part.example", k},
      {"m.delacruz@part.example", "", "maria.de.la.cruz@part.example", k},
      // Caught before as initials kept with a part dropped (InitialsKept).
      {"a.santos@part.example", "", "ana.dos.santos@part.example", SlipKind::kShortenedParts},
      {"l.mises@part.example", "", "ludwig.von.mises@part.example", SlipKind::kShortenedParts},
      {"c.lopez@part.example", "", "carmen.garcia-lopez@part.example", SlipKind::kShortenedParts},
      {"s.oconnell@part.example", "", "oconnell-byrne.siobhan@part.example", k},
      {"siobhan.byrne@part.example", "", "oconnell-byrne.siobhan@part.example", k},
      {"carmen.garcialopez@part.example", "", "carmen.garcia-lopez@part.example", SlipKind::kEdit},
      {"anna.meer@part.example", "", "van.der.meer.anna@part.example", k},
  });
  ExpectNoSlips(index, {
      // Another given name with the family, or a particle kept alone.
      {"peter.berg@part.example", ""}, {"k.devries@part.example", ""},
      {"jan.van@part.example", ""}, {"maria.la@part.example", ""},
  });
}

// Item 3 (fail-open): an initial or swapped form with a number added.
TEST(AddressTypoRound6, ANumberAddedToAnotherShapeIsASlip) {
  AddressIndex index = AliceWroteTo({"robert.brown@acme.example", "john.smith@gmail.com",
                                     "kowalski.a@acme.example", "jsmith7@acme.example"});
  ExpectSlips(index, {
      {"rbrown1@acme.example", "", "robert.brown@acme.example", SlipKind::kShortenedParts},
      {"rbrown77@acme.example", "", "robert.brown@acme.example", SlipKind::kShortenedParts},
      {"r.brown2@acme.example", "", "robert.brown@acme.example", SlipKind::kShortenedParts},
      {"brown.robert2@acme.example", "", "robert.brown@acme.example", SlipKind::kSwappedParts},
      {"brown.r3@acme.example", "", "robert.brown@acme.example",
       SlipKind::kInitialAfterFamily},
      {"bob.brown2@acme.example", "", "robert.brown@acme.example", SlipKind::kGivenNameForm},
      {"jsmith1@gmail.com", "", "john.smith@gmail.com", SlipKind::kShortenedParts},
      {"j.smith77@gmail.com", "", "john.smith@gmail.com", SlipKind::kShortenedParts},
      {"akowalski2@acme.example", "", "kowalski.a@acme.example", SlipKind::kSwappedParts},
      // The number dropped from a numbered frequent address in another shape.
      {"john.smith@acme.example", "", "jsmith7@acme.example", SlipKind::kLongForm},
  });
  std::optional<engine::Slip> slip = Find(index, "rbrown1@acme.example");
  ASSERT_TRUE(slip.has_value());
  EXPECT_NE(slip->detail.find("a number added or dropped, and a name part"), std::string::npos)
      << slip->detail;
  ExpectNoSlips(index, {{"kbrown1@acme.example", ""}, {"brown.k2@acme.example", ""},
                        {"mary.jones2@acme.example", ""}});
  // On a crowded domain (a provider), a numbered initial form is another
  // person as often as not: only the plain number rule applies there.
  engine::AddressIndex crowded = CrowdedWith("gmail.com", {"catherine.anderson@gmail.com"});
  ExpectNoSlips(crowded, {{"canderson170@gmail.com", ""}, {"anderson.catherine7@gmail.com", ""}});
  ExpectSlips(crowded, {{"catherine.anderson7@gmail.com", "", "catherine.anderson@gmail.com",
                         SlipKind::kNumber}});
}

// Item 4 (fail-open): a display name naming one frequent contact over
// another known contact's address.
TEST(AddressTypoRound6, ADisplayNameOfOneKnownContactOverAnother) {
  // rbrown@ is Robert Brown's other address, written to less often: a
  // display name naming both suggests the more frequent one.
  AddressIndex index(3);
  for (const char* to : {"robert.brown@acme.example", "li.wei@acme.example",
                         "kim.park@other.example"}) {
    index.Add("alice@mod.example", to, 8);
  }
  index.Add("alice@mod.example", "rbrown@acme.example", 5);
  index.Finish();
  struct Case {
    std::string_view address, display, known;
    SlipKind kind;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"li.wei@acme.example", "robert.brown@acme.example", "robert.brown@acme.example",
            SlipKind::kDisplayAddress},
           {"li.wei@acme.example", "Robert Brown", "robert.brown@acme.example",
            SlipKind::kDisplayName},
           {"li.wei@acme.example", "Brown, Robert", "robert.brown@acme.example",
            SlipKind::kDisplayName},
           {"li.wei@acme.example", "Bob Brown", "robert.brown@acme.example",
            SlipKind::kDisplayName},
           {"li.wei@acme.example", "kim.park@other.example", "kim.park@other.example",
            SlipKind::kDisplayAddress},
       }) {
    engine::Slip slip;
    ASSERT_TRUE(index.FindKnownDisplaySlip("", c.address, c.display, &slip)) << c.display;
    EXPECT_EQ(slip.known, c.known) << c.display;
    EXPECT_EQ(slip.kind, c.kind) << c.display;
  }
  // A name that fits the address it is on, or names nobody frequent.
  for (const auto& [address, display] : std::initializer_list<std::pair<const char*, const char*>>{
           {"li.wei@acme.example", "Li Wei"}, {"li.wei@acme.example", "Wei, Li"},
           {"rbrown@acme.example", "Robert Brown"}, {"rbrown@acme.example", "Bob Brown"},
           {"robert.brown@acme.example", "Robert Brown"}, {"li.wei@acme.example", "Sales Team"},
           {"li.wei@acme.example", "li.wei@acme.example"}, {"li.wei@acme.example", ""}}) {
    engine::Slip slip;
    EXPECT_FALSE(index.FindKnownDisplaySlip("", address, display, &slip))
        << address << " '" << display << "': " << slip.known;
  }
}

}  // namespace
}  // namespace nearmiss

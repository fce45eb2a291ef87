// address-typo, issue 14 breaker round 9 (the tester of 409ea69): a
// frequent contact's display name on an address whose family name only
// starts or ends with the contact's (john.smithson, robert.browne) was
// taken as fitting it, so the slip was reported as the weaker kind and a
// plain acknowledgement settled mail addressed to that contact (item 1).
// Each test takes a family of cases.
#include <gtest/gtest.h>

#include <string>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/display_name.h"

namespace nearmiss {
namespace {

using engine::NamesPerson;
using engine::SlipKind;

// A name is read in whole words: one name that only starts or ends another
// is another name.
TEST(AddressTypoRound9, ANameFitsAnAddressInWholeWordsOnly) {
  struct Case {
    const char* local;
    const char* given;
    const char* family;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"john.smith", "john", "smith"},   {"jsmith", "john", "smith"},
           {"smith.j", "john", "smith"},      {"john.a.smith", "john", "smith"},
           {"johnsmith", "john", "smith"},    {"smithjohn", "john", "smith"},
           {"smith", "john", "smith"},        {"john", "john", "smith"},
           {"j.smith2", "john", "smith"},     {"johnqsmith", "john", "smith"},
           {"smith.john", "john", "smith"},   {"mary.jane.smith", "maryjane", "smith"},
           {"jan.van.den.berg", "jan", "vandenberg"}, {"jan.vandenberg", "jan", "vandenberg"},
           {"john.paul.smith", "john", "smith"}, {"catherine.oconnor", "catherine", "oconnor"},
           {"andrew.lloyd-webber", "andrew", "webber"},
           {"p.okonkwo", "p", "okonkwo"},     {"pieter.okonkwo", "p", "okonkwo"},
           {"okonkwo", "p", "okonkwo"},       {"garcia.maria", "maria", "g"},
       }) {
    EXPECT_TRUE(NamesPerson(c.local, c.given, c.family))
        << c.local << " '" << c.given << " " << c.family << "'";
  }
  for (const Case& c : std::initializer_list<Case>{
           {"john.smithson", "john", "smith"},  {"john.smithers", "john", "smith"},
           {"johnsmithson", "john", "smith"},   {"j.smithson", "john", "smith"},
           {"jsmithson", "john", "smith"},      {"johnson.smith", "john", "smith"},
           {"john.goldsmith", "john", "smith"}, {"robert.browne", "robert", "brown"},
           {"robert.browning", "robert", "brown"}, {"ahmed.hassani", "ahmed", "hassan"},
           {"jane.smith", "john", "smith"},     {"smith.jane", "john", "smith"},
           {"j.smithson", "j", "smith"},        {"pieter.okonkwoson", "p", "okonkwo"},
           {"mgarcia", "maria", "g"},
       }) {
    EXPECT_FALSE(NamesPerson(c.local, c.given, c.family))
        << c.local << " '" << c.given << " " << c.family << "'";
  }
}

// The display name of a frequent contact on an address whose name starts
// like the contact's is the strongest kind: the sender picked that person.
TEST(AddressTypoRound9, DisplayNameOnALongerFamilyNameIsDisplayName) {
  engine::AddressIndex index =
      AliceWroteTo({"john.smith@pe.example", "robert.brown@pe.example",
                    "ahmed.hassan@pe.example", "mary.jones@pe.example", "johnsmith@rt.example",
                    "catherine.oconnor@pe.example"});
  const SlipKind k = SlipKind::kDisplayName;
  ExpectSlips(index, {
      {"john.smithson@pe.example", "John Smith", "john.smith@pe.example", k},
      {"john.smithers@pe.example", "John Smith", "john.smith@pe.example", k},
      {"john.smithson@pe.example", "Smith, John", "john.smith@pe.example", k},
      {"j.smithson@pe.example", "J. Smith", "john.smith@pe.example", k},
      {"robert.browning@pe.example", "Robert Brown", "robert.brown@pe.example", k},
      {"robert.brownlee@pe.example", "Robert Brown", "robert.brown@pe.example", k},
      {"robert.browne@pe.example", "Robert Brown", "robert.brown@pe.example", k},
      {"ahmed.hassani@pe.example", "Ahmed Hassan", "ahmed.hassan@pe.example", k},
      {"johnsmithson@rt.example", "John Smith", "johnsmith@rt.example", k},
      // An apostrophe joins one name: "O'Connor" is oconnor, not connor.
      {"catherine.oconner@pe.example", "Catherine O'Connor", "catherine.oconnor@pe.example", k},
  });
  // The same addresses under their own names stay the weaker kinds.
  ExpectSlips(index, {
      {"john.smithson@pe.example", "John Smithson", "john.smith@pe.example",
       SlipKind::kOtherFamilyName},
      {"robert.browne@pe.example", "Robert Browne", "robert.brown@pe.example", SlipKind::kEdit},
  });
}

// Item 2: slips at the parent or a sibling subdomain of one organisation
// (a subdomain is trusted through its parent, so nothing else judges them).
TEST(AddressTypoRound9, SlipsAcrossTheDomainsOfOneOrganisation) {
  engine::AddressIndex index =
      AliceWroteTo({"john.smith@uk.partner.example", "maria.garcia@partner.example"});
  struct Case {
    const char* typed;
    const char* display;
    bool known;
    const char* meant;
    SlipKind kind;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"john.smith@us.partner.example", "", false, "john.smith@uk.partner.example",
            SlipKind::kNeighbourDomain},
           {"jon.smith@partner.example", "", false, "john.smith@uk.partner.example",
            SlipKind::kEdit},
           {"jon.smith@us.partner.example", "", false, "john.smith@uk.partner.example",
            SlipKind::kEdit},
           {"smith.john@partner.example", "", false, "john.smith@uk.partner.example",
            SlipKind::kSwappedParts},
           // Mario and Maria are both real given names: another person
           // as often as a slip (round 43, given_name_list.h).
           {"mario.garcia@uk.partner.example", "", false, "maria.garcia@partner.example",
            SlipKind::kOtherGivenName},
           {"m.garcia@hr.partner.example", "", false, "maria.garcia@partner.example",
            SlipKind::kShortenedParts},
           {"maria.garcia@partner.example", "John Smith", true, "john.smith@uk.partner.example",
            SlipKind::kDisplayName},
           {"john.smith@uk.partner.example", "Maria Garcia", true,
            "maria.garcia@partner.example", SlipKind::kDisplayName},
       }) {
    engine::Slip slip;
    ASSERT_TRUE(index.FindOrganisationSlip("", c.typed, c.display, c.known, &slip)) << c.typed;
    EXPECT_EQ(slip.known, c.meant) << c.typed;
    EXPECT_EQ(slip.kind, c.kind) << c.typed;
  }
  EXPECT_TRUE(index.InFrequentOrganisation("US.partner.example"));
  EXPECT_FALSE(index.InFrequentOrganisation("partner.example.org"));
  engine::Slip slip;
  for (const char* other : {"lee.chan@us.partner.example", "peter.jones@partner.example",
                            "john.smith@partner.example.org", "jon.smith@other.example"}) {
    EXPECT_FALSE(index.FindOrganisationSlip("", other, "", false, &slip)) << other;
  }
  // Known addresses under their own names, and the sender's own scope.
  EXPECT_FALSE(index.FindOrganisationSlip("", "maria.garcia@partner.example", "Maria Garcia",
                                          true, &slip));
  EXPECT_TRUE(index.FindOrganisationSlip("alice@mod.example", "jon.smith@partner.example", "",
                                         false, &slip));
}

}  // namespace
}  // namespace nearmiss

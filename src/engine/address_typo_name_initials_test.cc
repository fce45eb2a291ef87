// Tester 14-b, finding 1: a known contact's name written with its initials
// dotted or spaced ("J. R. Tolkien", "J.R. Tolkien") or with a family
// particle apart ("P. de Vries", "de Vries, P.") names that contact as
// "JR Tolkien" and "P. Devries" do, on another address at its domain or
// elsewhere; every writing of the address's own name still fits it.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/display_name.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::Slip;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "jrtolkien@books.example", 8, 0, 0, "\"J. R. Tolkien\"");
  index.Add(alice, "p.devries@nl.example", 8, 0, 0, "\"Pieter de Vries\"");
  index.Add(alice, "jan.vanderberg@nl.example", 8, 0, 0, "\"Jan van der Berg\"");
  index.Add(alice, "am.oneill@ie.example", 8, 0, 0, "\"Anne-Marie O'Neill\"");
  index.Finish();
  return index;
}

TEST(AddressTypoNameInitials, EveryWritingOfTheNameOnAnotherAddressIsASlip) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"info@books.example", "\"J. R. Tolkien\"", "jrtolkien@books.example", SlipKind::kDisplayName},
      {"sales@books.example", "\"J.R. Tolkien\"", "jrtolkien@books.example", SlipKind::kDisplayName},
      {"sales@books.example", "J R Tolkien", "jrtolkien@books.example", SlipKind::kDisplayName},
      {"info@books.example", "\"J. R. R. Tolkien\"", "jrtolkien@books.example", SlipKind::kDisplayName},
      {"info@books.example", "\"Tolkien, J.R.R.\"", "jrtolkien@books.example", SlipKind::kDisplayName},
      {"info@nl.example", "\"P. de Vries\"", "p.devries@nl.example", SlipKind::kDisplayName},
      {"j.devries@nl.example", "\"P. de Vries\"", "p.devries@nl.example", SlipKind::kDisplayName},
      {"j.devries@nl.example", "\"de Vries, P.\"", "p.devries@nl.example", SlipKind::kDisplayName},
      {"j.devries@nl.example", "\"DE VRIES, P.\"", "p.devries@nl.example", SlipKind::kDisplayName},
      {"info@nl.example", "\"J. van der Berg\"", "jan.vanderberg@nl.example", SlipKind::kDisplayName},
      {"info@nl.example", "\"van der Berg, J.\"", "jan.vanderberg@nl.example", SlipKind::kDisplayName},
      {"info@ie.example", "\"A. M. O'Neill\"", "am.oneill@ie.example", SlipKind::kDisplayName},
      {"info@ie.example", "\"A.M. O'Neill\"", "am.oneill@ie.example", SlipKind::kDisplayName},
  });
}

TEST(AddressTypoNameInitials, TheLearnedWritingNamesTheContactAtAnotherDomain) {
  const AddressIndex index = Index();
  ExpectNamedElsewhere(index, "alice@ourorg.example", "jrtolkien@tolkien-estate.example",
                       "jrtolkien@books.example",
                       {"J. R. Tolkien", "J.R. Tolkien", "Tolkien, J. R.", "JR Tolkien"});
}

TEST(AddressTypoNameInitials, TheAddressOwnNameAndOtherPeopleStayNoSlip) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"j.devries@nl.example", "\"J. de Vries\""},
      {"a.devries@nl.example", "\"de Vries, A.\""},
      {"jr.smith@books.example", "\"J. R. Smith\""},
      {"info@books.example", "\"A. B. Smith\""},
      {"le.minh@nl.example", "\"Le Minh Tuan\""},
  });
}

TEST(AddressTypoNameInitials, WritingsRewriteInitialsAndParticlesOnly) {
  EXPECT_EQ(engine::DisplayNameWriting("J. R. Tolkien", engine::kJoinInitials), "Jr. Tolkien");
  EXPECT_EQ(engine::DisplayNameWriting("de Vries, P.", engine::kJoinParticles), "deVries, P.");
  EXPECT_EQ(engine::DisplayNameWriting("Le Minh Tuan", engine::kJoinParticles), "");
  EXPECT_EQ(engine::DisplayNameWriting("John Smith (J. R.)", engine::kJoinInitials), "");
}

}  // namespace
}  // namespace nearmiss

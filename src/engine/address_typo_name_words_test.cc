// Round 56's tester 14, findings 1, 2 and 4: a learned name with a middle
// name or patronymic, reordered ("Petrov Ivan Sergeyevich"), with initials
// ("I. S. Petrov", "Petrov I.S.", "Петров И.С.") or without its family name
// ("Ivan Sergeyevich"); a hyphen joining or splitting a given name ("Liu
// Xiao-Ming", "K.-T. Guttenberg"); and an honorific of another language
// before the name ("Herr", "Sra.", "Dott.ssa", "Ato") all passed on another
// address at the contact's domain. The cases here are of other cultures
// than the report's; a single given name, another family name and the
// address's own name stay no slip.
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/honorifics.h"
#include "engine/name_words.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "olena.kovalenko@ua.example", 15, 0, 0, "\"Olena Petrivna Kovalenko\"");
  index.Add(alice, "g.dimitrov@bg.example", 15, 0, 0,
            "\"\xD0\x93\xD0\xB5\xD0\xBE\xD1\x80\xD0\xB3\xD0\xB8 "
            "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 "
            "\xD0\x94\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2\"");  // Георги Иванов Димитров
  index.Add(alice, "meiling.chen@tw.example", 15, 0, 0, "\"Chen Meiling\"");
  index.Add(alice, "hj.mueller@de.example", 15, 0, 0, "\"Hans-J\xC3\xBCrgen M\xC3\xBCller\"");
  index.Add(alice, "anna.schmidt@ch.example", 15, 0, 0, "\"Anna Schmidt\"");
  index.Add(alice, "lucia.fernandez@mx.example", 15, 0, 0, "\"Luc\xC3\xAD" "a Fern\xC3\xA1ndez\"");
  index.Add(alice, "giulia.romano@it.example", 15, 0, 0, "\"Giulia Romano\"");
  index.Add(alice, "tirunesh.dibaba@et.example", 15, 0, 0, "\"Tirunesh Dibaba\"");
  index.Add(alice, "p.wei@cn.example", 15, 0, 0, "\"Pan Wei\"");
  index.Add(alice, "ase.kjaer@no.example", 15, 0, 0, "\"\xC3\x85se Kj\xC3\xA6r\"");  // Åse Kjær
  index.Add(alice, "ewan.mcgregor@scot.example", 15, 0, 0, "\"Ewan McGregor\"");
  index.Add(alice, "a.macleod@ie.example", 15, 0, 0, "\"Aileen MacLeod\"");
  index.Finish();
  return index;
}

TEST(AddressTypoNameWords, MiddleNameReorderedInitialledOrFamilyDroppedIsASlip) {
  const AddressIndex index = Index();
  const char* olena = "olena.kovalenko@ua.example";
  const char* georgi = "g.dimitrov@bg.example";
  ExpectSlips(index, {
      {"office@ua.example", "\"Kovalenko Olena Petrivna\"", olena, SlipKind::kDisplayName},
      {"office@ua.example", "\"O. P. Kovalenko\"", olena, SlipKind::kDisplayName},
      {"office@ua.example", "\"Kovalenko O.P.\"", olena, SlipKind::kDisplayName},
      {"office@ua.example", "\"Olena Petrivna\"", olena, SlipKind::kDisplayName},
      // Димитров Г.И., Димитров Георги Иванов
      {"office@bg.example", "\"\xD0\x94\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2 "
                            "\xD0\x93.\xD0\x98.\"", georgi, SlipKind::kDisplayName},
      {"office@bg.example", "\"\xD0\x94\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2 "
                            "\xD0\x93\xD0\xB5\xD0\xBE\xD1\x80\xD0\xB3\xD0\xB8 "
                            "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2\"",
       georgi, SlipKind::kDisplayName},
  });
  // At another organisation's domain too, in two whole words at least.
  ExpectNamedElsewhere(index, "alice@ourorg.example", "olena@mail-ua.example", olena,
                       {"\"Kovalenko Olena Petrivna\"", "\"Olena P. Kovalenko\""});
}

TEST(AddressTypoNameWords, HyphenJoiningOrSplittingAGivenNameIsASlip) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"info@tw.example", "\"Chen Mei-Ling\"", "meiling.chen@tw.example", SlipKind::kDisplayName},
      {"info@de.example", "\"H.-J. M\xC3\xBCller\"", "hj.mueller@de.example",
       SlipKind::kDisplayName},
      {"info@de.example", "\"Hansj\xC3\xBCrgen Mueller\"", "hj.mueller@de.example",
       SlipKind::kDisplayName},
  });
}

TEST(AddressTypoNameWords, HonorificsOfOtherLanguagesAreDropped) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"info@ch.example", "\"Frau Anna Schmidt\"", "anna.schmidt@ch.example",
       SlipKind::kDisplayName},
      {"info@mx.example", "\"Sra. Luc\xC3\xAD" "a Fern\xC3\xA1ndez\"", "lucia.fernandez@mx.example",
       SlipKind::kDisplayName},
      {"info@it.example", "\"Dott.ssa Giulia Romano\"", "giulia.romano@it.example",
       SlipKind::kDisplayName},
      {"info@it.example", "\"Sig.ra Giulia Romano\"", "giulia.romano@it.example",
       SlipKind::kDisplayName},
      {"info@et.example", "\"Woizero Tirunesh Dibaba\"", "tirunesh.dibaba@et.example",
       SlipKind::kDisplayName},
      // A title word that is also a family name stays a name: "Pan Wei".
      {"info@cn.example", "\"Pan Wei\"", "p.wei@cn.example", SlipKind::kDisplayName},
  });
  EXPECT_TRUE(engine::CheckHonorifics().ok()) << engine::CheckHonorifics().message();
}

// Round 56's tester 14, finding 3: the spellings the address side reads as
// one edit (soeren for søren, macdonald for mcdonald) are one name in a
// display name too.
TEST(AddressTypoNameWords, NordicTranscriptionsAndMacMcAreOneName) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"post@no.example", "\"Aase Kjaer\"", "ase.kjaer@no.example", SlipKind::kDisplayName},
      {"info@scot.example", "\"Ewan MacGregor\"", "ewan.mcgregor@scot.example",
       SlipKind::kDisplayName},
      {"info@ie.example", "\"Aileen McLeod\"", "a.macleod@ie.example", SlipKind::kDisplayName},
  });
  // "Mack" is no Mac name.
  ExpectNoSlips(index, {{"info@scot.example", "\"Ewan Mack\""}});
}

TEST(AddressTypoNameWords, OneGivenNameOrAnotherFamilyNameIsNoSlip) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"office@ua.example", "\"Olena\""},
      {"office@ua.example", "\"Olena Shevchenko\""},
      {"office@ua.example", "\"Petrivna\""},
      {"office@ua.example", "\"O. P.\""},
      {"office@tw.example", "\"Chen Wei\""},
      {"info@de.example", "\"Hans Schulz\""},
      // The address's own name.
      {"olena.shevchenko@ua.example", "\"Olena Shevchenko\""},
  });
  EXPECT_FALSE(engine::DisplayWordsName("\"Olena Shevchenko\"", "\"Olena Petrivna Kovalenko\""));
  EXPECT_TRUE(engine::DisplayWordsName("\"Kovalenko O. P.\"", "\"Olena Petrivna Kovalenko\""));
}

}  // namespace
}  // namespace nearmiss

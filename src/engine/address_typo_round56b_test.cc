// Tester 14 round 56b (issue 14): a display-name word that only starts a
// contact's name word is another person's name, in either order and with
// or without a comma (finding 1); the family name a family-first learned
// name shows is shared, so a one-letter change of the given name is an
// ordinary slip (2); the frequent address's parts reordered with a part
// added (3); a misspelt contact's name on an address never written to (4);
// an initial that fits two contacts names both (5); the other half of a
// double family name (6). The report's cases and held-out ones of each kind.
#include <gtest/gtest.h>

#include <utility>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/learned_family.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

AddressIndex Index() {
  // Each written to 12 times by alice@corp.example, under its name.
  static constexpr std::pair<const char*, const char*> kLearned[] = {
      {"john.smith@partner.example", "\"John Smith\""},
      {"jane.smith@partner.example", "\"Jane Smith\""},
      {"john.doe@partner.example", "\"John Doe\""},
      {"robert.brown@partner.example", "\"Robert Brown\""},
      {"v.ivanov@ru.example", "\"Ivan Petrov\""},
      {"bela.nagy@hu.example", "\"Nagy B\xC3\xA9la\""},
      {"peter.jansen@nl.example", "\"Peter Jansen\""},
      {"wei.wang@cn.example", "\"Wang Wei\""},
      {"fang.wang@cn.example", "\"Wang Fang\""},
      {"zhang.wei@cn2.example", "\"Zhang Wei\""},
      {"min.li@cn3.example", "\"Li, Min\""},
      {"mai.nguyen@vn.example", "\"Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B Mai\""},
      {"lan.tran@vn2.example", "\"Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B Lan\""},
      {"maria.garcia@es.example", "\"Mar\xC3\xAD" "a Garc\xC3\xAD" "a\""},
      {"ngozi.okonkwo@ng.example", "\"Ngozi Okonkwo-Adeyemi\""},
      {"ana.silva@pt.example", "\"Ana Silva-Santos\""},
  };
  AddressIndex index(/*min_messages=*/3);
  for (const auto& [address, name] : kLearned) {
    index.Add("alice@corp.example", address, 12, 0, 0, name);
  }
  index.Finish();
  return index;
}

TEST(AddressTypoRound56b, AWordOnlyStartingAContactsNameIsAnotherPerson) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"info@partner.example", "\"John Smithson\""},
      {"info@partner.example", "\"Smithson, John\""},
      {"info@partner.example", "\"John Smithfield\""},
      {"info@partner.example", "\"John Smithers\""},
      {"info@partner.example", "\"Johnathan Smith\""},
      {"info@partner.example", "\"Johnson Doe\""},
      {"info@partner.example", "\"John Doerr\""},
      {"info@partner.example", "\"Janet Smith\""},
      {"info@partner.example", "\"Jan Smith\""},
      {"info@partner.example", "\"Roberta Brown\""},
      {"info@ru.example", "\"Ivan Petrovich\""},
      {"info@hu.example", "\"B\xC3\xA9la Nagyov\xC3\xA1\""},
      {"info@nl.example", "\"Pieter Jansen\""},
      {"info@nl.example", "\"Peter Janssens\""},
  });
  // The name itself, or its table form, still is the contact.
  ExpectSlips(index, {
      {"info@partner.example", "\"John Smith\"", "john.smith@partner.example",
       SlipKind::kDisplayName},
      {"info@partner.example", "\"Smith, Jane\"", "jane.smith@partner.example",
       SlipKind::kDisplayName},
      {"info@partner.example", "\"Bob Brown\"", "robert.brown@partner.example",
       SlipKind::kDisplayName},
      {"info@nl.example", "\"Jansen, Peter\"", "peter.jansen@nl.example",
       SlipKind::kDisplayName},
  });
}

TEST(AddressTypoRound56b, TheLearnedNamesFamilyNameIsShared) {
  const AddressIndex index = Index();
  // Given first in the address, family first in the learned name; family
  // first in both; a comma naming the family name.
  ExpectScoredSlips(index, SlipKind::kEdit, {
      {"lei.wang@cn.example", "wei.wang@cn.example", 0.8},
      {"zhang.lei@cn2.example", "zhang.wei@cn2.example", 0.8},
      {"lin.li@cn3.example", "min.li@cn3.example", 0.8},
  });
  // The family name itself changed stays another person.
  ExpectScoredSlips(index, SlipKind::kOtherCommonFamilyName, {
      {"wei.huang@cn.example", "wei.wang@cn.example", 0.3},
      {"zhao.wei@cn2.example", "zhang.wei@cn2.example", 0.3},
  });
  const engine::Parts wei_wang = engine::Split("wei.wang");
  EXPECT_EQ(engine::LearnedFamilyPart("\"Wang Wei\"", wei_wang), 1u);
  EXPECT_EQ(engine::LearnedFamilyPart("\"Wei Wang\"", wei_wang), 1u);
  EXPECT_EQ(engine::LearnedFamilyPart("\"Wei, Wang\"", wei_wang), 0u);
  EXPECT_EQ(engine::LearnedFamilyPart("\"John Smith\"", engine::Split("john.smith")), 2u);
}

TEST(AddressTypoRound56b, PartsReorderedWithAPartAddedAreTheLongForm) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"nguyen.thi.mai@vn.example", "", "mai.nguyen@vn.example", SlipKind::kLongForm},
      {"nguyen.thi.mai@vn.example", "\"Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B Mai\"",
       "mai.nguyen@vn.example", SlipKind::kLongForm},
      {"tran.thi.lan@vn2.example", "", "lan.tran@vn2.example", SlipKind::kLongForm},
      {"smith.john.a@partner.example", "\"John Smith\"", "john.smith@partner.example",
       SlipKind::kLongForm},
      {"garcia.maria.j@es.example", "", "maria.garcia@es.example", SlipKind::kLongForm},
  });
}

TEST(AddressTypoRound56b, AMisspeltNameOnAnAddressNeverWrittenTo) {
  const AddressIndex index = Index();
  for (const char* display : {"\"Jhon Smith\"", "\"Jon Smith\"", "\"John Smyth\""}) {
    engine::Slip slip;
    ASSERT_TRUE(index.FindNearNameSlip("", "info@partner.example", display, &slip,
                                       /*written=*/false))
        << display;
    EXPECT_EQ(slip.known, "john.smith@partner.example") << display;
    EXPECT_EQ(slip.kind, SlipKind::kDisplayName) << display;
    EXPECT_DOUBLE_EQ(slip.score, 0.75) << display;
  }
  // A name only starting the contact's, or at another organisation.
  for (const char* display : {"\"Janet Smith\"", "\"Jan Smith\"", "\"John Smithe\""}) {
    engine::Slip slip;
    EXPECT_FALSE(index.FindNearNameSlip("", "info@partner.example", display, &slip,
                                        /*written=*/false))
        << display;
  }
  engine::Slip slip;
  EXPECT_FALSE(index.FindNearNameSlip("", "info@other.example", "\"Jhon Smith\"", &slip,
                                      /*written=*/false));
}

TEST(AddressTypoRound56b, AnInitialFittingTwoContactsNamesBoth) {
  const AddressIndex index = Index();
  std::optional<engine::Slip> slip = Find(index, "info@partner.example", "\"J. Smith\"");
  ASSERT_TRUE(slip.has_value());
  EXPECT_EQ(slip->kind, SlipKind::kDisplayName);
  const bool both = (slip->known == "john.smith@partner.example" &&
                     slip->also == "jane.smith@partner.example") ||
                    (slip->known == "jane.smith@partner.example" &&
                     slip->also == "john.smith@partner.example");
  EXPECT_TRUE(both) << slip->known << " / " << slip->also;
  EXPECT_NE(slip->detail.find("2 frequent contacts"), std::string::npos) << slip->detail;
  // One contact fits: no second.
  slip = Find(index, "info@partner.example", "\"R. Brown\"");
  ASSERT_TRUE(slip.has_value());
  EXPECT_EQ(slip->known, "robert.brown@partner.example");
  EXPECT_EQ(slip->also, "");
}

TEST(AddressTypoRound56b, TheOtherHalfOfADoubleFamilyName) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"ngozi.adeyemi@ng.example", "", "ngozi.okonkwo@ng.example", SlipKind::kFamilyGroup},
      {"ana.santos@pt.example", "", "ana.silva@pt.example", SlipKind::kFamilyGroup},
  });
  ExpectNoSlips(index, {{"ngozi.eze@ng.example", ""}, {"ana.costa@pt.example", ""}});
}

}  // namespace
}  // namespace nearmiss

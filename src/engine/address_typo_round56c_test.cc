// Round 56c's tester 14: the word-by-word display-name matching named a
// genuinely new person as a known one.
// - Finding 1: a hyphenated given name is one given name: "Kim Seo-jun" is
//   not "Kim Min-jun" for sharing "jun" (Korean, Chinese, French here).
// - Finding 2: a compound given name ("Abdul Aziz", "Abu Omar", "Abdel
//   Halim") is one given name, and "Abdul" alone names no one; a name that
//   fits the address it is on, its given name of two words run together
//   ("Mary Kate Jones" on marykate@), is no slip of another contact's.
// - Finding 3: the other half of an unhyphenated Iberian double family
//   name ("Maria da Silva Santos": maria.silva for maria.santos).
// - Finding 5: a dropped initial (ramanathan for s.ramanathan) is the
//   shortened-parts shape (0.7), not two edits (0.6).
#include <gtest/gtest.h>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/name_groups.h"

namespace nearmiss {
namespace {

using engine::AddressIndex;
using engine::SlipKind;

AddressIndex Index() {
  AddressIndex index(/*min_messages=*/3);
  const char* alice = "alice@ourorg.example";
  index.Add(alice, "minjun.kim@kr.example", 15, 0, 0, "\"Kim Min-jun\"");
  index.Add(alice, "seoyeon.kim@kr.example", 15, 0, 0, "\"Kim Seo-yeon\"");
  index.Add(alice, "xiaoming.liu@cn.example", 15, 0, 0, "\"Liu Xiao-Ming\"");
  index.Add(alice, "jean.martin@fr.example", 15, 0, 0, "\"Jean Martin\"");
  index.Add(alice, "abdulrahman@bh.example", 15, 0, 0, "\"Abdul Rahman Al-Khalifa\"");
  index.Add(alice, "abubakr.hassan@eg.example", 15, 0, 0, "\"Abu Bakr Hassan\"");
  index.Add(alice, "a.mansour@jo.example", 15, 0, 0, "\"Abdel Fattah Mansour\"");
  index.Add(alice, "mary.jones@uk.example", 15, 0, 0, "\"Mary Jones\"");
  index.Add(alice, "anna.rossi@it.example", 15, 0, 0, "\"Anna Rossi\"");
  index.Add(alice, "maria.santos@br.example", 15, 0, 0, "\"Maria da Silva Santos\"");
  index.Add(alice, "pedro.costa@pt.example", 15, 0, 0, "\"Pedro dos Santos Costa\"");
  index.Add(alice, "s.ramanathan@in.example", 15, 0, 0, "\"S. Ramanathan\"");
  index.Add(alice, "c.okafor@ng.example", 15, 0, 0, "\"Chidi Okafor\"");
  index.Finish();
  return index;
}

TEST(AddressTypoRound56c, AHyphenatedGivenNameIsOneName) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"seojun.kim@kr.example", "\"Kim Seo-jun\""},
      {"kim.seojun@kr.example", "\"Kim Seo-jun\""},
      {"info@kr.example", "\"Kim Seo-jun\""},
      {"jiyeon.kim@kr.example", "\"Kim Ji-yeon\""},
      {"yeonseo.kim@kr.example", "\"Kim Yeon-seo\""},
      {"info@kr.example", "\"Kim Yeon-seo\""},
      {"info@cn.example", "\"Liu Jian-Ming\""},
      {"info@fr.example", "\"Jean-Luc Martin\""},
  });
  // The contact's own name, joined, split or with a slip, still names it.
  ExpectSlips(index, {
      {"info@kr.example", "\"Kim Min-jun\"", "minjun.kim@kr.example", SlipKind::kDisplayName},
      {"info@kr.example", "\"Kim Minjun\"", "minjun.kim@kr.example", SlipKind::kDisplayName},
      {"info@cn.example", "\"Liu Xiaoming\"", "xiaoming.liu@cn.example", SlipKind::kDisplayName},
      {"info@fr.example", "\"Jean Martin\"", "jean.martin@fr.example", SlipKind::kDisplayName},
  });
  EXPECT_TRUE(engine::NameGroupsAgree("\"Kim Seo-jun\"", "\"Kim Seojun\""));
  EXPECT_TRUE(engine::NameGroupsAgree("\"H.-J. Mueller\"", "\"Hans-Juergen Mueller\""));
  // A double family name's half stands alone.
  EXPECT_TRUE(engine::NameGroupsAgree("\"Ngozi Okonkwo-Adeyemi\"", "\"Ngozi Adeyemi\""));
  EXPECT_FALSE(engine::NameGroupsAgree("\"Kim Seo-jun\"", "\"Kim Min-jun\""));
}

TEST(AddressTypoRound56c, ACompoundGivenNameIsOneName) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"abdulaziz@bh.example", "\"Abdul Aziz Al-Khalifa\""},
      {"info@bh.example", "\"Abdul Aziz Al-Khalifa\""},
      {"abdulkarim@bh.example", "\"Abdul Karim Al-Khalifa\""},
      {"info@bh.example", "\"Rahman Al-Khalifa\""},
      {"info@eg.example", "\"Abu Omar Hassan\""},
      {"info@jo.example", "\"Abdel Halim Mansour\""},
      // Fits the address it is on: a given name of two words run together.
      {"marykate@uk.example", "\"Mary Kate Jones\""},
      {"annamaria@it.example", "\"Anna Maria Rossi\""},
  });
  ExpectSlips(index, {
      {"info@bh.example", "\"Abdul Rahman Al-Khalifa\"", "abdulrahman@bh.example",
       SlipKind::kDisplayName},
      {"info@eg.example", "\"Abu Bakr Hassan\"", "abubakr.hassan@eg.example",
       SlipKind::kDisplayName},
      {"info@uk.example", "\"Mary Jones\"", "mary.jones@uk.example", SlipKind::kDisplayName},
  });
  // The contact's compound name with a slip is a near miss of it.
  engine::Slip near;
  ASSERT_TRUE(index.FindNearNameSlip("", "info@bh.example", "\"Abdul Rahmen Al-Khalifa\"", &near,
                                     /*written=*/false));
  EXPECT_EQ(near.known, "abdulrahman@bh.example");
  EXPECT_FALSE(index.FindNearNameSlip("", "info@bh.example", "\"Abdul Aziz Al-Khalifa\"", &near,
                                      /*written=*/false));
  EXPECT_TRUE(engine::LocalPartJoinsNameWords("seojun.kim", "\"Kim Seo-jun\""));
  EXPECT_FALSE(engine::LocalPartJoinsNameWords("mary.jones", "\"Mary Kate Jones\""));
  EXPECT_TRUE(engine::CheckCompoundGivenPrefixes().ok())
      << engine::CheckCompoundGivenPrefixes().message();
}

TEST(AddressTypoRound56c, TheOtherHalfOfAnIberianDoubleFamilyName) {
  const AddressIndex index = Index();
  ExpectSlips(index, {
      {"maria.silva@br.example", "", "maria.santos@br.example", SlipKind::kFamilyGroup},
      {"maria.dasilva@br.example", "", "maria.santos@br.example", SlipKind::kFamilyGroup},
      {"pedro.santos@pt.example", "", "pedro.costa@pt.example", SlipKind::kFamilyGroup},
      {"pedro.dossantos@pt.example", "", "pedro.costa@pt.example", SlipKind::kFamilyGroup},
  });
  ExpectNoSlips(index, {{"maria.oliveira@br.example", ""}});
}

TEST(AddressTypoRound56c, ADroppedInitialIsAShortenedPart) {
  ExpectScoredSlips(Index(), SlipKind::kShortenedParts,
                    {{"ramanathan@in.example", "s.ramanathan@in.example", 0.7},
                     {"okafor@ng.example", "c.okafor@ng.example", 0.7}});
}

}  // namespace
}  // namespace nearmiss

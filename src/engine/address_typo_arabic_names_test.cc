// Tester 14-c, findings 1 and 3: an Arabic name learned with a patronymic
// ("Muhammad bin Abdullah Al-Rashid") gave no reading at all (five words),
// and a hyphenated "Al-Rashid" read as "Rashid", never as the alrashid of
// the address; so the learned name itself, "Muhammad Al-Rashid", "M.
// Al-Rashid" and "Al-Rashid, Muhammad" passed on another address at the
// contact's domain. Every writing of the name names the contact; the
// address's own name still fits it, and other people stay no slip.
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
  index.Add(alice, "m.alrashid@gulf.example", 15, 0, 0, "\"Muhammad bin Abdullah Al-Rashid\"");
  index.Add(alice, "fatima.elsayed@eg.example", 15, 0, 0, "\"Fatima bint Khalid El-Sayed\"");
  index.Add(alice, "yusuf.khalid@sa.example", 15, 0, 0, "\"Yusuf ibn Khalid\"");
  index.Add(alice, "o.alharbi@sa.example", 15, 0, 0, "\"Omar Al Harbi\"");
  index.Finish();
  return index;
}

TEST(AddressTypoArabicNames, EveryWritingOfTheNameOnAnotherAddressIsASlip) {
  const AddressIndex index = Index();
  const char* rashid = "m.alrashid@gulf.example";
  ExpectSlips(index, {
      {"info@gulf.example", "\"Muhammad bin Abdullah Al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@gulf.example", "\"Muhammad Al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@gulf.example", "\"Muhammad al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@gulf.example", "\"M. Al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@gulf.example", "\"Muhammad ibn Abdullah Al Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@gulf.example", "\"Muhammad bin Abdullah bin Aziz Alrashid\"", rashid,
       SlipKind::kDisplayName},
      {"f.alrashid@gulf.example", "\"Al-Rashid, Muhammad\"", rashid, SlipKind::kDisplayName},
      {"ahmed.alrashid@gulf.example", "\"Muhammad Al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"m.alharbi@gulf.example", "\"Muhammad Al-Rashid\"", rashid, SlipKind::kDisplayName},
      {"ahmed.alrashid@gulf.example", "\"Muhammad bin Abdullah Al-Rashid\"", rashid,
       SlipKind::kDisplayName},
      {"ahmed.alrashid@gulf.example", "\"Muhammad Rashid\"", rashid, SlipKind::kDisplayName},
      {"info@eg.example", "\"Fatima El-Sayed\"", "fatima.elsayed@eg.example",
       SlipKind::kDisplayName},
      {"info@eg.example", "\"Fatima bint Khalid El Sayed\"", "fatima.elsayed@eg.example",
       SlipKind::kDisplayName},
      {"info@sa.example", "\"Omar Al-Harbi\"", "o.alharbi@sa.example", SlipKind::kDisplayName},
  });
}

TEST(AddressTypoArabicNames, TheLearnedWritingNamesTheContactAtAnotherDomain) {
  const AddressIndex index = Index();
  ExpectNamedElsewhere(index, "alice@ourorg.example", "m.alrashid@rashid-family.example",
                       "m.alrashid@gulf.example",
                       {"Muhammad bin Abdullah Al-Rashid", "Muhammad Al-Rashid", "Muhammad Alrashid",
                        "Al-Rashid, Muhammad"});
}

TEST(AddressTypoArabicNames, TheAddressOwnNameAndOtherPeopleStayNoSlip) {
  const AddressIndex index = Index();
  ExpectNoSlips(index, {
      {"a.alrashid@gulf.example", "\"Ahmed bin Saleh Al-Rashid\""},
      {"ahmed.alrashid@gulf.example", "\"Ahmed Al-Rashid\""},
      {"khalid.otaibi@sa.example", "\"Khalid bin Yusuf Al-Otaibi\""},
      {"info@sa.example", "\"Ben Carter\""},
      {"d.bengurion@sa.example", "\"David Ben-Gurion\""},
  });
}

TEST(AddressTypoArabicNames, WritingsDropPatronymicsAndJoinTheArticle) {
  using engine::DisplayNameWriting;
  EXPECT_EQ(DisplayNameWriting("Muhammad bin Abdullah Al-Rashid", engine::kDropPatronymics),
            "Muhammad Al-Rashid");
  EXPECT_EQ(DisplayNameWriting("Muhammad bin Abdullah Al-Rashid", engine::kJoinParticles),
            "Muhammad bin Abdullah AlRashid");
  EXPECT_EQ(DisplayNameWriting("Al-Rashid, Muhammad", engine::kJoinParticles),
            "AlRashid, Muhammad");
  // A patronymic that ends the name is its family name ("Yusuf ibn
  // Khalid" on yusuf.khalid@); "Ben" first is a given name.
  EXPECT_EQ(DisplayNameWriting("Yusuf ibn Khalid", engine::kDropPatronymics), "");
  EXPECT_EQ(DisplayNameWriting("Ben Carter Smith", engine::kDropPatronymics), "");
  EXPECT_EQ(DisplayNameWriting("David Ben-Gurion", engine::kDropPatronymics), "");
}

}  // namespace
}  // namespace nearmiss

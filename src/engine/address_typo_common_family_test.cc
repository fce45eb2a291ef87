// address-typo, round 54's brief for issue 14, item 1: zhang.wei beside the
// frequent wang.wei, k.tanabe beside k.tanaka were `edit` slips the
// default policy confirmed, though Zhang and Wang are the two commonest
// Chinese family names and Tanabe and Tanaka ordinary Japanese ones: most
// likely two people. A family name changed into another common one of the
// same tradition (data/names/*-family-names.txt) is now
// `other-common-family-name`, scored 0.4 or less, which the default policy
// warns on; real slips (jon.smith, john.smyth, k.tanak, wei.wang,
// ktanaka2) keep their kinds.
#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <utility>

#include "engine/address_typo.h"
#include "engine/address_typo_testing.h"
#include "engine/family_name_list.h"

namespace nearmiss {
namespace {

using engine::SlipKind;

engine::AddressIndex Frequent() {
  return AliceWroteTo({"wang.wei@china.example", "k.tanaka@jp.example", "wangfang@cn.example", "wangwei@cn.example", "hu.li@china.example",
                       "ktanaka@jpn.example", "jang.minjun@kr.example", "zhou.li@china.example",
                       "john.smith@partner.example", "yamada.k@jp2.example",
                       "jeong.minho@kr.example", "sato.h@jp2.example", "kenji.yamada@jp3.example",
                       "maria.jose.garcia@partner.example"});
}

TEST(AddressTypoCommonFamily, TheListsAreNames) {
  EXPECT_TRUE(engine::CheckCommonFamilyNames().ok())
      << engine::CheckCommonFamilyNames().message();
  EXPECT_TRUE(engine::OtherCommonFamilyNames("zhang", "wang"));
  EXPECT_TRUE(engine::OtherCommonFamilyNames("tanabe", "tanaka"));
  EXPECT_TRUE(engine::OtherCommonFamilyNames("kang", "jang"));
  // Spellings of one name are one person's.
  EXPECT_FALSE(engine::OtherCommonFamilyNames("sato", "satoh"));
  EXPECT_FALSE(engine::OtherCommonFamilyNames("jung", "jeong"));
  EXPECT_FALSE(engine::OtherCommonFamilyNames("lyu", "lv"));
  // Names of two traditions, a name not listed, a Western name.
  EXPECT_FALSE(engine::OtherCommonFamilyNames("zhang", "jang"));
  EXPECT_FALSE(engine::OtherCommonFamilyNames("tanak", "tanaka"));
  EXPECT_FALSE(engine::OtherCommonFamilyNames("smyth", "smith"));
  // A short name with a letter dropped or added is a slip.
  EXPECT_FALSE(engine::OtherCommonFamilyNames("ki", "kim"));
  EXPECT_FALSE(engine::OtherCommonFamilyNames("lin", "li"));
  EXPECT_TRUE(engine::OtherCommonFamilyNames("li", "lu"));
  // So is a longer one (round 54's tester 14, finding 3).
  for (const auto& [a, b] : std::initializer_list<std::pair<const char*, const char*>>{
           {"wan", "wang"}, {"chen", "cheng"}, {"yang", "yan"}, {"fan", "fang"},
           {"tang", "tan"}, {"sato", "saito"}, {"zhu", "zhou"}}) {
    EXPECT_FALSE(engine::OtherCommonFamilyNames(a, b)) << a << " " << b;
  }
}

TEST(AddressTypoCommonFamily, AnotherCommonFamilyNameIsAnotherPerson) {
  const engine::AddressIndex index = Frequent();
  ExpectScoredSlips(index, SlipKind::kOtherCommonFamilyName, {
           {"zhang.wei@china.example", "wang.wei@china.example", 0.3},
           {"k.tanabe@jp.example", "k.tanaka@jp.example", 0.3},
           {"zhangfang@cn.example", "wangfang@cn.example", 0.3},   // run together
           {"ktanabe@jpn.example", "ktanaka@jpn.example", 0.3},    // initial, run together
           {"kang.minjun@kr.example", "jang.minjun@kr.example", 0.4},
           {"wu.li@china.example", "hu.li@china.example", 0.4},    // one letter changed
           {"kato.h@jp2.example", "sato.h@jp2.example", 0.4},      // family first
           {"kenji.yamamoto@jp3.example", "kenji.yamada@jp3.example", 0.3},  // starts alike
       });
  for (const char* typed :
       {"zhang.wei@china.example", "k.tanabe@jp.example", "zhangfang@cn.example",
        "ktanabe@jpn.example", "kang.minjun@kr.example", "wu.li@china.example",
        "kato.h@jp2.example", "kenji.yamamoto@jp3.example"}) {
    std::optional<engine::Slip> slip = Find(index, typed);
    ASSERT_TRUE(slip.has_value()) << typed;
    EXPECT_NE(slip->detail.find("likely a different person"), std::string::npos) << slip->detail;
  }
}

TEST(AddressTypoCommonFamily, RealSlipsStaySlips) {
  ExpectSlips(Frequent(), {
                              {"jon.smith@partner.example", "", "john.smith@partner.example",
                               SlipKind::kEdit},
                              {"john.smyth@partner.example", "", "john.smith@partner.example",
                               SlipKind::kEdit},
                              {"k.tanak@jp.example", "", "k.tanaka@jp.example", SlipKind::kEdit},
                              {"k.tanakaa@jp.example", "", "k.tanaka@jp.example", SlipKind::kEdit},
                              {"wei.wang@china.example", "", "wang.wei@china.example",
                               SlipKind::kSwappedParts},
                              {"wamg.wei@china.example", "", "wang.wei@china.example",
                               SlipKind::kEdit},
                              {"jang.minju@kr.example", "", "jang.minjun@kr.example",
                               SlipKind::kEdit},
                              {"zhou.l@china.example", "", "zhou.li@china.example",
                               SlipKind::kEdit},
                              {"mj.garcia@partner.example", "",
                               "maria.jose.garcia@partner.example", SlipKind::kShortenedParts},
                              // Another spelling of the same name: the same person.
                              {"jung.minho@kr.example", "", "jeong.minho@kr.example",
                               SlipKind::kEdit},
                              {"satoh.h@jp2.example", "", "sato.h@jp2.example", SlipKind::kEdit},
                              // A letter dropped or added: the usual slip.
                              {"wan.wei@china.example", "", "wang.wei@china.example",
                               SlipKind::kEdit},
                              {"wanwei@cn.example", "", "wangwei@cn.example", SlipKind::kEdit},
                              {"saito.h@jp2.example", "", "sato.h@jp2.example", SlipKind::kEdit},
                              // The given name changed, not the family name.
                              {"wang.wen@china.example", "", "wang.wei@china.example",
                               SlipKind::kEdit},
                          });
}

}  // namespace
}  // namespace nearmiss

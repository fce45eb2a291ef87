// The vocabulary's names are stable (policy files and JSON carry them):
// every value has one, and each name parses back to its value.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "nearmiss/content_sensitivity.h"
#include "nearmiss/decision.h"
#include "nearmiss/verdict.h"

namespace nearmiss {
namespace {

TEST(VocabTest, ReasonCodesRoundTrip) {
  std::set<std::string> seen;
  for (int i = 0; i < kReasonCodeCount; ++i) {
    auto code = static_cast<ReasonCode>(i);
    std::string name(ReasonCodeName(code));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(seen.insert(name).second) << name << " twice";
    EXPECT_EQ(ParseReasonCode(name), code) << name;
  }
  EXPECT_EQ(ReasonCodeName(ReasonCode::kSuffixEdit), "suffix-edit");
  EXPECT_EQ(ReasonCodeName(ReasonCode::kIrregularAddress), "irregular-address");
  EXPECT_FALSE(ParseReasonCode("Suffix-Edit").has_value());
}

// Policy files name them (`address_typo_kind`), so each has one name that
// parses back, and the names at both ends are the ones docs/policy.md lists.
TEST(VocabTest, AddressTypoKindsRoundTrip) {
  std::set<std::string> seen;
  for (int i = 0; i < kAddressTypoKindCount; ++i) {
    auto kind = static_cast<AddressTypoKind>(i);
    std::string name(AddressTypoKindName(kind));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(seen.insert(name).second) << name << " twice";
    EXPECT_EQ(ParseAddressTypoKind(name), kind) << name;
  }
  EXPECT_EQ(AddressTypoKindName(AddressTypoKind::kEdit), "edit");
  EXPECT_EQ(AddressTypoKindName(AddressTypoKind::kOtherFamilyName), "other-family-name");
  EXPECT_EQ(AddressTypoKindName(AddressTypoKind::kSwappedInitial), "swapped-initial");
  EXPECT_FALSE(ParseAddressTypoKind("Edit").has_value());
  EXPECT_FALSE(ParseAddressTypoKind("edits").has_value());
}

TEST(VocabTest, ActionsAndLevelsRoundTrip) {
  for (Action a : {Action::kAccept, Action::kTag, Action::kWarn, Action::kHold,
                   Action::kRemoveRecipient, Action::kReject}) {
    EXPECT_EQ(ParseAction(ActionName(a)), a);
  }
  EXPECT_EQ(ActionName(Action::kRemoveRecipient), "remove-recipient");
  EXPECT_EQ(content::ParseLevel("top-secret"), content::Level::kTopSecret);
  EXPECT_EQ(content::LevelName(content::Level::kOfficialSensitive), "OFFICIAL-SENSITIVE");
  EXPECT_EQ(VerdictName(Verdict::kLookalike), "lookalike");
}

}  // namespace
}  // namespace nearmiss

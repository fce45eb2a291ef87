// Issue 14 item 2: a rule's address-typo conditions, `address_typo_kind`
// and `address_typo_score_at_least`: what parses, each bad value refused
// with FILE:LINE:COLUMN and the key, and the lint's overlap check seeing
// them (a rule an earlier one covers is reported, a narrower one is not).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

Result<Policy> Rules(const std::string& rules) { return ParsePolicy(rules, "p.toml", ""); }

TEST(TypoConditionsTest, ReadsKindsAndScore) {
  Result<Policy> p = Rules(
      "[[rule]]\nname = \"a\"\naddress_typo_kind = [\"display-name\", \"edit\"]\n"
      "address_typo_score_at_least = 0.85\naction = \"reject\"\n"
      "[[rule]]\nname = \"b\"\naddress_typo_score_at_least = 0\naction = \"hold\"\n"
      "[[rule]]\nname = \"c\"\naddress_typo_kind = [\"other-family-name\"]\naction = \"warn\"\n");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->rules.size(), 3u);
  EXPECT_EQ(p->rules[0].address_typo_kinds,
            (std::vector<AddressTypoKind>{AddressTypoKind::kDisplayName, AddressTypoKind::kEdit}));
  ASSERT_TRUE(p->rules[0].address_typo_score_at_least.has_value());
  EXPECT_DOUBLE_EQ(*p->rules[0].address_typo_score_at_least, 0.85);
  EXPECT_TRUE(p->rules[1].address_typo_kinds.empty());
  EXPECT_DOUBLE_EQ(p->rules[1].address_typo_score_at_least.value_or(-1), 0.0);  // an integer
  EXPECT_EQ(p->rules[2].address_typo_kinds,
            (std::vector<AddressTypoKind>{AddressTypoKind::kOtherFamilyName}));
  EXPECT_FALSE(p->rules[2].address_typo_score_at_least.has_value());
}

// Every kind the engine assigns has a name a policy can write.
TEST(TypoConditionsTest, EveryKindIsAccepted) {
  for (int i = 0; i < kAddressTypoKindCount; ++i) {
    std::string name(AddressTypoKindName(static_cast<AddressTypoKind>(i)));
    Result<Policy> p =
        Rules("[[rule]]\nname = \"k\"\naddress_typo_kind = [\"" + name + "\"]\naction = \"warn\"\n");
    ASSERT_TRUE(p.ok()) << name << ": " << p.status().ToString();
    EXPECT_EQ(p->rules[0].address_typo_kinds.at(0), static_cast<AddressTypoKind>(i));
  }
}

struct Bad {
  const char* line;  // the rule's third line
  const char* where_and_what;
  const char* hint;  // a part of the hint
};

TEST(TypoConditionsTest, BadValuesNameTheirPlaceAndKey) {
  const Bad cases[] = {
      {"address_typo_kind = [\"edits\"]",
       "p.toml:3:22: unknown address-typo kind 'edits' in 'address_typo_kind'", "'edit'"},
      {"address_typo_kind = [\"weak\"]",
       "p.toml:3:22: unknown address-typo kind 'weak' in 'address_typo_kind'",
       "kinds: edit, swapped-parts"},
      {"address_typo_kind = \"edit\"", "p.toml:3:21: 'address_typo_kind' must be an array",
       "address_typo_kind = [\"edit\"]"},
      {"address_typo_kind = [3]", "p.toml:3:22: 'address_typo_kind' entries must be strings", ""},
      {"address_typo_kind = []",
       "p.toml:3:21: rule 'r' can never match: 'address_typo_kind' is empty", "leave"},
      {"address_typo_score_at_least = 1.5",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "scores run from 0 to 1"},
      {"address_typo_score_at_least = -0.1",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "scores run from 0 to 1"},
      {"address_typo_score_at_least = nan",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "scores run from 0 to 1"},
      {"address_typo_score_at_least = 0.755",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "hundredths: write 0.76"},
      {"address_typo_score_at_least = \"0.8\"",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "without quotes"},
      {"address_typo_score_at_least = true",
       "p.toml:3:31: 'address_typo_score_at_least' must be a number from 0 to 1, in hundredths",
       "without quotes"},
      {"address_typo_scor_at_least = 0.8",
       "p.toml:3:1: unknown key 'address_typo_scor_at_least' in [rule]",
       "did you mean 'address_typo_score_at_least'?"},
  };
  for (const Bad& c : cases) {
    std::string text = std::string("[[rule]]\nname = \"r\"\n") + c.line + "\naction = \"warn\"\n";
    std::vector<PolicyError> errors = LintPolicy(text, "p.toml", "");
    ASSERT_EQ(errors.size(), 1u) << c.line;
    std::string got = errors[0].where + ": " + errors[0].what;
    EXPECT_EQ(got.rfind(c.where_and_what, 0), 0u) << c.line << "\n  got: " << got;
    EXPECT_NE(errors[0].hint.find(c.hint), std::string::npos)
        << c.line << "\n  hint: " << errors[0].hint;
    EXPECT_FALSE(Rules(text).ok()) << c.line;
  }
}

// The lint's "can never match": the rule `later` after `earlier`.
std::vector<PolicyError> Pair(const std::string& earlier, const std::string& later) {
  return LintPolicy("[[rule]]\nname = \"first\"\n" + earlier + "\naction = \"confirm\"\n" +
                        "[[rule]]\nname = \"second\"\n" + later + "\naction = \"reject\"\n",
                    "p.toml", "");
}

TEST(TypoConditionsTest, ACoveredRuleIsReported) {
  const std::pair<const char*, const char*> covered[] = {
      // A kind or score condition matches only address-typo recipients.
      {"reason = [\"address-typo\"]", "address_typo_kind = [\"display-name\"]"},
      {"reason = [\"address-typo\", \"new-address\"]", "address_typo_score_at_least = 0.9"},
      {"address_typo_kind = [\"edit\", \"digit\"]", "address_typo_kind = [\"digit\"]"},
      {"address_typo_score_at_least = 0.8", "address_typo_score_at_least = 0.9"},
      {"address_typo_score_at_least = 0.8", "address_typo_score_at_least = 0.8"},
      {"address_typo_score_at_least = 0.5",
       "address_typo_kind = [\"edit\"]\naddress_typo_score_at_least = 0.6"},
      {"address_typo_kind = [\"edit\"]",
       "address_typo_kind = [\"edit\"]\naddress_typo_score_at_least = 0.6"},
      {"recipient = [\"external\"]",
       "recipient = [\"external\"]\naddress_typo_kind = [\"number\"]"},
  };
  for (const auto& [earlier, later] : covered) {
    std::vector<PolicyError> errors = Pair(earlier, later);
    ASSERT_EQ(errors.size(), 1u) << earlier << " / " << later;
    EXPECT_NE(errors[0].what.find("rule 'second' can never match: rule 'first'"),
              std::string::npos)
        << errors[0].what;
  }
}

TEST(TypoConditionsTest, ANarrowerEarlierRuleLeavesTheLaterOneReachable) {
  const std::pair<const char*, const char*> reachable[] = {
      {"address_typo_kind = [\"display-name\"]", "reason = [\"address-typo\"]"},
      {"address_typo_kind = [\"edit\"]", "address_typo_kind = [\"digit\"]"},
      {"address_typo_kind = [\"digit\"]", "address_typo_kind = [\"edit\", \"digit\"]"},
      {"address_typo_score_at_least = 0.9", "address_typo_score_at_least = 0.8"},
      {"address_typo_kind = [\"edit\"]", "address_typo_score_at_least = 0.8"},
      {"address_typo_score_at_least = 0.8", "address_typo_kind = [\"edit\"]"},
      {"address_typo_kind = [\"edit\"]\naddress_typo_score_at_least = 0.8",
       "address_typo_kind = [\"edit\"]"},
      // Another reason does not come with an address typo (new-address is
      // off by default, so that rule could never match: round 33, item 6).
      {"reason = [\"routed-address\"]", "address_typo_kind = [\"edit\"]"},
  };
  for (const auto& [earlier, later] : reachable) {
    std::vector<PolicyError> errors = Pair(earlier, later);
    EXPECT_TRUE(errors.empty()) << earlier << " / " << later << "\n  " << errors[0].ToString();
  }
}

}  // namespace
}  // namespace nearmiss

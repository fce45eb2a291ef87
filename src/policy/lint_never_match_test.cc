// Issue 14, round 33, item 6: `policy lint` names, with FILE:LINE, each
// rule that can never match because of what the engine produces, not only
// what the file spells: a condition on a reason or finding the policy's
// [history] switches off, an address-typo condition on a class or reason
// that never carries one, a score threshold above the highest score the
// engine gives, and a number written with a float's spurious digits.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

// The lint's errors for one rule (at p.toml line 3 onwards) after `head`.
std::vector<PolicyError> Lint(const std::string& head, const std::string& conditions) {
  return LintPolicy(head + "[[rule]]\nname = \"r\"\n" + conditions + "\naction = \"warn\"\n",
                    "p.toml", "");
}

struct Never {
  const char* head;        // sections before the rule
  const char* conditions;  // the rule's conditions
  const char* what;        // part of the error
};

TEST(LintNeverMatchTest, RulesThatCanNeverMatchAreNamed) {
  const Never cases[] = {
      // A reason the policy never gives.
      {"", "reason = [\"new-address\"]", "flag_new_addresses is off"},
      {"[history]\naddress_typo = false\n", "reason = [\"address-typo\"]",
       "address_typo = false"},
      {"[history]\naddress_typo = false\n", "reason = [\"address-typo\", \"new-address\"]",
       "every code in 'reason' is off"},
      // An address-typo condition the policy never meets.
      {"[history]\naddress_typo = false\n", "address_typo_kind = [\"edit\"]",
       "address-typo condition, and history.address_typo = false"},
      {"[history]\naddress_typo = false\n", "address_typo_score_at_least = 0.5",
       "address-typo condition"},
      // ... on a class that never has one.
      {"", "recipient = [\"lookalike\"]\naddress_typo_kind = [\"edit\"]",
       "trusted and external recipients only"},
      {"", "recipient = [\"blocked\", \"invalid\"]\naddress_typo_score_at_least = 0.5",
       "trusted and external recipients only"},
      // ... with reasons that come with look-alikes only.
      {"", "reason = [\"label-typo\", \"homoglyph\"]\naddress_typo_kind = [\"homoglyph\"]",
       "no code in 'reason' comes with those"},
      // address-typo itself comes with trusted and external recipients only.
      {"", "recipient = [\"lookalike\"]\nreason = [\"address-typo\"]",
       "no recipient of the classes"},
  };
  for (const Never& c : cases) {
    std::vector<PolicyError> errors = Lint(c.head, c.conditions);
    ASSERT_EQ(errors.size(), 1u) << c.head << c.conditions;
    EXPECT_NE(errors[0].what.find("can never match"), std::string::npos)
        << c.conditions << "\n  " << errors[0].ToString();
    EXPECT_NE(errors[0].what.find(c.what), std::string::npos)
        << c.conditions << "\n  " << errors[0].ToString();
    EXPECT_EQ(errors[0].where.rfind("p.toml:", 0), 0u) << errors[0].where;
  }
}

// A file without rules keeps the embedded default ones, whose address-typo
// rule a file that turns address_typo off must not make an error.
TEST(LintNeverMatchTest, TheDefaultRulesAreNotJudgedByTheFilesSwitches) {
  for (const char* text : {"[history]\naddress_typo = false\n",
                           "[history]\naddress_typo = false\nflag_new_addresses = true\n"}) {
    std::vector<PolicyError> errors = LintPolicy(text, "p.toml", "");
    EXPECT_TRUE(errors.empty()) << text << "\n  " << errors[0].ToString();
  }
}

TEST(LintNeverMatchTest, RulesThatCanMatchStayClean) {
  const Never cases[] = {
      {"[history]\nflag_new_addresses = true\n", "reason = [\"new-address\"]", ""},
      {"", "reason = [\"address-typo\"]", ""},
      {"", "reason = [\"address-typo\", \"new-address\"]", ""},
      {"", "recipient = [\"external\"]\naddress_typo_kind = [\"edit\"]", ""},
      {"", "recipient = [\"trusted\", \"lookalike\"]\naddress_typo_score_at_least = 0.95", ""},
      {"", "reason = [\"routed-address\"]\naddress_typo_kind = [\"edit\"]", ""},
      {"[history]\naddress_typo = false\n", "reason = [\"label-typo\"]", ""},
      {"[lookalike]\nthreshold = 0.35\n", "reason = [\"label-typo\"]", ""},
      {"", "address_typo_score_at_least = 0.3", ""},
  };
  for (const Never& c : cases) {
    std::vector<PolicyError> errors = Lint(c.head, c.conditions);
    EXPECT_TRUE(errors.empty()) << c.head << c.conditions << "\n  " << errors[0].ToString();
  }
}

struct BadNumber {
  const char* head;
  const char* conditions;
  const char* where;  // FILE:LINE:COLUMN
  const char* what;
  const char* hint;
};

TEST(LintNeverMatchTest, ScoresOutsideTheEnginesRangeOrWithSpuriousDigits) {
  const BadNumber cases[] = {
      {"", "address_typo_score_at_least = 0.96", "p.toml:3:31", "can never be met", "0.95"},
      {"", "address_typo_score_at_least = 1", "p.toml:3:31", "can never be met", "0.95"},
      {"", "address_typo_score_at_least = 1.0", "p.toml:3:31", "can never be met", "0.95"},
      {"", "address_typo_score_at_least = 1.5", "p.toml:3:31", "from 0 to 1", "0 to 1"},
      {"", "address_typo_score_at_least = 0.30000000000000004", "p.toml:3:31",
       "(written 0.30000000000000004)", "write 0.30"},
      {"", "address_typo_score_at_least = 0.80000000000000004", "p.toml:3:31",
       "(written 0.80000000000000004)", "write 0.80"},
      {"", "address_typo_score_at_least = 0.750", "p.toml:3:31", "(written 0.750)",
       "write 0.75"},
      {"[lookalike]\nthreshold = 0.30000000000000004\n", "reason = [\"label-typo\"]",
       "p.toml:2:13", "17 decimal places", "two decimals"},
      {"[lookalike]\nthreshold = 0.6000000000000001 # noise\n", "reason = [\"label-typo\"]",
       "p.toml:2:13", "16 decimal places (0.6000000000000001)", "two decimals"},
  };
  for (const BadNumber& c : cases) {
    std::vector<PolicyError> errors = Lint(c.head, c.conditions);
    ASSERT_EQ(errors.size(), 1u) << c.head << c.conditions;
    EXPECT_EQ(errors[0].where, c.where) << c.conditions;
    EXPECT_NE(errors[0].what.find(c.what), std::string::npos)
        << c.conditions << "\n  " << errors[0].ToString();
    EXPECT_NE(errors[0].hint.find(c.hint), std::string::npos)
        << c.conditions << "\n  hint: " << errors[0].hint;
  }
}

}  // namespace
}  // namespace nearmiss

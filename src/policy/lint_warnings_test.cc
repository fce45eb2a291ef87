// Issue 14, round 37, item 2: `policy lint` passed a policy that lets
// look-alikes through (a rule that accepts, tags or only warns for them, or
// [defaults] action when no rule decides them) as "ok". PolicyWarnings
// names each, with its place.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

std::vector<PolicyError> Warnings(const std::string& text) {
  Result<Policy> p = ParsePolicy(text, "p.toml", "");
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message());
  return p.ok() ? PolicyWarnings(*p) : std::vector<PolicyError>{};
}

TEST(PolicyWarningsTest, TheDefaultPolicyAndAFileWithoutRulesAreQuiet) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(PolicyWarnings(*p).empty());
  EXPECT_TRUE(Warnings("[domains]\norganisation = [\"mod.example\"]\n").empty());
}

TEST(PolicyWarningsTest, ARuleThatTagsWarnsOrAcceptsLookalikesIsNamed) {
  for (const char* action : {"accept", "tag", "warn"}) {
    std::string text = "[[rule]]\nname = \"soft\"\nrecipient = [\"lookalike\"]\naction = \"";
    text += action;
    text += "\"\n";
    std::vector<PolicyError> w = Warnings(text);
    ASSERT_FALSE(w.empty()) << action;
    EXPECT_EQ(w[0].where, "p.toml:1:1") << action;
    EXPECT_NE(w[0].what.find("rule 'soft' lets look-alikes through"), std::string::npos)
        << w[0].what;
    EXPECT_NE(w[0].what.find(std::string("its action is ") + action), std::string::npos)
        << w[0].what;
    // It decides every look-alike: [defaults] action is never reached.
    EXPECT_EQ(w.size(), 1u) << action;
  }
  // By a reason code of the look-alike classes.
  std::vector<PolicyError> w =
      Warnings("[[rule]]\nname = \"homoglyphs\"\nreason = [\"homoglyph\"]\naction = \"tag\"\n"
               "[[rule]]\nname = \"rest\"\nrecipient = [\"lookalike\"]\naction = \"reject\"\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].what.find("rule 'homoglyphs'"), std::string::npos) << w[0].what;
}

TEST(PolicyWarningsTest, DefaultsActionReachedByLookalikesIsNamed) {
  // Only look-alikes of protected domains are refused: the others fall to
  // [defaults] action, here "accept" by the embedded default, not written.
  std::vector<PolicyError> w = Warnings(
      "[[rule]]\nname = \"protected\"\nrecipient = [\"lookalike\"]\ntarget = [\"protected\"]\n"
      "action = \"reject\"\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where, "p.toml");
  EXPECT_NE(w[0].what.find("defaults.action = \"accept\" lets look-alikes through"),
            std::string::npos)
      << w[0].what;
  EXPECT_NE(w[0].what.find("of provider domains"), std::string::npos) << w[0].what;
  EXPECT_EQ(w[0].what.find("of protected domains"), std::string::npos) << w[0].what;
  // Written in [defaults]: its line is named.
  w = Warnings("[[rule]]\nname = \"deliverable\"\nrecipient = [\"lookalike\"]\n"
               "can_receive = true\naction = \"confirm\"\n[defaults]\naction = \"warn\"\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where, "p.toml:7:10");
  EXPECT_NE(w[0].what.find("of organisation domains that cannot receive mail"), std::string::npos)
      << w[0].what;
  // A stricter default, or rules that decide every look-alike: quiet.
  EXPECT_TRUE(Warnings("[[rule]]\nname = \"p\"\nrecipient = [\"lookalike\"]\ntarget = "
                       "[\"protected\"]\naction = \"reject\"\n[defaults]\naction = \"hold\"\n")
                  .empty());
  EXPECT_TRUE(Warnings("[[rule]]\nname = \"a\"\nrecipient = [\"lookalike\"]\ncan_receive = true\n"
                       "action = \"confirm\"\n[[rule]]\nname = \"b\"\nrecipient = [\"lookalike\"]\n"
                       "can_receive = false\naction = \"reject\"\n")
                  .empty());
}

TEST(PolicyWarningsTest, RulesThatCannotMatchLookalikesAreQuiet) {
  EXPECT_TRUE(Warnings("[history]\nflag_new_addresses = true\n"
                       "[[rule]]\nname = \"ext\"\nrecipient = [\"external\"]\naction = \"tag\"\n"
                       "[[rule]]\nname = \"new\"\nreason = [\"new-address\"]\naction = \"warn\"\n"
                       "[[rule]]\nname = \"typo\"\naddress_typo_kind = [\"edit\"]\naction = "
                       "\"warn\"\n[[rule]]\nname = \"l\"\nrecipient = [\"lookalike\"]\naction = "
                       "\"confirm\"\n")
                  .empty());
}

}  // namespace
}  // namespace nearmiss

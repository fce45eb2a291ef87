// Issue 15, tester round 56b, finding 5: a homoglyph of a real mail domain
// (mаilo.com, wmо.int with a Cyrillic letter) named and suggested the
// trusted neighbour its letters alone are one slip from (mail.com, who.int:
// another organisation), and bt.соm (a Cyrillic .com) was invalid with no
// hint. The name is judged as the ASCII a reader sees. On the embedded
// lists and the default policy.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::CodeOf;
using lookalike_testing::Show;
using HomoglyphRealTest = lookalike_testing::DefaultPolicyTest;

TEST_F(HomoglyphRealTest, AHomoglyphOfARealDomainNamesThatDomain) {
  // Cyrillic а (U+0430), о (U+043E).
  for (auto [typed, seen] : {std::pair{"m\u0430ilo.com", "mailo.com"},
                             {"mail\u043e.com", "mailo.com"},
                             {"wm\u043e.int", "wmo.int"},
                             {"p\u043est.ch", "post.ch"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "homoglyph") << typed << ": " << Show(c);
    EXPECT_EQ(c.target, seen) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(seen)) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "") << typed << ": " << Show(c);
  }
}

// Flagged by the letters alone, it keeps that reading's class: who.int is
// protected, and a spoof of wmo.int is refused as before.
TEST_F(HomoglyphRealTest, TheFlagKeepsItsPolicy) {
  EXPECT_EQ(Decide("wm\u043e.int").action, Action::kReject);
}

// A homoglyph in the TLD (.соm, .іnt): the TLD does not exist, so invalid,
// and the domain a reader sees is offered.
TEST_F(HomoglyphRealTest, AHomoglyphInTheTldIsInvalidWithTheRealDomainOffered) {
  for (auto [typed, seen] : {std::pair{"bt.\u0441\u043em", "bt.com"},
                             {"wm\u043e.\u0456nt", "wmo.int"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(seen)) << typed << ": " << Show(c);
  }
}

// Unchanged: a homoglyph of a trusted domain, and the real domains typed in
// ASCII (real neighbours, not look-alikes).
TEST_F(HomoglyphRealTest, TrustedTargetsAndAsciiRealDomainsAreUnchanged) {
  for (auto [typed, seen] : {std::pair{"gm\u0430il.com", "gmail.com"},
                             {"\u0430rmy.mil", "army.mil"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(seen)) << typed << ": " << Show(c);
  }
  for (const char* typed : {"mailo.com", "wmo.int", "bt.com", "post.ch"}) {
    EXPECT_EQ(Check(typed).verdict, Verdict::kExternal) << typed << ": " << Show(Check(typed));
  }
}

}  // namespace
}  // namespace nearmiss

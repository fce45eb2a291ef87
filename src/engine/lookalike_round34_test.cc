// Issue 15, round 34: a fresh tester's findings, each generalised to its
// kind and run on the embedded lists and the default policy, as a sender
// meets them.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::CodeOf;
using lookalike_testing::Show;
using Round34Test = lookalike_testing::DefaultPolicyTest;

// Item 1: a department's name in another country's public-sector zone one
// slip from the protected zone that holds it (hmrc.gov.ua for hmrc.gov.uk,
// .ua one key from .uk; defence.gov.ir for .gov.ie) was accepted as that
// country's real name, and named the first namespace found (hmrc.gov.au).
// It is the misdirection the guard exists for: refused, naming the
// department's own zone.
TEST_F(Round34Test, ADepartmentInAForeignZoneOneSlipFromItsOwnIsALookalike) {
  for (auto [typed, meant] : {std::pair{"hmrc.gov.ua", "hmrc.gov.uk"},
                              {"dwp.gov.ua", "dwp.gov.uk"},
                              {"homeoffice.gov.ua", "homeoffice.gov.uk"},
                              {"ukho.gov.ua", "ukho.gov.uk"},
                              {"defra.gov.ua", "defra.gov.uk"},
                              {"dfat.gov.ua", "dfat.gov.au"},
                              {"taoiseach.gov.ir", "taoiseach.gov.ie"},
                              {"mfat.govt.mz", "mfat.govt.nz"},
                              {"nzdf.mil.mz", "nzdf.mil.nz"}}) {
    RecipientCheck c = Check(typed);
    if (c.verdict != Verdict::kLookalike) {
      ADD_FAILURE() << typed << ": " << Show(c);
      continue;
    }
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "") << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // A department's word the lists hold under another protected zone
  // (defence.gov.au, justice.gov.uk) in a real zone one slip from a
  // protected one is that country's ministry since round 44: every
  // government has a defence, a justice, a treasury and a finance ministry
  // (department-words.txt; round 43's tester, finding 3). Not refused.
  for (const char* typed : {"defence.gov.ir", "justice.gov.ir", "treasury.gov.ir",
                            "finance.gov.ir"}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << typed << ": " << Show(c);
    EXPECT_NE(Decide(typed).action, Action::kReject) << typed;
  }
}

// Item 1, the other side: a name in a foreign zone the lists do not hold as
// a department stays that country's (external, noted), and so do the real
// ministries the real-mail list holds, and short acronyms every government
// uses, outside the zone that lists them (mod.gov.in: India's).
TEST_F(Round34Test, ForeignZoneNamesUnrelatedToTheDepartmentsStayExternal) {
  for (std::string_view typed : {"mfa.gov.hu", "mzv.gov.cz", "sars.gov.za", "justice.gov.il",
                                 "health.gov.il", "education.gov.in", "mod.gov.in",
                                 "mod.gov.il", "army.mil.za", "mea.gov.in", "army.mil.ng",
                                 "navy.mil.ng", "airforce.mil.ng", "army.mil.no", "mod.gov.ua",
                                 "mfa.gov.ua"}) {
    RecipientCheck c = Check(std::string(typed));
    EXPECT_NE(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(std::string(typed)).action, Action::kAccept) << typed << ": " << Show(c);
  }
}

// Item 1's note and item 5: a name the lists hold under one country's zone
// (hmrc.gov.uk) is the one named, never a bare label under .gov that no
// list holds (hmrc.gov, trusted when picked, and no one's).
TEST_F(Round34Test, TheListedDepartmentIsNamedNotTheBareGovName) {
  for (std::string_view typed : {"hmrc.gov.za", "hmrc.gov.ml", "dwp.gov.za", "homeoffice.gov.ng"}) {
    RecipientCheck c = Check(std::string(typed));
    const std::string label(typed.substr(0, typed.find('.')));
    EXPECT_EQ(c.target, label + ".gov.uk") << typed << ": " << Show(c);
  }
  for (auto [typed, meant] : {std::pair{"hmrc.gov.com", "hmrc.gov.uk"},
                              {"hmrc.gov.uz", "hmrc.gov.uk"},
                              {"defra.gov.uz", "defra.gov.uk"},
                              {"cabinetoffice.gov.uz", "cabinetoffice.gov.uk"},
                              {"dwp.gov.net", "dwp.gov.uk"},
                              {"dfat.gov.com", "dfat.gov.au"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    const std::string_view t = typed;
    EXPECT_NE(c.also_suggestion, "a@" + std::string(t.substr(0, t.find('.'))) + ".gov")
        << typed << ": " << Show(c);
  }
}

// heldout-recall's miss: a country's namespace cut short where two read
// alike (.gov.u: .gov.au or .gov.uk) names first the one whose list holds
// the name. Since round 44 the other is not offered second: no list holds
// it (hmrc.gov.au, defence.gov.uk are no one's; round 43's tester,
// finding 10).
TEST_F(Round34Test, OfTwoNamespacesAlikeTheOneListingTheNameComesFirst) {
  for (auto [typed, meant, other] :
       {std::tuple{"defence.gov.u", "defence.gov.au", "defence.gov.uk"},
        {"hmrc.gov.u", "hmrc.gov.uk", "hmrc.gov.au"},
        {"dfat.gov.u", "dfat.gov.au", "dfat.gov.uk"},
        {"dwp.gov.u", "dwp.gov.uk", "dwp.gov.au"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_NE(c.also_suggestion, "a@" + std::string(other)) << typed << ": " << Show(c);
  }
}

}  // namespace
}  // namespace nearmiss

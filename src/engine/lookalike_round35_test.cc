// Issue 15, round 35: the defects left open by round 34, each as a sender
// meets it, on the embedded lists and the default policy.
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
using Round35Test = lookalike_testing::DefaultPolicyTest;

// Defect 1: a trusted name typed without its dots is one label, which no
// one's mail domain is (Postfix sends it as typed, or under $mydomain with
// append_dot_mydomain = yes). It was invalid with no suggestion; it is the
// look-alike of the name with its dots put back, refused with "did you
// mean".
TEST_F(Round35Test, ATrustedNameWithItsDotsLeftOutIsALookalike) {
  // The default policy's action for a look-alike: a protected name's is
  // refused, and since round 37 (item 1) a provider's too, by
  // lookalike-undeliverable: a name of one label cannot receive mail, so a
  // confirmation could only release it into a bounce.
  for (auto [typed, meant, action] : {std::tuple{"gmailcom", "gmail.com", Action::kReject},
                                      {"GmailCom", "gmail.com", Action::kReject},
                                      {"hotmailcouk", "hotmail.co.uk", Action::kReject},
                                      {"yahoocom", "yahoo.com", Action::kReject},
                                      {"armymil", "army.mil", Action::kReject},
                                      {"navymil", "navy.mil", Action::kReject},
                                      {"hmrcgovuk", "hmrc.gov.uk", Action::kReject},
                                      {"natoint", "nato.int", Action::kReject}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "dot-omission") << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, action) << typed;
  }
  // Any other name of one label stays invalid, with nothing to suggest:
  // a namespace's unknown name (john.mil), a namespace itself (gov.uk), a
  // word.
  // (gmail alone is gmail.com with its ending left off since round 38,
  // item 8: lookalike_round38_test.)
  for (const char* typed : {"johnmil", "govuk", "localhost", "mailserver"}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "") << typed << ": " << Show(c);
  }
}

// Defect 2: two independent slips, one in the name and one in a country's
// commercial second level (con.au for com.au, cp.uk for co.uk), were
// external: the repaired ending shows the look-alike.
TEST_F(Round35Test, ASlipInTheNameAndOneInTheSecondLevelIsALookalike) {
  RecipientCheck c = Check("gmial.con.au");
  EXPECT_EQ(c.verdict, Verdict::kLookalike) << Show(c);
  EXPECT_EQ(c.suggestion, "a@gmail.com") << Show(c);
  EXPECT_EQ(Decide("gmial.con.au").action, Action::kConfirm);

  auto hsbc = Build("[domains]\nprotected = [\"hsbc.co.uk\"]\n");
  ASSERT_NE(hsbc, nullptr);
  for (const char* typed : {"hbsc.cp.uk", "hsbc.cp.uk", "hbsc.co.uk"}) {
    RecipientCheck h = hsbc->CheckRecipient(std::string("a@") + typed);
    EXPECT_EQ(h.verdict, Verdict::kLookalike) << typed << ": " << Show(h);
    EXPECT_EQ(h.suggestion, "a@hsbc.co.uk") << typed << ": " << Show(h);
  }
  // A real zone of its own is another country's, not a slip (co.ug).
  EXPECT_NE(hsbc->CheckRecipient("a@hbsc.co.ug").suggestion, "a@hsbc.co.uk");
}

// Defect 3: a department a country's zone lists, typed under the US .gov
// (hmrc.gov) or .mil (nzdf.mil) that holds no such name, was trusted by the
// namespace. It is the look-alike of the department's own name; the real
// US names of those labels (cisagov/dotgov-data) stay trusted.
TEST_F(Round35Test, AListedDepartmentUnderTheUsNamespaceIsALookalike) {
  for (auto [typed, meant] : {std::pair{"hmrc.gov", "hmrc.gov.uk"},
                              {"dwp.gov", "dwp.gov.uk"},
                              {"mail.homeoffice.gov", "mail.homeoffice.gov.uk"},
                              {"dfat.gov", "dfat.gov.au"},
                              {"nzdf.mil", "nzdf.mil.nz"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // A label several countries list: the first two are offered.
  RecipientCheck education = Check("education.gov");
  EXPECT_EQ(education.verdict, Verdict::kLookalike) << Show(education);
  EXPECT_EQ(education.suggestion, "a@education.gov.uk") << Show(education);
  EXPECT_EQ(education.also_suggestion, "a@education.gov.au") << Show(education);
  for (const char* typed : {"justice.gov", "treasury.gov", "health.gov", "trade.gov", "doc.gov",
                            "ag.gov", "ga.gov", "cyber.gov", "ncsc.gov", "army.mil", "state.gov",
                            "hmrc.gov.uk", "x.justice.gov"}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kTrusted) << typed << ": " << Show(c);
  }
}

// Defect 4: real mail providers one letter from a trusted provider were
// held as its look-alikes. They are external, with the real-neighbour
// note a rule can match, and the default policy lets them pass.
TEST_F(Round35Test, RealProvidersOneLetterFromAnotherAreNotHeld) {
  for (const char* typed : {"eastmail.com", "imail.ru", "zmail.ru", "xmail.com"}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << typed << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "real-neighbour") << typed << ": " << Show(c);
    const Action a = Decide(typed).action;
    EXPECT_TRUE(a != Action::kReject && a != Action::kHold && a != Action::kConfirm)
        << typed << ": " << ActionName(a);
  }
}

}  // namespace
}  // namespace nearmiss

// Issue 15, round 38: the look-alikes the last stop left open, each as a
// sender meets it, on the embedded lists and the default policy.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::CodeOf;
using lookalike_testing::Show;
class Round38Test : public lookalike_testing::DefaultPolicyTest {
 protected:
  // `typed` is a look-alike suggesting `meant` (with reason `code` unless
  // empty), refused by the default policy.
  void ExpectRefused(const char* typed, const char* meant, std::string_view code = "") {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    if (!code.empty()) {
      EXPECT_EQ(CodeOf(c), code) << typed << ": " << Show(c);
    }
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // None of `typed` is a look-alike.
  void ExpectNoLookalike(std::initializer_list<const char*> typed) {
    for (const char* domain : typed) {
      RecipientCheck c = Check(domain);
      EXPECT_NE(c.verdict, Verdict::kLookalike) << domain << ": " << Show(c);
    }
  }
};

// Item 1: a letter typed two places late or early in a provider's name.
TEST_F(Round38Test, ALetterMovedTwoPlacesIsALookalike) {
  for (auto [typed, meant] : {std::pair{"icould.com", "icloud.com"},
                              {"hotaiml.com", "hotmail.com"},
                              {"yndaex.ru", "yandex.ru"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
  }
}

// Item 2: a protected name with the last label of its ending another TLD.
TEST_F(Round38Test, AProtectedNameUnderAnotherTldIsRefused) {
  for (auto [typed, meant] : {std::pair{"forces.gc.com", "forces.gc.ca"},
                              {"met.police.com", "met.police.uk"},
                              {"thamesvalley.police.net", "thamesvalley.police.uk"},
                              {"hmrc.gov.com", "hmrc.gov.uk"},
                              {"army.mil.com", "army.mil"}}) {
    ExpectRefused(typed, meant);
  }
  // Real domains that merely hold a protected label, or a name no list
  // holds under it.
  ExpectNoLookalike({"police.com", "www.police.com", "gc.com", "mail.gc.com",
                            "intranet.police.com", "army.com", "forces.com"});
}

// Item 3: a department under its own country's commercial zone.
TEST_F(Round38Test, ADepartmentUnderItsCountrysCommercialZoneIsRefused) {
  for (auto [typed, meant] : {std::pair{"hmrc.co.uk", "hmrc.gov.uk"},
                              {"dwp.org.uk", "dwp.gov.uk"},
                              {"ato.com.au", "ato.gov.au"},
                              {"defence.net.au", "defence.gov.au"},
                              {"nzdf.co.nz", "nzdf.mil.nz"},
                              {"mail.hmrc.co.uk", "mail.hmrc.gov.uk"}}) {
    ExpectRefused(typed, meant, "suffix-edit");
  }
  // nhs.uk is a namespace: its mail domain is suggested, as before.
  EXPECT_EQ(Check("nhs.co.uk").suggestion, "a@nhs.net");
  // Companies whose names no list holds under a government zone.
  ExpectNoLookalike({"tesco.co.uk", "qantas.com.au", "shop.co.nz", "kent.co.uk"});
}

// Item 4: the reading shown of a dotless slip is the one nearest the
// suggestion: gmail.con, not gmailc.on.
TEST_F(Round38Test, ADotlessSlipReadsAsTheNearestDottedForm) {
  for (auto [typed, reading] : {std::pair{"gmailcon", "reads as gmail.con, itself a slip of gmail.com"},
                                {"armymill", "reads as army.mill, itself a slip of army.mil"},
                                {"gmialcom", "reads as gmial.com, itself a slip of gmail.com"},
                                {"hotmailcmo", "reads as hotmail.cmo, itself a slip of hotmail.com"}}) {
    RecipientCheck c = Check(typed);
    ASSERT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    ASSERT_FALSE(c.reasons.empty()) << typed;
    const std::string message = ReasonMessage(c.reasons[0]);
    EXPECT_NE(message.find(reading), std::string::npos) << typed << ": " << message;
  }
}

// Item 5: the dots of a listed name under .mil or a country's zone left
// out where the namespace trusts what was typed (usarmy.mil), or with
// another ending (hmrcgov.com, usarmymil.com): a look-alike of the listed
// name. Names the lists hold joined (usmc.mil, uscg.mil) stay trusted.
TEST_F(Round38Test, ADotlessNamePartIsALookalike) {
  for (auto [typed, meant] : {std::pair{"usarmy.mil", "us.army.mil"},
                              {"usnavy.mil", "us.navy.mil"},
                              {"mail.usarmy.mil", "mail.us.army.mil"},
                              {"ramsteinaf.mil", "ramstein.af.mil"},
                              {"hmrcgov.com", "hmrc.gov.uk"},
                              {"hmrcgov.co.uk", "hmrc.gov.uk"},
                              {"hmrc-gov.net", "hmrc.gov.uk"},
                              {"metpolice.com", "met.police.uk"},
                              {"atogov.com", "ato.gov.au"},
                              {"usarmymil.com", "us.army.mil"},
                              {"armymil.com", "army.mil"},
                              {"hmrcgov.uk", "hmrc.gov.uk"}}) {
    ExpectRefused(typed, meant, "dot-omission");
  }
  for (const char* typed : {"usmc.mil", "uscg.mil", "army.mil", "us.army.mil", "af.mil"}) {
    EXPECT_EQ(Check(typed).verdict, Verdict::kTrusted) << typed;
  }
  ExpectNoLookalike({"opengov.com", "mygov.com", "bigpolice.com", "goldtamil.com"});
}

// Item 6: a department is not moved into another country's namespace:
// abs.gov.us suggests abs.gov.au, the one the lists hold, not abs.gov.uk.
TEST_F(Round38Test, ASuggestionKeepsADepartmentInItsOwnCountry) {
  for (auto [typed, meant] : {std::pair{"abs.gov.us", "abs.gov.au"},
                              {"ato.gov.us", "ato.gov.au"},
                              {"hmrc.gov.us", "hmrc.gov.uk"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(c.also_suggestion, "") << typed << ": " << Show(c);
  }
  // A key slip of a country's ending keeps that country (.ul: .uk).
  EXPECT_EQ(Check("dwp.gov.ul").suggestion, "a@dwp.gov.uk");
}

}  // namespace
}  // namespace nearmiss

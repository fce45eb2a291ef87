// Issue 15, round 36: the look-alikes a tester found past round 35, each
// as a sender meets it, on the embedded lists and the default policy.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "engine/default_policy_testing.h"
#include "engine/engine_testing.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

using lookalike_testing::Show;
using Round36Test = lookalike_testing::DefaultPolicyTest;

// Defect 1: a department a country's zone lists, typed with the zone's
// middle label left out (hmrc.uk for hmrc.gov.uk), was external: .uk, .au
// and .nz take names directly under the ccTLD, so whoever holds hmrc.uk
// got the mail. It is the suffix-drop look-alike of the listed name.
TEST_F(Round36Test, ADepartmentWithItsZonesMiddleLabelDroppedIsALookalike) {
  for (auto [typed, meant] : {std::pair{"hmrc.uk", "hmrc.gov.uk"},
                              {"dwp.uk", "dwp.gov.uk"},
                              {"homeoffice.uk", "homeoffice.gov.uk"},
                              {"cabinetoffice.uk", "cabinetoffice.gov.uk"},
                              {"defence.au", "defence.gov.au"},
                              {"ato.au", "ato.gov.au"},
                              {"dfat.au", "dfat.gov.au"},
                              {"mfat.nz", "mfat.govt.nz"},
                              {"ird.nz", "ird.govt.nz"},
                              {"nzdf.nz", "nzdf.mil.nz"}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(lookalike_testing::CodeOf(c), "suffix-drop") << typed << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + std::string(meant)) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
  // hmrc.gov.uk protected explicitly, as cba.au is cba.com.au's.
  auto hmrc = Build("[domains]\nprotected = [\"hmrc.gov.uk\", \".gov.uk\"]\n");
  ASSERT_NE(hmrc, nullptr);
  RecipientCheck h = hmrc->CheckRecipient("a@hmrc.uk");
  EXPECT_EQ(h.verdict, Verdict::kLookalike) << Show(h);
  EXPECT_EQ(h.suggestion, "a@hmrc.gov.uk") << Show(h);
  // The MoD's own mod.uk (protected) stays trusted; a name no zone lists,
  // and the Irish and French ministries' words under .ie and .fr, stay as
  // they were.
  EXPECT_EQ(Check("mod.uk").verdict, Verdict::kTrusted);
  for (const char* typed : {"justice.ie", "culture.fr", "finance.ie"}) {
    EXPECT_NE(Check(typed).verdict, Verdict::kLookalike) << typed << ": " << Show(Check(typed));
  }
}

// Defect 2: a slip of yahoo under a ccTLD it has no domain in was external
// while the same slip of gmail, hotmail or outlook was caught: ymail and
// rocketmail list yahoo.com as theirs, which made yahoo read as their
// sister, left out of the index of providers' slips.
TEST_F(Round36Test, AYahooSlipUnderAForeignCcTldIsALookalike) {
  for (const char* typed : {"yaho.ru", "yahho.ru", "ayhoo.ru", "yaho.com.pk", "yahooo.com.ai",
                            "yaoho.ai", "yhaoo.ru", "gmial.ru"}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
    EXPECT_EQ(Decide(typed).action, Action::kConfirm) << typed;
  }
  // yahoo.ro is one vowel from .ru, and named first, as for yahoo.ru.
  EXPECT_EQ(Check("yaho.ru").suggestion, "a@yahoo.ro");
  EXPECT_EQ(Check("yaho.com.pk").suggestion, "a@yahoo.com");
  EXPECT_EQ(Check("hotmial.com.pk").suggestion, "a@hotmail.com");
  // yahoo's own regional domains stay trusted, a brand of its own too.
  for (const char* typed : {"yahoo.com.ua", "ymail.com", "rocketmail.com"}) {
    EXPECT_NE(Check(typed).verdict, Verdict::kLookalike) << typed << ": " << Show(Check(typed));
  }
}

// The third tester, defect 4: a dotless domain written with a display
// name or in angle brackets (as the add-ins and scan hand it over) was
// invalid with no suggestion, while the bare form was a look-alike.
TEST_F(Round36Test, ADotlessDomainInAnyAddressFormIsALookalike) {
  for (const char* input : {"\"Bob Smith\" <bob@gmailcom>", "<x@armymil>", "Bob <bob@gmailcom> ",
                            "bob@gmailcom"}) {
    RecipientCheck c = engine_->CheckRecipient(input);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << input << ": " << Show(c);
    EXPECT_EQ(lookalike_testing::CodeOf(c), "dot-omission") << input << ": " << Show(c);
  }
}

}  // namespace
}  // namespace nearmiss

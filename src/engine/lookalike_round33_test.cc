// Issue 15, round 33: the testers' open defects, each generalised to its
// kind and run on the embedded lists and the default policy, as a sender
// meets them. Item 5 on the detector alone: lookalike_detector_two_slips_test.
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

// The default policy's fixture, decided for a sender of the protected
// mod.gov.uk.
class Round33Test : public lookalike_testing::DefaultPolicyTest {
 protected:
  RecipientDecision Decide(const std::string& domain) const {
    return engine_->DecideRecipient("s@mod.gov.uk", Check(domain), RecipientField::kEnvelope,
                                    MailPath::kSmtp);
  }
  void ExpectSuggests(const std::string& domain, const std::string& meant) const {
    RecipientCheck c = Check(domain);
    EXPECT_EQ(c.verdict, Verdict::kLookalike) << domain << ": " << Show(c);
    EXPECT_EQ(c.suggestion, "a@" + meant) << domain << ": " << Show(c);
  }
};

// Item 5 on the embedded providers: a slip in the name and one in their
// two-label ending.
TEST_F(Round33Test, TwoSlipsAcrossAProvidersTwoLabelEnding) {
  for (auto [typed, meant] : {std::pair{"yaho.cp.uk", "yahoo.co.uk"},
                              {"hotmial.co.jo", "hotmail.co.jp"},
                              {"hotmial.co.ul", "hotmail.co.uk"},
                              {"yahooo.co.ul", "yahoo.co.uk"},
                              {"optusent.con.au", "optusnet.com.au"},
                              {"hotmal.cmo.br", "hotmail.com.br"}}) {
    ExpectSuggests(typed, meant);
  }
  // Into a real zone (net.ai, Anguilla's): the provider's name slipped
  // under a ccTLD it has no domain in, one key from a regional domain of
  // its own, which is meant before the home.
  for (auto [typed, meant, home] :
       {std::tuple{"bigpnd.net.ai", "bigpond.net.au", "bigpond.com"},
        {"optusnte.com.ai", "optusnet.com.au", ""}}) {
    RecipientCheck c = Check(typed);
    EXPECT_EQ(c.suggestion, std::string("a@") + meant) << typed << ": " << Show(c);
    if (*home) {
      EXPECT_EQ(c.also_suggestion, std::string("a@") + home) << typed << ": " << Show(c);
    }
  }
}

// Item 9, first half: the open second level of a provider's regional
// domain slipped into a restricted zone of the same country (cim.br, the
// PSL's zone of Brazil's estate agents, one key from com.br). Both are
// real suffixes, but no sister of the provider is there: the slip is meant.
// terra is a word name (data/lists/word-provider-names.txt), so no
// provider-family rule covered it.
TEST_F(Round33Test, AProvidersSecondLevelSlippedIntoARestrictedZone) {
  for (auto [typed, meant] : {std::pair{"terra.cim.br", "terra.com.br"},
                              {"uol.cim.br", "uol.com.br"},
                              {"bol.cim.br", "bol.com.br"},
                              {"hotmail.cim.br", "hotmail.com.br"},
                              {"yahoo.cim.br", "yahoo.com.br"}}) {
    ExpectSuggests(typed, meant);
  }
  // A provider's word name under another open zone stays that country's.
  EXPECT_NE(Check("terra.com.mx").verdict, Verdict::kLookalike) << Show(Check("terra.com.mx"));
}

// Item 9, second half: a provider's host under another country. A host
// that is a mail domain of the provider's own (poczta.onet.eu) is the one
// meant; any other host (mail., www.) is no mail domain, and the
// provider's domain is suggested.
TEST_F(Round33Test, AProvidersHostUnderAnotherCountry) {
  // poczta.onet.pl and vip.onet.pl are Onet's own mail domains (ISPDB).
  for (const char* own : {"poczta.onet.pl", "vip.onet.pl", "poczta.onet.eu"}) {
    EXPECT_EQ(Check(own).verdict, Verdict::kTrusted) << own << ": " << Show(Check(own));
  }
  // .ru one key from .eu: poczta.onet.eu, then the home's poczta.onet.pl.
  RecipientCheck onet = Check("poczta.onet.ru");
  EXPECT_EQ(onet.verdict, Verdict::kLookalike) << Show(onet);
  EXPECT_EQ(onet.suggestion, "a@poczta.onet.eu") << Show(onet);
  EXPECT_EQ(onet.also_suggestion, "a@poczta.onet.pl") << Show(onet);
  ExpectSuggests("poczta.onet.de", "poczta.onet.pl");
  ExpectSuggests("vip.onet.cz", "vip.onet.pl");
  for (auto [typed, meant] : {std::pair{"mail.yahoo.co.jo", "yahoo.co.jp"},
                              {"mail.yahoo.com.cy", "yahoo.com"},
                              {"www.gmail.com.mx", "gmail.com"}}) {
    ExpectSuggests(typed, meant);
  }
}

// Item 10: any provider's, protected or trusted domain, with a host label
// before it or not, followed by an extra TLD label.
TEST_F(Round33Test, ATrustedDomainWithATldAppended) {
  for (const char* host : {"", "mail.", "smtp.", "webmail.", "www."}) {
    for (const char* domain : {"hotmail.co.jp", "yahoo.co.uk", "hotmail.com.br", "seznam.cz",
                               "wp.pl", "gmx.net", "gmail.com"}) {
      for (const char* tld : {"ml", "cn", "xyz", "com"}) {
        const std::string typed = std::string(host) + domain + "." + tld;
        RecipientCheck c = Check(typed);
        EXPECT_EQ(c.verdict, Verdict::kLookalike) << typed << ": " << Show(c);
        EXPECT_EQ(c.suggestion, std::string("a@") + domain) << typed << ": " << Show(c);
        EXPECT_EQ(c.also_suggestion.find(".mil"), std::string::npos) << typed << ": " << Show(c);
      }
    }
  }
  // A protected name keeps its host: it covers its subdomains.
  ExpectSuggests("mail.army.mil.ml", "mail.army.mil");
  ExpectSuggests("mail.hotmail.co.jp.ml", "hotmail.co.jp");
}

// Item 11: a country's own military or government zone (mil.za, mil.ng,
// gov.za: PSL-listed, run by the country) holds that country's names;
// army.mil.za is the South African Army's. External with a note (a rule
// may warn or confirm on real-neighbour), never refused. A zone the
// country does not run (mil.eu, mil.de) or .ml for .mil stays refused.
TEST_F(Round33Test, AForeignCountrysOwnZoneIsNotRefused) {
  for (const char* d : {"army.mil.za", "navy.mil.za", "af.mil.za", "army.mil.ng", "navy.mil.ng",
                        "army.mil.br", "army.mil.cn", "af.mil.sy", "marines.mil.kr"}) {
    RecipientCheck c = Check(d);
    EXPECT_EQ(c.verdict, Verdict::kExternal) << d << ": " << Show(c);
    EXPECT_EQ(CodeOf(c), "real-neighbour") << d << ": " << Show(c);
    RecipientDecision r = Decide(d);
    EXPECT_NE(r.action, Action::kReject) << d << ": " << r.rule.name;
  }
  for (auto [typed, meant] : {std::pair{"army.mil.eu", "army.mil"},
                              {"navy.mil.de", "navy.mil"},
                              {"army.mil.ml", "army.mil"}}) {
    ExpectSuggests(typed, meant);
    EXPECT_EQ(Decide(typed).action, Action::kReject) << typed;
  }
}

}  // namespace
}  // namespace nearmiss

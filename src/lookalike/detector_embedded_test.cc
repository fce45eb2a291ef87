// Issue 14 breaker, round 5, item 4: a whole trusted or protected domain
// followed by another registered domain (army.mil.attacker.com,
// partner.example.com.ru, partner.example-mail.com) was "external" and
// accepted. Several members of the family for every kind of trusted entry
// (namespace, protected domain, provider, learned correspondent), and the
// domains that merely contain a trusted name's letters.
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorEmbeddedTest : public DetectorFixture {
 protected:
  void SetUp() override {
    Build({{".mil", TrustSource::kProtected},
           {".gov.uk", TrustSource::kProtected},
           {"mod.uk", TrustSource::kProtected},
           {"nato.int", TrustSource::kProtected},
           {"gmail.com", TrustSource::kProvider},
           {"t-online.de", TrustSource::kProvider},
           {"mod.example", TrustSource::kOrganisation},
           {"partner.example", TrustSource::kLearned}},
          LookalikeLists{});
  }

  void ExpectEmbedded(std::string_view domain, std::string_view suggestion) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << domain << " " << m.detail;
    EXPECT_EQ(m.code, ReasonCode::kSuffixAppend) << domain << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain << " " << m.detail;
  }
};

TEST_F(DetectorEmbeddedTest, ATrustedDomainAtTheStartOfAnotherDomain) {
  for (auto [typed, meant] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"army.mil.attacker.com", "army.mil"},
           {"hr.army.mil.attacker.com", "hr.army.mil"},
           {"navy.mil.mail-secure.net", "navy.mil"},
           {"mod.gov.uk.attacker.com", "mod.gov.uk"},
           {"hmrc.gov.uk.attacker.co.uk", "hmrc.gov.uk"},
           {"mod.uk.attacker.org", "mod.uk"},
           {"nato.int.attacker.com", "nato.int"},
           {"gmail.com.attacker.com", "gmail.com"},
           {"t-online.de.attacker.de", "t-online.de"},
           {"mod.example.attacker.net", "mod.example"},
           {"partner.example.attacker.com", "partner.example"},
           {"partner.example.com.ru", "partner.example"},
           {"partner.example.co.uk.ru", "partner.example"},
           // The hyphenated form: a word joined to the trusted name's end.
           {"partner.example-mail.com", "partner.example"},
           {"army.mil-secure.net", "army.mil"},
           {"gmail.com-verify.org", "gmail.com"},
           {"mod.gov.uk-portal.com", "mod.gov.uk"},
       }) {
    ExpectEmbedded(typed, meant);
  }
  LookalikeMatch m = Classify("army.mil.attacker.com");
  EXPECT_NE(m.detail.find("attacker.com"), std::string::npos) << m.detail;
}

TEST_F(DetectorEmbeddedTest, NoTrustedStartNoEmbeddedDomain) {
  // Trusted themselves, or a trusted name's letters without its whole
  // domain at the start: not this rule's (other rules may still judge them).
  for (std::string_view d : {"army.mil", "mail.army.mil", "mod.gov.uk", "mail.partner.example"}) {
    EXPECT_EQ(Classify(d).kind, LookalikeMatch::Kind::kTrusted) << d;
  }
  for (std::string_view d : {"partnerexample.com", "mil.attacker.com",
                             "mygmail.com.example.org", "example-mail.com",
                             "partner.ex-ample.com", "t-online.company.de"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_FALSE(m.kind == LookalikeMatch::Kind::kLookalike &&
                 m.detail.find("only the start of another domain") != std::string::npos)
        << d << " " << m.detail;
  }
}

}  // namespace
}  // namespace nearmiss

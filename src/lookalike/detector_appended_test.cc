// Issue 15, a fresh tester's findings (/work/brk15): a trusted name with a
// zone appended that the Public Suffix split hides (army.mil.cn in mil.cn,
// dwp.gov.uk.us.com, hmrc.gov.uk.com read as "gov" under uk.com), the
// dots of a multi-label ending made hyphens before an added .com
// (hmrc.gov-uk.com), and a namespace's slip into another country's
// government zone carrying no reason (health.gov.ua).
#include "lookalike/detector_fixture.h"

namespace nearmiss {
namespace {

class DetectorAppendedTest : public DetectorFixture {
 protected:
  void SetUp() override {
    std::vector<TrustedEntry> entries = {
        {".mil", TrustSource::kProtected},         {".gov", TrustSource::kProtected},
        {".gov.uk", TrustSource::kProtected},      {".gov.au", TrustSource::kProtected},
        {".nhs.uk", TrustSource::kProtected},      {".gouv.fr", TrustSource::kProtected},
        {".govt.nz", TrustSource::kProtected},     {"gov.scot", TrustSource::kProtected},
        {".mil.nz", TrustSource::kProtected},
        {"gov.wales", TrustSource::kProtected},    {"mod.uk", TrustSource::kProtected},
        {"forces.gc.ca", TrustSource::kProtected}, {"barclays.co.uk", TrustSource::kProtected},
        {"ramstein.af.mil", TrustSource::kProtected},
        {"army.mil", TrustSource::kOrganisation},  {"navy.mil", TrustSource::kOrganisation},
        {"gmail.com", TrustSource::kProvider},     {"yahoo.com", TrustSource::kProvider},
        {"yahoo.co.uk", TrustSource::kProvider},   {"t-online.de", TrustSource::kProvider},
        {"mail.ru", TrustSource::kProvider},
    };
    LookalikeLists lists;
    lists.confusions = {{"ml", "mil", "ml is Mali's country code"}};
    lists.families = {{"gmail", "gmail.com", {}}, {"yahoo", "yahoo.com", {"yahoo.co.uk"}}};
    Build(entries, lists);
  }
};

// Item 1: army.mil.cn, navy.mil.ru, af.mil.sy were external with no reason
// (69 ccTLDs have mil.<cc> in the PSL). A name the lists hold under .mil
// with a ccTLD added is its slip in every zone.
TEST_F(DetectorAppendedTest, AKnownMilNameWithACountryCodeIsASlipInEveryZone) {
  for (std::string_view cc : {"cn", "ru", "sy", "kr", "by", "ye", "iq", "tw", "tr", "br", "in",
                              "no", "pl", "ua", "ir", "kp", "uk", "de"}) {
    for (std::string_view name : {"army.mil", "navy.mil", "af.mil", "hq.army.mil",
                                  "ramstein.af.mil"}) {
      std::string typed(name);
      typed.append(".").append(cc);
      ExpectLookalike(typed, "suffix-append", name);
    }
  }
}

// The other half: a name no list holds in a country's real military zone
// is that country's own (wp.mil.pl, the Polish armed forces), reported as a
// real neighbour so that a rule can warn, never silently.
TEST_F(DetectorAppendedTest, AnUnknownNameInAForeignMilitaryZoneCarriesARealNeighbour) {
  for (std::string_view d : {"wp.mil.pl", "eb.mil.br", "tsk.mil.tr", "pla.mil.cn"}) {
    LookalikeMatch m = Classify(d);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kNone) << d << " " << m.detail;
    EXPECT_EQ(m.code, ReasonCode::kRealNeighbour) << d << " " << m.detail;
  }
  EXPECT_EQ(Classify("wp.mil.pl").target, "wp.mil");
}

// The real .mil names compiled in (data/lists/namespace-names.txt) are
// names the lists hold too: marines.mil.cn is a slip of marines.mil though
// no entry of this set names it.
TEST_F(DetectorAppendedTest, AnEmbeddedMilNameWithACountryCodeIsASlip) {
  for (std::string_view name : {"marines.mil", "spaceforce.mil", "uscg.mil"}) {
    for (std::string_view cc : {"cn", "ru", "kr"}) {
      std::string typed(name);
      typed.append(".").append(cc);
      ExpectLookalike(typed, "suffix-append", name);
    }
  }
}

// Item 4: a trusted name with a two-label open zone appended.
TEST_F(DetectorAppendedTest, AnOpenPrivateZoneAppendedToATrustedName) {
  for (auto [typed, meant] :
       {std::pair{"dwp.gov.uk.us.com", "dwp.gov.uk"}, {"hmrc.gov.uk.gb.net", "hmrc.gov.uk"},
        {"gmail.com.uk.com", "gmail.com"}, {"army.mil.us.com", "army.mil"},
        {"barclays.co.uk.eu.com", "barclays.co.uk"}, {"ato.gov.au.us.org", "ato.gov.au"}}) {
    ExpectLookalike(typed, "suffix-append", meant);
  }
}

// Item 5: hmrc.gov.uk.com was "corrected" to hmrc.gov.scot or .wales.
TEST_F(DetectorAppendedTest, ATrustedNameWithAGenericTldAddedKeepsItsOwnTld) {
  for (auto [typed, meant] :
       {std::pair{"hmrc.gov.uk.com", "hmrc.gov.uk"}, {"hmrc.gov.uk.net", "hmrc.gov.uk"},
        {"dwp.gov.uk.net", "dwp.gov.uk"}, {"leeds.nhs.uk.com", "leeds.nhs.uk"},
        {"mod.uk.com", "mod.uk"}, {"barclays.co.uk.com", "barclays.co.uk"}}) {
    LookalikeMatch m = Classify(typed);
    ExpectLookalike(typed, "suffix-append", meant);
    EXPECT_EQ(m.alternative_suggestion, "") << typed;
  }
}

// Item 2: every dot of a multi-label ending made a hyphen (or left out),
// with an ending added.
TEST_F(DetectorAppendedTest, HyphensForTheDotsOfAMultiLabelEnding) {
  for (auto [typed, meant] :
       {std::pair{"hmrc.gov-uk.com", "hmrc.gov.uk"}, {"hmrc-gov-uk.com", "hmrc.gov.uk"},
        {"hmrc.govuk.com", "hmrc.gov.uk"}, {"hmrc-govuk.net", "hmrc.gov.uk"},
        {"defence-gov-au.com", "defence.gov.au"}, {"defence.gov-au.com", "defence.gov.au"},
        {"interieur.gouv-fr.com", "interieur.gouv.fr"}, {"forces-gc-ca.com", "forces.gc.ca"},
        {"yahoo-co-uk.com", "yahoo.co.uk"}, {"barclays-co-uk.com", "barclays.co.uk"},
        {"navy-mil.us", "navy.mil"}, {"ird-govt-nz.org", "ird.govt.nz"},
        {"t-online-de.com", "t-online.de"}, {"leeds-nhs-uk.co.uk", "leeds.nhs.uk"}}) {
    ExpectLookalike(typed, "dot-omission", meant);
  }
  // A namespace itself, or names no list holds, are no one's.
  for (std::string_view d : {"gov-uk.com", "bbc-co-uk.com", "my-best-shop.com", "e-mail.com"}) {
    EXPECT_NE(Classify(d).kind, LookalikeMatch::Kind::kLookalike) << d << " " << Classify(d).detail;
  }
}

// Items 3 and 13: health.gov.ua (au -> ua) had no reason at all; mfa.gov.hu
// named "mfa.gov". Both name the namespace's name one slip away.
TEST_F(DetectorAppendedTest, ASlipIntoAForeignGovernmentZoneNamesItsNeighbour) {
  for (auto [typed, near] :
       {std::pair{"health.gov.ua", "health.gov.au"}, {"defence.gov.ua", "defence.gov.au"},
        {"mod.gov.ua", "mod.gov.au"}, {"mfa.gov.hu", "mfa.gov.au"},
        {"health.gov.az", "health.gov.au"}, {"ato.gov.al", "ato.gov.au"}}) {
    LookalikeMatch m = Classify(typed);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kNone) << typed << " " << m.detail;
    EXPECT_EQ(m.code, ReasonCode::kRealNeighbour) << typed << " " << m.detail;
    EXPECT_EQ(m.target, near) << typed << " " << m.detail;
  }
  // A zone that does not exist stays a look-alike.
  ExpectLookalike("health.gov.ul", "tld-not-delegated", "health.gov.uk");
  // A known name with the zone's code added stays a slip beside a
  // namespace one letter away (mil.ng is one letter from mil.nz).
  ExpectLookalike("af.mil.ng", "suffix-append", "af.mil");
}

// Issue 15, breaker 15, item 9: a namespace of several labels with an
// ending added was external (police.uk.com, mil.nz.com) or suggested an
// unrelated trusted name (gov.uk.com: gov.scot). Every such namespace, each
// kind of ending (a TLD, an open zone, a public suffix of two labels): a
// look-alike of the namespace with no suggestion, as the namespace is no
// mail domain.
TEST_F(DetectorAppendedTest, ANamespaceWithAnEndingAddedIsItsLookalikeWithoutSuggestion) {
  for (std::string_view ns : {"gov.uk", "nhs.uk", "gov.au", "govt.nz", "mil.nz", "gouv.fr"}) {
    for (std::string_view ending : {"com", "net", "co", "de", "us.com", "uk.com", "co.uk"}) {
      std::string typed = std::string(ns) + "." + std::string(ending);
      LookalikeMatch m = Classify(typed);
      EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
      EXPECT_EQ(m.code, ReasonCode::kSuffixAppend) << typed << " " << m.detail;
      EXPECT_EQ(m.target, ns) << typed << " " << m.detail;
      EXPECT_EQ(m.target_domain_for_suggestion, "") << typed << " " << m.detail;
    }
  }
  // A name under the namespace keeps its own suggestion.
  ExpectLookalike("hmrc.gov.uk.com", "suffix-append", "hmrc.gov.uk");
  // Single-label namespaces are left out: gov.com and mil.com are names of
  // their own; and a name that only begins like a namespace is no slip.
  for (std::string_view d : {"gov.com", "govukx.com", "gov-ukraine.com", "uk.gov.com"}) {
    EXPECT_NE(Classify(d).target, "gov.uk") << d;
  }
}

// Issue 15, breaker 15, item 13: a host of a provider typed as the mail
// domain (mail.gmail.com) was external with no suggestion.
TEST_F(DetectorAppendedTest, AHostOfAProviderSuggestsTheProvider) {
  for (std::string_view host : {"www", "smtp", "imap", "pop", "pop3", "mx1"}) {
    for (std::string_view provider : {"gmail.com", "yahoo.com", "yahoo.co.uk", "mail.ru"}) {
      std::string typed = std::string(host) + "." + std::string(provider);
      LookalikeMatch m = Classify(typed);
      EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << typed << " " << m.detail;
      EXPECT_EQ(m.target_domain_for_suggestion, provider) << typed << " " << m.detail;
      EXPECT_EQ(m.source, TrustSource::kProvider) << typed;
    }
  }
  // "mail", "vip", "webmail" are real mail domains under some providers
  // (mail.usa.com, vip.qq.com): not made look-alikes of the provider.
  EXPECT_EQ(Classify("mail.gmail.com").kind, LookalikeMatch::Kind::kNone);
  // A slip in the provider's name under a host keeps its own reason.
  ExpectLookalike("mail.gmial.com", "label-typo", "gmail.com");
  // A subdomain of a name trusted with its subdomains stays trusted.
  EXPECT_EQ(Classify("hr.army.mil").kind, LookalikeMatch::Kind::kTrusted);
}

}  // namespace
}  // namespace nearmiss

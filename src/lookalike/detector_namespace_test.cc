// Issue 15, open items after the third breaker round: a slip of a real .mil
// name under .ml (armu.ml, the founding case), ".co" inserted into
// a name that is a namespace itself (nhs.co.uk, police.co.uk), and suffix
// slips under IDN TLDs judged on their U-labels (.中國 for .中国).
#include <algorithm>

#include "address/text.h"
#include "lookalike/detector_fixture.h"
#include "lookalike/namespace_names.h"

namespace nearmiss {
namespace {

class DetectorNamespaceTest : public DetectorFixture {
 protected:
  void SetUp() override {
    std::vector<TrustedEntry> entries = {
        {".mil", TrustSource::kProtected},
        {".nhs.uk", TrustSource::kProtected},
        {".police.uk", TrustSource::kProtected},
        {"nhs.net", TrustSource::kProtected},
        {"mod.uk", TrustSource::kProtected},
        {"mildenhall.af.mil", TrustSource::kProtected},
        // пример.рф, example.中国, example.مصر
        {"xn--e1afmkfd.xn--p1ai", TrustSource::kOrganisation},
        {"example.xn--fiqs8s", TrustSource::kOrganisation},
        {"example.xn--wgbh1c", TrustSource::kOrganisation},
        {"gmail.com", TrustSource::kProvider},
    };
    LookalikeLists lists;
    lists.confusions = {{"ml", "mil", "ml is Mali's country code"}};
    // The names under .mil come from data/lists/namespace-names.txt.
    Build(entries, lists);
  }

  LookalikeMatch Expect(std::string_view domain, ReasonCode code, std::string_view target,
                        std::string_view suggestion) {
    LookalikeMatch m = Classify(domain);
    EXPECT_EQ(m.kind, LookalikeMatch::Kind::kLookalike) << domain << " " << m.detail;
    EXPECT_EQ(m.code, code) << domain << " " << m.detail;
    EXPECT_EQ(m.target, target) << domain << " " << m.detail;
    EXPECT_EQ(m.target_domain_for_suggestion, suggestion) << domain << " " << m.detail;
    EXPECT_TRUE(address::IsValidUtf8(m.detail)) << domain;
    return m;
  }
};

// armu.ml, navv.ml: a slip in the name as well as .ml for .mil. The real
// .mil name is suggested, never the slip moved under .mil (armu.mil).
TEST_F(DetectorNamespaceTest, SlipOfARealMilNameUnderMl) {
  LookalikeMatch m = Expect("armu.ml", ReasonCode::kSuffixEdit, "army.mil", "army.mil");
  EXPECT_EQ(m.detail,
            "the TLD .ml is missing an 'i'; ml is Mali's country code; the name has 'u' where 'y' "
            "belongs, the key next to it, and army.mil is a real .mil name");
  EXPECT_TRUE(m.alternative_suggestion.empty()) << m.alternative_suggestion;
  Expect("arny.ml", ReasonCode::kSuffixEdit, "army.mil", "army.mil");
  Expect("navv.ml", ReasonCode::kSuffixEdit, "navy.mil", "navy.mil");
  Expect("amry.ml", ReasonCode::kSuffixEdit, "army.mil", "army.mil");
  Expect("marins.ml", ReasonCode::kSuffixEdit, "marines.mil", "marines.mil");
  Expect("dtci.ml", ReasonCode::kSuffixEdit, "dtic.mil", "dtic.mil");
  // The host keeps its labels before the name: hq.armu.ml -> hq.army.mil.
  Expect("hq.armu.ml", ReasonCode::kSuffixEdit, "army.mil", "hq.army.mil");
  // A name the list has, and one near none of them, keep the plain reading.
  Expect("army.ml", ReasonCode::kSuffixEdit, "army.mil", "army.mil");
  Expect("af.ml", ReasonCode::kSuffixEdit, "af.mil", "af.mil");
  Expect("usarmy.ml", ReasonCode::kSuffixEdit, "usarmy.mil", "usarmy.mil");
  // Three letters: dlq is not taken for dla (dia, dsa, dma are as near).
  Expect("dlq.ml", ReasonCode::kSuffixEdit, "dlq.mil", "dlq.mil");
  // A TLD that does not exist: the same real name, told as such.
  Expect("armu.mik", ReasonCode::kTldNotDelegated, "army.mil", "army.mil");
  // Under .mil itself every name is trusted: the list only shapes suggestions.
  EXPECT_EQ(Classify("armu.mil").kind, LookalikeMatch::Kind::kTrusted);
}

// The list as compiled in: the services and the mail domain, each with a
// source, and nothing for a namespace it does not cover.
TEST(NamespaceNamesTest, TheEmbeddedListHasTheServices) {
  const std::vector<std::string> mil = lookalike::NamespaceNamesUnder("mil");
  for (std::string_view n : {"army", "navy", "af", "marines", "spaceforce", "uscg", "mail"}) {
    EXPECT_NE(std::find(mil.begin(), mil.end(), n), mil.end()) << n;
  }
  for (const std::string& d : lookalike::NamespaceNames()) {
    Result<Domain> parsed = ParseDomain(d);
    EXPECT_TRUE(parsed.ok() && parsed->ascii == d) << d;
  }
  // The countries' departments (issue 15, round 34), one label each.
  const std::vector<std::string> uk = lookalike::NamespaceNamesUnder("gov.uk");
  for (std::string_view n : {"hmrc", "dwp", "homeoffice", "ukho"}) {
    EXPECT_NE(std::find(uk.begin(), uk.end(), n), uk.end()) << n;
  }
  // The UK police forces' names (issue 15, round 38, item 2: met.police.com).
  const std::vector<std::string> police = lookalike::NamespaceNamesUnder("police.uk");
  for (std::string_view n : {"met", "kent", "scotland", "psni"}) {
    EXPECT_NE(std::find(police.begin(), police.end(), n), police.end()) << n;
  }
  EXPECT_TRUE(lookalike::NamespaceNamesUnder("il").empty());  // not "mil"'s
}

// ".co" typed into nhs.uk and police.uk, which are public suffixes, not
// mail domains: nhs.net, the NHS's mail domain, is suggested; for police.uk
// there is no one address, so the look-alike carries none.
TEST_F(DetectorNamespaceTest, CoInsertedIntoANamespaceItself) {
  LookalikeMatch nhs = Expect("nhs.co.uk", ReasonCode::kSuffixEdit, "nhs.uk", "nhs.net");
  EXPECT_EQ(nhs.detail,
            "has .co inserted before .uk; nhs.uk is a namespace, and nhs.net the mail domain of "
            "that name");
  LookalikeMatch police = Expect("police.co.uk", ReasonCode::kSuffixEdit, "police.uk", "");
  EXPECT_EQ(police.detail,
            "has .co inserted before .uk; police.uk is a namespace: its mail domains are names "
            "under it");
  // Names under them, and mod.uk, as before.
  Expect("leeds.nhs.co.uk", ReasonCode::kSuffixEdit, "leeds.nhs.uk", "leeds.nhs.uk");
  Expect("met.police.co.uk", ReasonCode::kSuffixEdit, "met.police.uk", "met.police.uk");
  Expect("mod.co.uk", ReasonCode::kSuffixEdit, "mod.uk", "mod.uk");
  // Another .co.uk name is nobody's namespace.
  EXPECT_EQ(Classify("acme.co.uk").kind, LookalikeMatch::Kind::kNone);
}

// nhs.ukk, nhs.uj, nhs.ik: the namespace's own TLD slipped. What nhs.co.uk
// offers is offered (nhs.net); police.ukk, a namespace with no mail domain
// of its name, still offers nothing (round 57b's tester 15, finding 1).
TEST_F(DetectorNamespaceTest, SlippedTldOfANamespaceOffersItsMailDomain) {
  for (std::string_view typed : {"nhs.ukk", "nhs.uj", "nhs.ik", "nhs.ku"}) {
    LookalikeMatch m = Expect(typed, ReasonCode::kTldNotDelegated, "nhs.uk", "nhs.net");
    EXPECT_NE(m.detail.find("nhs.uk is a namespace, and nhs.net the mail domain of that name"),
              std::string::npos)
        << typed << " " << m.detail;
  }
  Expect("police.ukk", ReasonCode::kTldNotDelegated, "police.uk", "");
  Expect("police.uj", ReasonCode::kTldNotDelegated, "police.uk", "");
}

// Endings are compared as the sender types them: .中國 (Traditional) is
// one character from .中国 (Simplified), though their A-labels are two
// apart; .مص is .مصر cut short. Typed as U-labels or A-labels alike.
TEST_F(DetectorNamespaceTest, SuffixSlipsUnderIdnTldsOnULabels) {
  for (std::string_view typed : {"example.中國", "example.xn--fiqz9s"}) {
    LookalikeMatch m = Expect(typed, ReasonCode::kSuffixEdit, "example.xn--fiqs8s",
                              "example.xn--fiqs8s");
    EXPECT_EQ(m.detail, "the TLD .中國 has '國' where '国' belongs") << typed;
  }
  // .مص is no TLD: the slip is named, and the domain cannot receive mail.
  Expect("example.مص", ReasonCode::kTldNotDelegated, "example.xn--wgbh1c", "example.xn--wgbh1c");
  // .рфф: the Russian TLD typed with a letter twice.
  Expect("пример.рфф", ReasonCode::kTldNotDelegated, "xn--e1afmkfd.xn--p1ai",
         "xn--e1afmkfd.xn--p1ai");
  EXPECT_EQ(Classify("пример.рф").kind, LookalikeMatch::Kind::kTrusted);
  EXPECT_EQ(Classify("example.xn--fiqs8s").kind, LookalikeMatch::Kind::kTrusted);
}

}  // namespace
}  // namespace nearmiss

// Issue 15, a fresh tester's items 7 and 8, on the embedded data and the
// default policy, as a sender meets them: real mail domains that are
// public suffixes (nic.in, mil.no, the protected gc.ca) were refused with
// 550 as "not a mail domain", and real operators named like a provider
// whose name is a word (orange.es, centrum.sk) were held as its look-alikes.
#include <gtest/gtest.h>

#include <string>

#include "engine/engine_testing.h"
#include "engine/suffix_mail_domain.h"
#include "nearmiss/engine.h"

namespace nearmiss {
namespace {

std::string CodeOf(const RecipientCheck& c) {
  return c.reasons.empty() ? "" : std::string(ReasonCodeName(c.reasons[0].code));
}

TEST(SuffixMailDomainTest, AListedOrProtectedPublicSuffixIsJudgedAsADomain) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  // gc.ca is protected by data/lists/protected.txt: trusted, in any case.
  for (std::string_view a : {"bob@gc.ca", "Bob@GC.CA", "bob@gc.ca.", "\"b b\"@gc.ca"}) {
    RecipientCheck c = engine->CheckRecipient(a);
    EXPECT_EQ(c.verdict, Verdict::kTrusted) << a << " " << CodeOf(c);
  }
  EXPECT_EQ(engine->CheckRecipient("Bob@GC.CA").address, "Bob@gc.ca");
  // Listed in data/lists/suffix-mail-domains.txt: judged, not refused.
  for (std::string_view a : {"bob@nic.in", "bob@gov.in", "bob@mil.no", "BOB@MIL.NO"}) {
    RecipientCheck c = engine->CheckRecipient(a);
    EXPECT_NE(c.verdict, Verdict::kInvalid) << a << " " << CodeOf(c);
    EXPECT_NE(c.verdict, Verdict::kLookalike) << a << " " << CodeOf(c) << " " << c.target;
  }
  // Every other public suffix is still no mail domain, namespaces included.
  for (std::string_view a : {"bob@co.uk", "bob@gov.uk", "bob@com.au", "bob@mil.pl", "bob@gov.au",
                             "bob@nhs.uk", "bob@ac.uk"}) {
    RecipientCheck c = engine->CheckRecipient(a);
    EXPECT_EQ(c.verdict, Verdict::kInvalid) << a << " " << CodeOf(c);
  }
  // A bad local part at a listed one stays invalid.
  EXPECT_EQ(engine->CheckRecipient("a(b@nic.in").verdict, Verdict::kInvalid);
}

// A bare public suffix in a policy's [domains] means its namespace
// (docs/policy.md): names under it are trusted, the suffix itself stays no
// mail domain unless suffix-mail-domains.txt lists it.
TEST(SuffixMailDomainTest, APolicysBarePublicSuffixIsItsNamespace) {
  auto engine = Build("[domains]\norganisation = [\"gov.sg\"]\n");
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(engine->CheckRecipient("a@mfa.gov.sg").verdict, Verdict::kTrusted);
  EXPECT_EQ(engine->CheckRecipient("a@gov.sg").verdict, Verdict::kInvalid);
}

TEST(SuffixMailDomainTest, RealOperatorsNamedLikeAWordProviderAreNotItsLookalikes) {
  auto engine = BuildDefault();
  ASSERT_NE(engine, nullptr);
  for (std::string_view d : {"orange.es", "orange.pl", "orange.ro", "orange.be", "orange.ch",
                             "orange.sk", "orange.jo", "orange.md", "orange.lu", "centrum.sk",
                             "libero.es", "list.ua", "tiscali.de", "tiscali.co.uk", "wanadoo.nl",
                             "wanadoo.es", "terra.cl", "terra.com.mx"}) {
    RecipientCheck c = engine->CheckRecipient("x@" + std::string(d));
    EXPECT_NE(c.verdict, Verdict::kLookalike) << d << " " << CodeOf(c) << " " << c.target;
  }
  // A slip of the provider's own name is still one.
  for (std::string_view d : {"oragne.fr", "centurm.cz", "tiscalli.it", "libreo.it"}) {
    EXPECT_EQ(engine->CheckRecipient("x@" + std::string(d)).verdict, Verdict::kLookalike) << d;
  }
}

}  // namespace
}  // namespace nearmiss

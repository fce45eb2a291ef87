// Issue 15, breaker 15 round 6, defect 3: ".barclays.co.uk" trusted
// barclays.co.uk but left its slips unflagged, and ".com", ".uk", ".co.uk"
// were accepted without a word, trusting gmial.com and every stranger.
#include "policy/trusted_names.h"

#include <gtest/gtest.h>

namespace nearmiss {
namespace {

TEST(TrustedNamesTest, ARegistrableNameWrittenAsANamespaceIsThatDomain) {
  for (std::string_view d : {".barclays.co.uk", ".nhs.net", ".army.mil"}) {
    Result<std::vector<std::string>> names = TrustedNamesOf({std::string(d), "p.txt:1"});
    ASSERT_TRUE(names.ok()) << d;
    EXPECT_EQ(*names, std::vector<std::string>{std::string(d.substr(1))}) << d;
  }
}

TEST(TrustedNamesTest, ClosedNamespacesAndDomainsStandForThemselves) {
  for (std::string_view d : {".mil", ".gov", ".gov.uk", ".nhs.uk", ".police.uk", ".gov.bd",
                             ".ac.uk", "barclays.co.uk", "army.mil"}) {
    Result<std::vector<std::string>> names = TrustedNamesOf({std::string(d), "p.txt:1"});
    ASSERT_TRUE(names.ok()) << d;
    EXPECT_EQ(*names, std::vector<std::string>{std::string(d)}) << d;
  }
}

TEST(TrustedNamesTest, ANamespaceAnyoneRegistersUnderIsRefusedNamingTheLine) {
  for (std::string_view d : {".com", ".net", ".org", ".uk", ".bd", ".de", ".co.uk", ".com.au",
                             ".uk.com", ".msk.ru"}) {
    Result<std::vector<std::string>> names = TrustedNamesOf({std::string(d), "p.txt:7"});
    ASSERT_FALSE(names.ok()) << d;
    EXPECT_EQ(names.error().code(), StatusCode::kInvalidArgument) << d;
    EXPECT_NE(names.error().message().find("p.txt:7: '" + std::string(d) + "'"), std::string::npos)
        << names.error().message();
  }
}

// ".bd" was refused as "'x.bd' is a public suffix", a name no one wrote:
// a TLD is a namespace as written (a block list may hold it).
TEST(TrustedNamesTest, ATldUnderAWildcardIsANamespace) {
  Result<std::string> bd = NormalizeDomainEntry(".bd");
  ASSERT_TRUE(bd.ok()) << bd.error().message();
  EXPECT_EQ(*bd, ".bd");
  Result<std::string> np = NormalizeDomainEntry(".NP");
  ASSERT_TRUE(np.ok());
  EXPECT_EQ(*np, ".np");
}

}  // namespace
}  // namespace nearmiss

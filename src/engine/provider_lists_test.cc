#include <gtest/gtest.h>

#include "engine/embedded_lists.h"
#include "nearmiss/address.h"

namespace nearmiss::engine {
namespace {

TEST(ProviderFamiliesTest, ParsesContinuedLines) {
  auto f = ParseProviderFamilies(
      "# comment\nseznam seznam.cz email.cz \\\n    post.cz  # Seznam\n\nwp wp.pl\n", "t.txt");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[0].name, "seznam");
  EXPECT_EQ((*f)[0].home, "seznam.cz");
  EXPECT_EQ((*f)[0].domains, (std::vector<std::string>{"email.cz", "post.cz"}));
  EXPECT_EQ((*f)[1].home, "wp.pl");
}

TEST(ProviderFamiliesTest, ErrorsNameFileAndLine) {
  auto missing = ParseProviderFamilies("gmail gmail.com\nseznam\n", "regions.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "regions.txt:2: expected 'NAME HOME [DOMAIN...]'");
  auto wrong_home = ParseProviderFamilies("gmail mail.com\n", "regions.txt");
  ASSERT_FALSE(wrong_home.ok());
  EXPECT_EQ(wrong_home.status().message(),
            "regions.txt:1: the home domain 'mail.com' is not NAME under a suffix");
  auto dangling = ParseProviderFamilies("gmail gmail.com \\\n", "regions.txt");
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.status().message(), "regions.txt:1: the last line ends in '\\'");
}

TEST(RealMailDomainsTest, ParsesDomainAndNote) {
  auto r = ParseRealMailDomains("mailo.com   Mailo, a French mail provider  \n", "real.txt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].domain, "mailo.com");
  EXPECT_EQ((*r)[0].note, "Mailo, a French mail provider");
  auto bad = ParseRealMailDomains("Mailo.com x\n", "real.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "real.txt:1: expected 'DOMAIN NOTE' with a lower-case domain");
}

TEST(ProviderWebDomainsTest, ParsesWebAndMailDomains) {
  auto w = ParseProviderWebDomains("google.com  gmail.com  Gmail Help\n", "web.txt");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].web, "google.com");
  EXPECT_EQ((*w)[0].mail, "gmail.com");
  // A source is required, and the two domains differ.
  EXPECT_FALSE(ParseProviderWebDomains("google.com gmail.com\n", "web.txt").ok());
  EXPECT_FALSE(ParseProviderWebDomains("gmail.com gmail.com x\n", "web.txt").ok());
  // "*.DOMAIN DOMAIN SOURCE": DOMAIN's hosts are mail domains (Fastmail's
  // subdomain addressing); the pattern must be the same domain's.
  auto open = ParseProviderWebDomains("*.fastmail.com fastmail.com Fastmail Help\n", "web.txt");
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  EXPECT_EQ((*open)[0].web, "*.fastmail.com");
  EXPECT_FALSE(ParseProviderWebDomains("*.fastmail.com gmail.com x\n", "web.txt").ok());
  EXPECT_FALSE(ParseProviderWebDomains("*fastmail.com fastmail.com x\n", "web.txt").ok());
}

TEST(EmbeddedListsTest, ShippedFilesParse) {
  auto f = ParseProviderFamilies(data::kProviderRegions, "data/lists/provider-regions.txt");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_GE(f->size(), 10u);
  auto r = ParseRealMailDomains(data::kRealMailDomains, "data/lists/real-mail-domains.txt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GE(r->size(), 1u);
  auto s = ParseRealMailDomains(data::kSuffixMailDomains, "data/lists/suffix-mail-domains.txt");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  for (const RealMailDomain& d : *s) EXPECT_TRUE(IsPublicSuffix(d.domain)) << d.domain;
  auto w = ParseProviderWebDomains(data::kProviderWebDomains, "data/lists/provider-web-domains.txt");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_GE(w->size(), 1u);
}

}  // namespace
}  // namespace nearmiss::engine

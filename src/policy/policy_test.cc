#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

TEST(PolicyTest, EmbeddedDefaultLoads) {
  Result<Policy> p = DefaultPolicy();
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_TRUE(p->use_default_protected);
  EXPECT_TRUE(p->use_default_providers);
  EXPECT_DOUBLE_EQ(p->lookalike_threshold, 0.5);
  EXPECT_TRUE(p->block.empty());
}

TEST(PolicyTest, ReadsDomainsWithTheirPlace) {
  Result<Policy> p = ParsePolicy(
      "[domains]\norganisation = [\"MOD.gov.uk\", \"*.example.org\"]\n"
      "allow = [\"partner.ml\"]\nblock = [\".ML\", \"ac.uk\"]\n",
      "p.toml", "");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->organisation.size(), 2u);
  EXPECT_EQ(p->organisation[0].domain, "mod.gov.uk");
  EXPECT_EQ(p->organisation[0].where, "p.toml:2:17");
  EXPECT_EQ(p->organisation[1].domain, "example.org");
  EXPECT_EQ(p->block[0].domain, ".ml");
  EXPECT_EQ(p->block[1].domain, ".ac.uk");  // a bare suffix means its namespace
}

TEST(PolicyTest, ConvertsUnicodeEntriesToALabels) {
  Result<Policy> p = ParsePolicy("[domains]\nprotected = [\"bücher.de\"]\n", "p.toml", "");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->protected_domains[0].domain, "xn--bcher-kva.de");
}

struct BadPolicy {
  const char* text;
  const char* where_and_what;
};

TEST(PolicyTest, ErrorsNameFileLineColumn) {
  const BadPolicy cases[] = {
      {"[domains]\norganisaton = []\n", "p.toml:2:1: unknown key 'organisaton'"},
      {"[domain]\n", "p.toml:1:2: unknown key 'domain'"},
      {"[domains]\nallow = \"x.com\"\n", "p.toml:2:9: 'allow' must be an array"},
      {"[domains]\nallow = [\"ok.com\", 3]\n", "p.toml:2:20: 'allow' entries must be strings"},
      {"[domains]\nblock = [\"bad domain.com\"]\n", "p.toml:2:10: "},
      {"[domains]\nuse_default_protected = 1\n", "p.toml:2:25: 'use_default_protected' must be"},
      {"[lookalike]\nthreshold = 2\n", "p.toml:2:13: 'threshold' must be a number from 0 to 1"},
      {"[domains\n", "p.toml:1:"},
  };
  for (const BadPolicy& c : cases) {
    Result<Policy> p = ParsePolicy(c.text, "p.toml", "");
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.error().message().rfind(c.where_and_what, 0), 0u)
        << c.text << "\n  got: " << p.error().message();
  }
}

TEST(DomainListTest, SkipsCommentsAndNamesBadLines) {
  Result<std::vector<DomainItem>> items =
      ParseDomainList("# protected\n.mil\n\nus.bank.com  # bank\n", "list.txt");
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].domain, ".mil");
  EXPECT_EQ((*items)[1].domain, "us.bank.com");
  EXPECT_EQ((*items)[1].where, "list.txt:4");

  Result<std::vector<DomainItem>> bad = ParseDomainList("ok.com\nno@pe.com\n", "list.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message().rfind("list.txt:2: ", 0), 0u) << bad.error().message();
}

TEST(PolicyFileTest, ReadsProtectedFilesRelativeToThePolicy) {
  auto dir = std::filesystem::temp_directory_path() / "nearmiss_policy_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "extra.txt") << "# ours\nexample.mil.uk\n";
  std::ofstream(dir / "p.toml") << "[domains]\nprotected_files = [\"extra.txt\"]\n";
  Result<Policy> p = LoadPolicyFile((dir / "p.toml").string());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->protected_domains.size(), 1u);
  EXPECT_EQ(p->protected_domains[0].domain, "example.mil.uk");

  std::ofstream(dir / "q.toml") << "[domains]\nprotected_files = [\"missing.txt\"]\n";
  Result<Policy> q = LoadPolicyFile((dir / "q.toml").string());
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().code(), StatusCode::kParseError);
  EXPECT_NE(q.error().message().find("cannot read list file"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace nearmiss

#include "cli/config_file.h"

#include <gtest/gtest.h>

namespace nearmiss::cli {
namespace {

TEST(ConfigFile, ReadsEveryKeyWithItsLine) {
  Result<ConfigFile> f = ParseConfig(
      "policy = \"/etc/nearmiss/policy.toml\"\n"
      "store = \"sqlite:/var/lib/nearmiss/nearmiss.db\"\n"
      "[milter]\n"
      "listen = [\"unix:/run/m.sock\", \"inet:127.0.0.1:8890\"]\n"
      "[serve]\n"
      "listen = \"127.0.0.1:8025\"\n",
      "n.toml");
  ASSERT_TRUE(f.ok()) << f.error().message();
  EXPECT_EQ(f->entries.at("policy").values, std::vector<std::string>{"/etc/nearmiss/policy.toml"});
  EXPECT_EQ(f->entries.at("store").line, 2);
  EXPECT_EQ(f->entries.at("milter.listen").values,
            (std::vector<std::string>{"unix:/run/m.sock", "inet:127.0.0.1:8890"}));
  EXPECT_EQ(f->entries.at("milter.listen").line, 4);
  EXPECT_EQ(f->entries.at("serve.listen").values, std::vector<std::string>{"127.0.0.1:8025"});
}

TEST(ConfigFile, RejectsWhatItDoesNotKnow) {
  for (const char* text : {"tokens = \"x\"\n", "[serve]\ntokens = \"x\"\n", "[serve]\nuser = \"x\"\n",
                           "[other]\nlisten = \"x\"\n", "user = 1\n", "serve = \"x\"\n",
                           "log_format = \"xml\"\n", "store = \"\"\n", "[milter]\nlisten = []\n",
                           "policy = \"unterminated\n"}) {
    Result<ConfigFile> f = ParseConfig(text, "n.toml");
    ASSERT_FALSE(f.ok()) << text;
    EXPECT_EQ(f.error().code(), StatusCode::kInvalidArgument) << text;
  }
}

// What toml++ 3.3.0 cannot read is refused first (base/toml_text.h).
TEST(ConfigFile, NonAsciiOutsideStringsIsRefusedWithItsPlace) {
  Result<ConfigFile> f = ParseConfig("policy = 4\"\xd0\xb0\"\n", "n.toml");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().message().rfind("n.toml:1:12: '\xd0\xb0' (U+0430) outside", 0), 0u)
      << f.error().message();
}

TEST(ConfigFile, AnAbsentDefaultIsNoFileButANamedOneMustExist) {
  Result<ConfigFile> absent = LoadConfig({"/nonexistent/nearmiss.toml", "built-in default", false});
  ASSERT_TRUE(absent.ok());
  EXPECT_TRUE(absent->path.empty());
  Result<ConfigFile> named = LoadConfig({"/nonexistent/nearmiss.toml", "flag --config", true});
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().code(), StatusCode::kIoError);
}

TEST(ConfigFile, TheFlagBeatsTheEnvironmentBeatsTheDefault) {
  EXPECT_EQ(LocateConfig("a.toml", "b.toml").path, "a.toml");
  EXPECT_EQ(LocateConfig("", "b.toml").origin, "env NEARMISS_CONFIG");
  ConfigLocation d = LocateConfig("", nullptr);
  EXPECT_EQ(d.path, kDefaultConfigPath);
  EXPECT_FALSE(d.required);
}

}  // namespace
}  // namespace nearmiss::cli

// The issue-14 tester, round 43, finding 10: with sender notices on, a
// link_base left at its default (127.0.0.1: the sender's own machine) or
// plain http to another host passed `policy lint` and the daemons' start
// with no word; every notice's links then reached nothing, or carried the
// signed release token in clear.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "nearmiss/policy.h"

namespace nearmiss {
namespace {

std::vector<PolicyError> Warnings(const std::string& confirm, bool organisation = true) {
  const std::string dir = ::testing::TempDir() + "/nearmiss_confirm_link_warnings";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/k.key") << std::string(32, 'k');
  Result<Policy> p = ParsePolicy(
      std::string(organisation ? "[domains]\norganisation = [\"trust.example\"]\n" : "") +
          "[confirm]\nkey_file = \"k.key\"\n" + confirm,
      "p.toml", dir);
  EXPECT_TRUE(p.ok()) << p.error().message();
  return p.ok() ? ConfirmLinkWarnings(*p) : std::vector<PolicyError>{};
}

TEST(ConfirmLinkWarningsTest, TheDefaultLinkBaseIsTheSendersOwnMachine) {
  std::vector<PolicyError> w = Warnings("");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where, "p.toml");
  EXPECT_EQ(w[0].what.rfind("confirm.link_base is left at its default, http://127.0.0.1:8025: "
                            "every notice's links point at the sender's own machine",
                            0),
            0u)
      << w[0].what;
  w = Warnings("link_base = \"http://localhost:8025\"\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].where, "p.toml:5:13");
  w = Warnings("link_base = \"https://[::1]:8025\"\n");
  ASSERT_EQ(w.size(), 1u);
}

TEST(ConfirmLinkWarningsTest, PlainHttpToAnotherHostIsSaid) {
  std::vector<PolicyError> w = Warnings("link_base = \"http://nearmiss.trust.example\"\n");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].what.find("plain http to another host sends each notice's signed release "
                           "link in clear"),
            std::string::npos)
      << w[0].what;
  // https to another host is what notices need.
  EXPECT_FALSE(Warnings("link_base = \"https://nearmiss.trust.example\"\n").size());
}

TEST(ConfirmLinkWarningsTest, NothingWhenNoNoticeIsSent) {
  EXPECT_TRUE(Warnings("", /*organisation=*/false).empty());
  EXPECT_TRUE(Warnings("link_base = \"https://nearmiss.trust.example:8443/\"\n").empty());
}

}  // namespace
}  // namespace nearmiss

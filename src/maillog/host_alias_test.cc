// One logging host under two spellings is one host (RFC 4343: no case; a
// short name is its FQDN's first label); two hosts sharing a first label
// stay two (issue-16 tester round 59c, finding 1).
#include "maillog/host_alias.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::maillog {
namespace {

TEST(SameLoggingHost, CaseAndFirstLabel) {
  EXPECT_TRUE(SameLoggingHost("mail", "MAIL"));
  EXPECT_TRUE(SameLoggingHost("mail", "mail.army.mil"));
  EXPECT_TRUE(SameLoggingHost("Mail.Army.Mil", "mail"));
  EXPECT_TRUE(SameLoggingHost("mail.army.mil", "MAIL.ARMY.MIL"));
  EXPECT_FALSE(SameLoggingHost("mail.army.mil", "mail.navy.mil"));
  EXPECT_FALSE(SameLoggingHost("mail", "mailx.army.mil"));
  EXPECT_FALSE(SameLoggingHost("mx1", "mx2"));
  EXPECT_FALSE(SameLoggingHost("10", "10.0.0.7"));  // an address, not a host in a domain
  EXPECT_FALSE(SameLoggingHost("", "x.example"));
}

TEST(HostAliases, FirstSpellingKept) {
  HostAliases a;
  EXPECT_EQ(std::string(a.Canonical("mail")), "mail");
  EXPECT_EQ(std::string(a.Canonical("mail.army.mil")), "mail");
  EXPECT_EQ(std::string(a.Canonical("MAIL")), "mail");
  EXPECT_EQ(std::string(a.Canonical("mx2")), "mx2");
  EXPECT_EQ(std::string(a.Canonical("MAIL.army.MIL")), "mail");
}

TEST(HostAliases, TwoHostsSharingAFirstLabelStayApart) {
  HostAliases a;
  EXPECT_EQ(std::string(a.Canonical("mail")), "mail");
  EXPECT_EQ(std::string(a.Canonical("mail.a.example")), "mail");
  // Not the same host as mail.a.example: its own group.
  EXPECT_EQ(std::string(a.Canonical("mail.b.example")), "mail.b.example");
  EXPECT_EQ(std::string(a.Canonical("Mail.B.Example")), "mail.b.example");
  EXPECT_EQ(std::string(a.Canonical("mail.a.example")), "mail");
}

}  // namespace
}  // namespace nearmiss::maillog

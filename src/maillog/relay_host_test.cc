#include "maillog/relay_host.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::maillog {
namespace {

RelayHost Read(std::string_view given) {
  RelayHost hop;
  std::string why;
  EXPECT_TRUE(ReadRelayHost(given, &hop, &why)) << given << ": " << why;
  return hop;
}

std::string Refused(std::string_view given) {
  RelayHost hop;
  std::string why;
  EXPECT_FALSE(ReadRelayHost(given, &hop, &why)) << given;
  return why;
}

// postconf(5) relayhost's forms, and transport(5)'s "transport:nexthop"
// (issue-16 tester round 36, defect 2: "[relay.example.net]:25" was kept
// as written and matched no relay= at all).
TEST(RelayHost, PostfixRelayhostForms) {
  for (std::string_view given :
       {"relay.example.net", "[relay.example.net]", "[relay.example.net]:25",
        "relay.example.net:25", "smtp:[relay.example.net]:587", "smtp:relay.example.net",
        "Relay.Example.NET.", "relay:[relay.example.net]:smtp"}) {
    EXPECT_EQ(Read(given).host, "relay.example.net") << given;
  }
  EXPECT_EQ(Read("[relay.example.net]:25").port, 25);
  EXPECT_EQ(Read("smtp:[relay.example.net]:587").port, 587);
  EXPECT_EQ(Read("relay.example.net").port, 0);
  EXPECT_EQ(Read("[relay.example.net]:submission").port, 587);
  EXPECT_EQ(Read("relay:25").host, "relay");  // a host and its port, not a transport
  EXPECT_EQ(Read("relay:25").port, 25);
  EXPECT_EQ(Read("[ipv6:FD00::40]:24").host, "fd00::40");
  EXPECT_EQ(Read("fd00::40").host, "fd00::40");
  EXPECT_EQ(Read("10.0.0.5").host, "10.0.0.5");
  EXPECT_EQ(Read("[10.0.0.5]:2525").port, 2525);
}

TEST(RelayHost, JunkIsRefused) {
  EXPECT_NE(Refused("10.0.0.0/8").find("10.0.0.0/8"), std::string::npos);
  EXPECT_NE(Refused("10.0.0.5:abc").find("port 'abc'"), std::string::npos);
  EXPECT_NE(Refused("").find("empty"), std::string::npos);
  Refused("[relay.example.net");
  Refused("[relay.example.net]25");
  Refused("relay.example.net:");
  Refused("relay.example.net:0");
  Refused("relay.example.net:65536");
  Refused("relay..example.net");
  Refused("smtp:");
}

TEST(RelayHost, DeclaredAsFinalRelayTakesIt) {
  EXPECT_EQ(DeclaredRelay(Read("smtp:[store.mod.gov.uk]:2525")), "[store.mod.gov.uk]:2525");
  EXPECT_EQ(DeclaredRelay(Read("[store.mod.gov.uk]")), "store.mod.gov.uk");
  EXPECT_EQ(DeclaredRelay(Read("[ipv6:fd00::40]:24")), "[fd00::40]:24");
}

}  // namespace
}  // namespace nearmiss::maillog

#include "maillog/relay_host.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maillog/final_relay.h"

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

// What Postfix's valid_hostname() (src/util/valid_hostname.c) refuses is
// no next hop here either: a label starting or ending with a hyphen, an
// empty label, one over 63 characters, a name over 255, a character no
// name has, an all-numeric name that is no address. And what it takes,
// with an address written any way, names the relay= Postfix logs.
TEST(RelayHost, WhatValidHostnameRefusesIsRefused) {
  EXPECT_NE(Refused("-relay.example.net").find("hyphen"), std::string::npos);
  EXPECT_NE(Refused("relay-.example.net").find("hyphen"), std::string::npos);
  EXPECT_NE(Refused("[relay.example-]:25").find("hyphen"), std::string::npos);
  EXPECT_NE(Refused(".relay.example.net").find("empty label"), std::string::npos);
  EXPECT_NE(Refused("10.0.0").find("all numeric"), std::string::npos);
  EXPECT_NE(Refused("10.0.0.256").find("all numeric"), std::string::npos);
  EXPECT_NE(Refused("relay!.example.net").find("character"), std::string::npos);
  EXPECT_NE(Refused("relay example.net").find("character"), std::string::npos);
  EXPECT_NE(Refused(std::string(64, 'a') + ".example.net").find("63"), std::string::npos);
  std::string long_name;
  for (int i = 0; i < 5; ++i) long_name += std::string(60, 'a') + ".";
  long_name += "net";
  EXPECT_NE(Refused(long_name).find("255"), std::string::npos);
  // What it takes: '_', inner hyphens, a label of 63, an xn-- label.
  EXPECT_EQ(Read("relay_1.ex-ample.net").host, "relay_1.ex-ample.net");
  EXPECT_EQ(Read("xn--rmy-5cd.mil").host, "xn--rmy-5cd.mil");
  EXPECT_EQ(Read(std::string(63, 'a') + ".net").host, std::string(63, 'a') + ".net");
  EXPECT_EQ(Read("3com.example").host, "3com.example");
  // Declared as main.cf writes them, they match the relay= Postfix logs.
  const std::vector<std::string> declared = {DeclaredRelay(Read("[10.0.0.9]:25")),
                                             DeclaredRelay(Read("[IPv6:FD00:0:0::40]:24")),
                                             DeclaredRelay(Read("2001:DB8:0:0:0:0:0:7"))};
  EXPECT_TRUE(FinalRelay("store.mod.gov.uk[10.0.0.9]:25", declared));
  EXPECT_FALSE(FinalRelay("store.mod.gov.uk[10.0.0.9]:10025", declared));
  EXPECT_TRUE(FinalRelay("lmtp.mod.gov.uk[fd00::40]:24", declared));
  EXPECT_TRUE(FinalRelay("lmtp.mod.gov.uk[ipv6:fd00::40]:24", declared));
  EXPECT_TRUE(FinalRelay("gw.mod.gov.uk[2001:db8::7]:25", declared));
  EXPECT_EQ(Read("[IPv6:FD00:0:0::40]:24").host, "fd00::40");
}

TEST(RelayHost, DeclaredAsFinalRelayTakesIt) {
  EXPECT_EQ(DeclaredRelay(Read("smtp:[store.mod.gov.uk]:2525")), "[store.mod.gov.uk]:2525");
  EXPECT_EQ(DeclaredRelay(Read("[store.mod.gov.uk]")), "store.mod.gov.uk");
  EXPECT_EQ(DeclaredRelay(Read("[ipv6:fd00::40]:24")), "[fd00::40]:24");
}

}  // namespace
}  // namespace nearmiss::maillog

// The addresses the catch-all probe never connects to (issue 15 breaker,
// round 3, item 5), one or more of each range, and their neighbours just
// outside it. Pure: no socket is opened.
#include "dns/internal_address.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>

namespace nearmiss::dns {
namespace {

TEST(InternalAddressTest, EachInternalRangeIsRefusedWithItsKind) {
  const std::pair<const char*, const char*> cases[] = {
      {"127.0.0.1", "loopback"},
      {"127.0.0.9", "loopback"},
      {"127.255.255.254", "loopback"},
      {"::1", "loopback"},
      {"10.0.0.1", "private (RFC 1918)"},
      {"10.255.255.255", "private (RFC 1918)"},
      {"172.16.0.1", "private (RFC 1918)"},
      {"172.31.255.254", "private (RFC 1918)"},
      {"192.168.1.25", "private (RFC 1918)"},
      {"100.64.0.1", "shared address space (RFC 6598)"},
      {"169.254.169.254", "link-local"},
      {"fe80::1", "link-local"},
      {"febf::1", "link-local"},
      {"fc00::1", "unique local (RFC 4193)"},
      {"fd12:3456::25", "unique local (RFC 4193)"},
      {"224.0.0.1", "multicast"},
      {"239.255.255.250", "multicast"},
      {"ff02::1", "multicast"},
      {"0.0.0.0", "unspecified (0.0.0.0/8)"},
      {"0.1.2.3", "unspecified (0.0.0.0/8)"},
      {"::", "unspecified (::)"},
      {"255.255.255.255", "broadcast"},
      {"240.0.0.1", "reserved (240.0.0.0/4)"},
      {"::ffff:10.0.0.1", "private (RFC 1918)"},
      {"::ffff:127.0.0.1", "loopback"},
      {"::ffff:169.254.169.254", "link-local"},
  };
  for (const auto& [ip, kind] : cases) EXPECT_EQ(InternalAddressKind(ip), kind) << ip;
}

TEST(InternalAddressTest, PublicAddressesNextToTheRangesPass) {
  for (const char* ip : {"9.255.255.255", "11.0.0.1", "172.15.255.255", "172.32.0.1",
                         "192.167.255.255", "192.169.0.1", "169.253.0.1", "100.128.0.1",
                         "223.255.255.255", "128.0.0.1", "2a00:1450:4001::1a", "fec0::1",
                         "fe7f::1", "::ffff:8.8.8.8", "2001:4860:4860::8888"}) {
    EXPECT_EQ(InternalAddressKind(ip), "") << ip;
  }
}

// Whatever this machine's interfaces hold (a public address too): the probe
// never talks to its own host.
TEST(InternalAddressTest, EveryAddressOfThisHostIsRefused) {
  ifaddrs* list = nullptr;
  ASSERT_EQ(getifaddrs(&list), 0);
  int seen = 0;
  for (ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
    if (i->ifa_addr == nullptr) continue;
    char text[INET6_ADDRSTRLEN] = {};
    const int family = i->ifa_addr->sa_family;
    const void* addr = nullptr;
    if (family == AF_INET) addr = &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr;
    if (family == AF_INET6) addr = &reinterpret_cast<sockaddr_in6*>(i->ifa_addr)->sin6_addr;
    if (addr == nullptr || inet_ntop(family, addr, text, sizeof text) == nullptr) continue;
    ++seen;
    EXPECT_NE(InternalAddressKind(text), "") << text;
  }
  freeifaddrs(list);
  EXPECT_GT(seen, 0);
}

TEST(InternalAddressTest, NotAnAddressIsRefused) {
  for (const char* s : {"", "mx.example.test", "127.0.0.1:25", "[::1]", "300.1.1.1"}) {
    EXPECT_EQ(InternalAddressKind(s), "not an IP address") << s;
  }
}

}  // namespace
}  // namespace nearmiss::dns

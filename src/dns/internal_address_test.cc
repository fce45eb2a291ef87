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
                         "223.255.255.255", "128.0.0.1", "2a00:1450:4001::1a", "192.0.1.255",
                         "fe7f::1", "::ffff:8.8.8.8", "2001:4860:4860::8888", "192.0.3.0",
                         "198.51.99.255", "198.51.101.0", "203.0.112.255", "203.0.114.0",
                         "198.17.255.255", "198.20.0.1", "192.88.98.1", "2001:db9::1",
                         "2001:db7::1", "64:ff9b::808:808", "64:ff9b::8.8.4.4", "64:ff9b:2::a00:1",
                         "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "2001:3::1",
                         "3fff:1000::1", "fbff::1", "5f01::1"}) {
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

// Tester 15 finding 18: the rest of the IANA special-purpose registries
// (RFC 6890), and IPv6 forms that carry an internal IPv4 address.
TEST(InternalAddressTest, EverySpecialPurposeRangeIsRefused) {
  const std::pair<const char*, const char*> cases[] = {
      {"192.0.2.10", "documentation (RFC 5737)"},
      {"192.0.2.255", "documentation (RFC 5737)"},
      {"198.51.100.1", "documentation (RFC 5737)"},
      {"203.0.113.200", "documentation (RFC 5737)"},
      {"192.88.99.1", "6to4 relay anycast (RFC 3068, deprecated by RFC 7526)"},
      {"198.18.0.1", "benchmarking (RFC 2544)"},
      {"198.19.255.254", "benchmarking (RFC 2544)"},
      {"100.127.255.254", "shared address space (RFC 6598)"},
      {"192.0.0.8", "IETF protocol assignments (RFC 6890)"},
      {"250.1.2.3", "reserved (240.0.0.0/4)"},
      {"2001:db8::25", "documentation (RFC 3849)"},
      {"2001:db8:ffff::1", "documentation (RFC 3849)"},
      {"3fff::25", "documentation (RFC 9637)"},
      {"3fff:fff::1", "documentation (RFC 9637)"},
      {"2001:2::1", "benchmarking (RFC 5180)"},
      {"100::1", "discard-only (RFC 6666)"},
      {"2001:10::1", "ORCHID (RFC 4843, deprecated)"},
      {"2001:2f::1", "ORCHIDv2 (RFC 7343)"},
      {"fec0::1", "site-local (deprecated by RFC 3879)"},
      {"feff::1", "site-local (deprecated by RFC 3879)"},
      {"5f00::1", "SRv6 SIDs (RFC 9602)"},
      // NAT64: on an IPv6-only host 64:ff9b::a01:203 reaches 10.1.2.3.
      {"64:ff9b::a01:203", "NAT64 (RFC 6052) of private (RFC 1918)"},
      {"64:ff9b::127.0.0.1", "NAT64 (RFC 6052) of loopback"},
      {"64:ff9b::192.0.2.10", "NAT64 (RFC 6052) of documentation (RFC 5737)"},
      // 64:ff9b:1::/48 (RFC 6052 2.2 layout: IPv4 in bytes 6-7 and 9-10).
      {"64:ff9b:1:a01:2:300::", "local-use NAT64 (RFC 8215) of private (RFC 1918)"},
      {"64:ff9b:1:808:8:800::", "local-use NAT64 (RFC 8215)"},
      {"2002:a01:203::1", "6to4 (RFC 3056) of private (RFC 1918)"},
      {"2002:7f00:1::25", "6to4 (RFC 3056) of loopback"},
      {"2002:c0a8:101::1", "6to4 (RFC 3056) of private (RFC 1918)"},
      // Teredo: client 10.1.2.3 inverted is f5fe:fdfc; server 127.0.0.1.
      {"2001:0:4136:e378:8000:63bf:f5fe:fdfc", "Teredo (RFC 4380) of private (RFC 1918)"},
      {"2001:0:7f00:1:8000:63bf:f7f7:f7f7", "Teredo (RFC 4380) of loopback"},
      {"::10.1.2.3", "IPv4-compatible (deprecated, RFC 4291) of private (RFC 1918)"},
      {"::8.8.8.8", "IPv4-compatible (deprecated, RFC 4291)"},
      {"::ffff:192.0.2.10", "documentation (RFC 5737)"},
      {"::ffff:198.18.0.1", "benchmarking (RFC 2544)"},
  };
  for (const auto& [ip, kind] : cases) EXPECT_EQ(InternalAddressKind(ip), kind) << ip;
}

TEST(InternalAddressTest, NotAnAddressIsRefused) {
  for (const char* s : {"", "mx.example.test", "127.0.0.1:25", "[::1]", "300.1.1.1"}) {
    EXPECT_EQ(InternalAddressKind(s), "not an IP address") << s;
  }
}

}  // namespace
}  // namespace nearmiss::dns

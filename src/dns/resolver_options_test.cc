// The resolver's options, refused or accepted before any query: servers
// named (never the system resolver unless asked), ports, each server's share
// of the deadline; and which servers are loopback. No query is sent here.
#include "dns/resolver.h"
#include "dns/test_loopback.h"

#include <gtest/gtest.h>

namespace nearmiss::dns {
namespace {

TEST(ResolverOptionsTest, EachServerGetsAShareOfEachRound) {
  EXPECT_EQ(PerServerTimeoutMs(1500, 1), 1500);
  EXPECT_EQ(PerServerTimeoutMs(1200, 2), 300);
  EXPECT_EQ(PerServerTimeoutMs(1200, 3), 200);
  EXPECT_EQ(PerServerTimeoutMs(10, 8), 1);
}

TEST(ResolverOptionsTest, BadServerIsRefusedNamingIt) {
  ResolverOptions o;
  o.servers = {"not an address"};
  auto r = Resolver::Start(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

// Issue 15: an empty list (`--dns-server ''`, `servers = []` dropped to
// nothing) fell back to resolv.conf and asked a public server. No server
// is an error; resolv.conf only when named "system". No query is sent here.
TEST(ResolverOptionsTest, NoServerIsAnErrorNeverTheSystemResolver) {
  ResolverOptions o;
  auto r = Resolver::Start(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  o.servers = {""};
  EXPECT_EQ(Resolver::Start(o).status().code(), StatusCode::kInvalidArgument);
  o.servers = {"system", "127.0.0.1"};
  EXPECT_EQ(Resolver::Start(o).status().code(), StatusCode::kInvalidArgument);
}

TEST(ResolverOptionsTest, PortsOutOfRangeAreRefusedBareBracketedIPv6IsPort53) {
  for (const char* bad : {"127.0.0.1:99999", "127.0.0.1:0", "[::1]:0", "[::1]:65536"}) {
    ResolverOptions o;
    o.servers = {bad};
    EXPECT_EQ(Resolver::Start(o).status().code(), StatusCode::kInvalidArgument) << bad;
  }
  for (const char* good : {"[::1]", "127.0.0.1", "[::1]:5353", "system"}) {
    ResolverOptions o;
    o.servers = {good};
    auto r = Resolver::Start(o);
    EXPECT_TRUE(r.ok()) << good << ": " << r.status().message();
  }
}

TEST(LoopbackTest, TellsLoopbackFromTheRest) {
  EXPECT_TRUE(IsLoopbackServer("127.0.0.1:5353"));
  EXPECT_TRUE(IsLoopbackServer("127.8.0.1"));
  EXPECT_TRUE(IsLoopbackServer("[::1]:53"));
  EXPECT_TRUE(IsLoopbackServer("::1"));
  EXPECT_FALSE(IsLoopbackServer("8.8.8.8"));
  EXPECT_FALSE(IsLoopbackServer("[2001:db8::1]:53"));
}

}  // namespace
}  // namespace nearmiss::dns

// A truncated answer (the TC bit, RFC 1035 4.1.1): a server whose UDP reply
// does not fit sets TC and the resolver asks again over TCP (RFC 7766 5).
// The UDP reply here holds no records, so a resolver that took it as final
// would read "exists, no mail exchanger"; the TCP reply says NXDOMAIN. When
// TCP is refused or silent the facts are unknown within the deadline: never
// the truncated reply's empty answer (fails closed).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "dns/resolver.h"
#include "dns/truncating_server_testing.h"

namespace nearmiss::dns {
namespace {

using std::chrono::milliseconds;

DnsFacts Ask(const TruncatingServer& server, int64_t timeout_ms, int64_t* took_ms) {
  ResolverOptions o;
  o.servers = {server.server()};
  o.timeout_ms = timeout_ms;
  EXPECT_TRUE(IsLoopbackServer(o.servers[0])) << "tests never query public DNS";
  auto r = Resolver::Start(o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (!r.ok()) return {};
  auto start = std::chrono::steady_clock::now();
  DnsFacts f = (*r)->Lookup("army.ml.test").get();
  *took_ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start).count();
  return f;
}

TEST(ResolverTruncatedTest, TruncatedUdpAnswerIsAskedAgainOverTcp) {
  TruncatingServer server(TcpBehaviour::kAnswerNxdomain);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 1500, &took);
  EXPECT_EQ(f.exists, false) << "the TCP answer (NXDOMAIN), not the truncated one; unknown="
                             << f.unknown;
  EXPECT_EQ(f.mx, false);
  EXPECT_GE(server.udp_queries(), 1);
  EXPECT_GE(server.tcp_queries(), 1) << "the truncated reply was taken as final";
}

TEST(ResolverTruncatedTest, TruncatedAnswerWithTcpRefusedIsUnknown) {
  TruncatingServer server(TcpBehaviour::kRefuse);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 800, &took);
  EXPECT_FALSE(f.exists.has_value()) << "the truncated reply's empty answer was believed";
  EXPECT_FALSE(f.mx.has_value());
  EXPECT_FALSE(f.unknown.empty());
  EXPECT_TRUE(f.CanReceive()) << "unknown counts as can-receive (fails closed)";
  EXPECT_LT(took, 1500) << "the deadline is 800 ms";
}

TEST(ResolverTruncatedTest, TruncatedAnswerWithTcpSilentIsUnknownWithinTheDeadline) {
  TruncatingServer server(TcpBehaviour::kSilent);
  ASSERT_TRUE(server.ready());
  int64_t took = 0;
  DnsFacts f = Ask(server, 800, &took);
  EXPECT_FALSE(f.exists.has_value());
  EXPECT_FALSE(f.mx.has_value());
  EXPECT_FALSE(f.unknown.empty());
  EXPECT_TRUE(f.CanReceive());
  EXPECT_LT(took, 1500) << "the deadline is 800 ms";
}

}  // namespace
}  // namespace nearmiss::dns

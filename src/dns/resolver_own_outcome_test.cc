// Each lookup's outcome is its own: one name whose truncated UDP answer is
// asked again over TCP, and whose TCP connection is refused, is unknown
// ("connection refused"); the names asked of the same server at the same
// time keep their own answers. c-ares closes every socket of a server whose
// TCP connection fails and ends each query in flight to it with that error
// (ares_process.c, handle_error), so without a retry of their own those
// lookups were reported unknown too (issue 15, tester: finding 2).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "dns/resolver.h"
#include "dns/truncating_server_testing.h"

namespace nearmiss::dns {
namespace {

TEST(ResolverOwnOutcomeTest, ARefusedTcpRetryFailsOnlyItsOwnLookup) {
  // The other names are answered 150 ms late: in flight when the TCP
  // connection of the truncated one is refused.
  TruncatingServer server(TcpBehaviour::kRefuse, "big.example.test", 150);
  ASSERT_TRUE(server.ready());
  ResolverOptions o;
  o.servers = {server.server()};
  o.timeout_ms = 2000;
  ASSERT_TRUE(IsLoopbackServer(o.servers[0])) << "tests never query public DNS";
  auto r = Resolver::Start(o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<std::string> others = {"a.example.test", "b.example.test", "c.example.test"};
  std::vector<std::shared_future<DnsFacts>> asked;
  for (const std::string& name : others) asked.push_back((*r)->Lookup(name));
  std::shared_future<DnsFacts> big = (*r)->Lookup("big.example.test");
  const auto start = std::chrono::steady_clock::now();
  const DnsFacts big_facts = big.get();
  EXPECT_FALSE(big_facts.exists.has_value()) << "the truncated name's own failure";
  EXPECT_EQ(big_facts.unknown, "connection refused");
  for (size_t i = 0; i < others.size(); ++i) {
    const DnsFacts f = asked[i].get();
    EXPECT_EQ(f.exists, false) << others[i] << ": its own answer (NXDOMAIN), not the other "
                               << "name's refused TCP; unknown='" << f.unknown << "'";
    EXPECT_TRUE(f.unknown.empty()) << others[i] << ": " << f.unknown;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2500))
      << "within the deadline";
  EXPECT_EQ((*r)->counters().unknown, 1u) << "only the truncated name is unknown";
}

}  // namespace
}  // namespace nearmiss::dns

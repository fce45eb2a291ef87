// The resolver a daemon uses follows [dns] across reloads: same options keep
// the resolver (and its cache), new options start a new one, and a checker
// holding the old one still gets its answer. Servers are loopback ports
// nobody answers on: nothing here reaches a real DNS server.
#include "dns/resolver_switch.h"

#include <gtest/gtest.h>

#include <chrono>

namespace nearmiss::dns {
namespace {

ResolverOptions Silent(int port, int64_t timeout_ms) {
  ResolverOptions o;
  o.servers = {"127.0.0.1:" + std::to_string(port)};
  o.timeout_ms = timeout_ms;
  return o;
}

TEST(ResolverSwitchTest, OffUntilOptionsThenFollowsOnlyChanges) {
  ResolverSwitch s;
  EXPECT_EQ(s.Current(), nullptr);
  ASSERT_TRUE(s.Follow(std::nullopt).ok());
  EXPECT_EQ(s.Current(), nullptr);
  EXPECT_EQ(s.started(), 0u);

  ASSERT_TRUE(s.Follow(Silent(9, 200)).ok());
  std::shared_ptr<DnsSource> first = s.Current();
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(s.Follow(Silent(9, 200)).ok());
  EXPECT_EQ(s.Current(), first) << "an unchanged [dns] keeps the resolver and its cache";
  EXPECT_EQ(s.started(), 1u);

  ASSERT_TRUE(s.Follow(Silent(9, 300)).ok());
  EXPECT_NE(s.Current(), first) << "a new timeout_ms is a new resolver";
  EXPECT_EQ(s.started(), 2u);

  ASSERT_TRUE(s.Follow(std::nullopt).ok());
  EXPECT_EQ(s.Current(), nullptr) << "[dns] enabled = false after a reload turns it off";
}

TEST(ResolverSwitchTest, OldResolverAnswersWhatItWasAskedAfterTheSwitch) {
  ResolverSwitch s;
  ASSERT_TRUE(s.Follow(Silent(9, 150)).ok());
  std::shared_ptr<DnsSource> held = s.Current();  // a message in flight
  std::shared_future<DnsFacts> pending = held->Lookup("army.ml");
  ASSERT_TRUE(s.Follow(Silent(10, 150)).ok());
  ASSERT_EQ(pending.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_FALSE(pending.get().exists.has_value());
  EXPECT_FALSE(pending.get().unknown.empty()) << "unanswered: unknown, with the reason";
}

TEST(ResolverSwitchTest, BadServerKeepsTheResolverInUse) {
  ResolverSwitch s;
  ASSERT_TRUE(s.Follow(Silent(9, 200)).ok());
  std::shared_ptr<DnsSource> before = s.Current();
  ResolverOptions bad;
  bad.servers = {"not a server"};
  EXPECT_FALSE(s.Follow(bad).ok());
  EXPECT_EQ(s.Current(), before);
  EXPECT_EQ(s.started(), 1u);
}

}  // namespace
}  // namespace nearmiss::dns

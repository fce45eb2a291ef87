// Who a request came from (client_address.h): the peer, unless it is a
// trusted proxy, whose Forwarded (RFC 7239) or X-Forwarded-For header
// then names the client; and the admin events and acknowledgements made
// through serve name that client (the issue-14 tester, round 44, finding
// 6, and the lead: behind a reverse proxy every event said "from
// 127.0.0.1").
#include "http/client_address.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/fake_postfix_testing.h"
#include "http/server_testing.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

httplib::Request From(const std::string& peer,
                      std::initializer_list<std::pair<const char*, const char*>> headers) {
  httplib::Request req;
  req.remote_addr = peer;
  for (const auto& [k, v] : headers) req.headers.emplace(k, v);
  return req;
}

maillog::AddressRanges Proxies(std::initializer_list<const char*> ranges) {
  maillog::AddressRanges r;
  for (const char* range : ranges) EXPECT_TRUE(r.Add(range)) << range;
  return r;
}

TEST(HopAddressTest, ForwardedAndXForwardedForNodes) {
  EXPECT_EQ(HopAddress("192.0.2.43"), "192.0.2.43");
  EXPECT_EQ(HopAddress("\"192.0.2.43:47011\""), "192.0.2.43");
  EXPECT_EQ(HopAddress("\"[2001:db8:cafe::17]:4711\""), "2001:db8:cafe::17");
  EXPECT_EQ(HopAddress(" 2001:db8::17 "), "2001:db8::17");
  for (const char* none : {"unknown", "_hidden", "\"[2001:db8::17\"", "", "example.com"}) {
    EXPECT_EQ(HopAddress(none), "") << none;
  }
}

TEST(ClientOfTest, OnlyATrustedProxyIsBelieved) {
  const maillog::AddressRanges none;
  const maillog::AddressRanges proxies = Proxies({"127.0.0.1", "10.0.0.0/8"});
  // No proxy trusted, or a peer that is none: the header is anyone's.
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}}), none), "127.0.0.1");
  EXPECT_EQ(ClientOf(From("198.51.100.9", {{"X-Forwarded-For", "203.0.113.7"}}), proxies),
            "198.51.100.9");
  // A trusted proxy with no header: the peer.
  EXPECT_EQ(ClientOf(From("127.0.0.1", {}), proxies), "127.0.0.1");
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"}}), proxies),
            "203.0.113.7 via proxy 127.0.0.1");
  // Right to left, past every trusted proxy; a forged left part is left.
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.1.1.1"}}),
                     proxies),
            "203.0.113.7 via proxy 10.1.1.1");
  // Two header lines are one list.
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"X-Forwarded-For", "203.0.113.7"},
                                        {"X-Forwarded-For", "10.1.1.1"}}),
                     proxies),
            "203.0.113.7 via proxy 10.1.1.1");
  // RFC 7239 first, its parameter name case-blind, quoted IPv6 with a port.
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"Forwarded", "For=\"[2001:db8::17]:4711\";proto=https"},
                                        {"X-Forwarded-For", "198.51.100.1"}}),
                     proxies),
            "2001:db8::17 via proxy 127.0.0.1");
  EXPECT_EQ(ClientOf(From("127.0.0.1", {{"Forwarded", "for=unknown"}}), proxies),
            "unknown via proxy 127.0.0.1");
}

class ClientAddressServerTest : public StoreServerTest {};

// The admin events name the client a trusted proxy forwarded for.
TEST_F(ClientAddressServerTest, AdminEventsNameTheForwardedClient) {
  ApiOptions o;
  o.trusted_proxies = {"127.0.0.1"};
  o.postfix.command_dir = FakeTools("client_address", "postsuper: Released from hold: 1 message\\n");
  StartWithStore("nearmiss_client_address", "", o);
  httplib::Headers h = Auth(kAdmin);
  h.emplace("X-Forwarded-For", "203.0.113.7");
  auto r = client_->Get("/v1/held/4F2A91C3B", h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Result<std::vector<AdminEvent>> events = store_->AdminEvents(10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, "view");
  EXPECT_NE((*events)[0].detail.find("; from 203.0.113.7 via proxy 127.0.0.1"), std::string::npos)
      << (*events)[0].detail;
}

// The rate limit is per client behind a trusted proxy too: one client's
// burst does not stop the others the proxy forwards for.
TEST_F(ClientAddressServerTest, TheRateLimitIsPerForwardedClient) {
  ApiOptions o;
  o.trusted_proxies = {"127.0.0.1"};
  o.rate_per_second = 0.01;
  o.rate_burst = 2;
  StartWithStore("nearmiss_client_address_rate", "", o);
  auto from = [this](const char* client) {
    httplib::Headers h = Auth(kCheck);
    h.emplace("X-Forwarded-For", client);
    return client_->Post("/v1/check", h, R"({"to": ["a@army.mil"]})", "application/json");
  };
  for (int i = 0; i < 2; ++i) EXPECT_EQ(from("203.0.113.7")->status, 200);
  ExpectProblem(from("203.0.113.7"), 429);
  EXPECT_EQ(from("203.0.113.8")->status, 200) << "another client behind the same proxy";
}

TEST_F(ClientAddressServerTest, AProxyThatIsNoAddressIsRefusedAtStart) {
  Result<std::unique_ptr<EngineHolder>> h = EngineHolder::Open("");
  ASSERT_TRUE(h.ok());
  ApiOptions o;
  o.port = 0;
  o.trusted_proxies = {"proxy.example"};
  Result<std::unique_ptr<ApiServer>> s = ApiServer::Create(o, std::move(*h));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message().find("--trusted-proxy 'proxy.example'"), std::string::npos)
      << s.error().message();
}

}  // namespace
}  // namespace nearmiss::http

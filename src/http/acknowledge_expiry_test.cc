// The admin's list of acknowledgements follows the running policy's
// [confirm] acknowledgement_days as the engine does: after it was
// shortened, one made longer ago than the new setting is not live, though
// its stored expiry is still ahead (issue-14 tester, round 42, item 9).
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/unix_time.h"
#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;
constexpr int64_t kDay = 86400;

class AcknowledgementExpiryTest : public StoreServerTest {
 protected:
  void SetUp() override {
    StartWithStore("nearmiss_ack_expiry", "[confirm]\nacknowledgement_days = 30\n");
  }
};

TEST_F(AcknowledgementExpiryTest, TheListAppliesTheShortenedDays) {
  const int64_t now = UnixSeconds();
  Acknowledgement a;
  a.sender = "alice@ourorg.example";
  a.recipient = "jon.smith@partner.example";
  a.who = "alice@ourorg.example";
  a.path = "api";
  a.created_at = now - 170 * kDay;  // made under 180 days: 10 left by its stored expiry
  a.expires_at = now + 10 * kDay;
  ASSERT_TRUE(store_->AddAcknowledgement(a).ok());
  a.recipient = "kim@partner.example";
  a.created_at = now - 5 * kDay;
  a.expires_at = now + 175 * kDay;
  ASSERT_TRUE(store_->AddAcknowledgement(a).ok());

  auto live = client_->Get("/v1/acknowledgements", Auth(kAdmin));
  ASSERT_EQ(live->status, 200) << live->body;
  Json list = Json::parse(live->body)["acknowledgements"];
  ASSERT_EQ(list.size(), 1u) << live->body;
  EXPECT_EQ(list[0]["recipient"], "kim@partner.example");
  EXPECT_EQ(list[0]["live"], true);
  EXPECT_EQ(list[0]["expires_at"], now + 25 * kDay);

  auto all = client_->Get("/v1/acknowledgements?all=1", Auth(kAdmin));
  ASSERT_EQ(all->status, 200) << all->body;
  list = Json::parse(all->body)["acknowledgements"];
  ASSERT_EQ(list.size(), 2u) << all->body;
  for (const Json& j : list) {
    if (j["recipient"] != "jon.smith@partner.example") continue;
    EXPECT_EQ(j["live"], false) << j.dump();
    EXPECT_EQ(j["expires_at"], now - 140 * kDay) << j.dump();
    EXPECT_EQ(j["stored_expires_at"], now + 10 * kDay) << j.dump();
  }
}

}  // namespace
}  // namespace nearmiss::http

// Who may acknowledge (the issue-14 tester, round 42, finding 1): with no
// check token configured (the documented loopback set-up) checks are open,
// but an acknowledgement is an act in the sender's name, so one that no
// token vouches for is refused (403 acknowledge-needs-token) and nothing is
// stored; before, any local process acknowledged in any colleague's name
// and the record said that colleague did it.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

constexpr char kWarned[] = R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"]})";
constexpr char kAcknowledged[] =
    R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
        "acknowledge": {"justification": "ceo said so"}})";

class OpenChecksTest : public StoreServerTest {
 protected:
  void SetUp() override {
    with_check_token_ = false;
    StartWithStore("nearmiss_ack_token");
  }
  httplib::Result Post(const std::string& body, const httplib::Headers& headers = {}) {
    return client_->Post("/v1/check", headers, body, "application/json");
  }
};

TEST_F(OpenChecksTest, AnAcknowledgementWithoutATokenIsRefused) {
  // The check itself stays open.
  auto check = Post(kWarned);
  ASSERT_TRUE(check);
  ASSERT_EQ(check->status, 200) << check->body;
  EXPECT_EQ(Json::parse(check->body)["action"], "warn") << check->body;

  auto r = Post(kAcknowledged);
  ExpectProblem(r, 403);
  Json p = Json::parse(r->body);
  EXPECT_EQ(p["type"], "urn:nearmiss:problem:acknowledge-needs-token") << r->body;
  EXPECT_NE(p["detail"].get<std::string>().find("nothing was acknowledged"), std::string::npos);
  // A token that matches nothing vouches for nothing either.
  ExpectProblem(Post(kAcknowledged, Auth("not-a-token-0123456789")), 403);
  EXPECT_EQ(Stored(), 0u);
  // The warning stands.
  auto after = Post(kWarned);
  ASSERT_TRUE(after);
  EXPECT_EQ(Json::parse(after->body)["action"], "warn") << after->body;
}

TEST_F(OpenChecksTest, AnAdminTokenVouchesAndIsNamed) {
  auto r = Post(kAcknowledged, Auth(kAdmin));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_EQ(Json::parse(r->body)["acknowledged"].size(), 1u) << r->body;
  Result<std::vector<Acknowledgement>> acks = store_->Acknowledgements(true, 0);
  ASSERT_TRUE(acks.ok());
  ASSERT_EQ(acks->size(), 1u);
  // Claimed sender, and the token that vouched (the policy's line).
  EXPECT_EQ((*acks)[0].who.rfind("alice@example.gov.uk (by admin '", 0), 0u) << (*acks)[0].who;
}

}  // namespace
}  // namespace nearmiss::http

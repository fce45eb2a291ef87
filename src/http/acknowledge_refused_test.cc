// Acknowledgements the API refuses, storing nothing.
//
// [api] allow_send_anyway = false (docs/policy.md): a sender may not
// override a warning with "Send anyway". The add-ins hide the button; the
// API must refuse the acknowledgement too, or any client that posts one
// silences the warning everywhere for acknowledgement_days (stop 37's
// issue 14 tester, item 2: acknowledged, answered allow, and the milter on
// the same store then let the slip through).
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>


#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

class SendAnywayOffTest : public StoreServerTest {
 protected:
  void SetUp() override {
    StartWithStore("nearmiss_send_anyway_off", "allow_send_anyway = false\n");
  }
};

TEST_F(SendAnywayOffTest, AnAcknowledgementIsRefusedAndNothingIsStored) {
  const std::string warned = R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"]})";
  auto before = Check(warned);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200) << before->body;
  Json j = Json::parse(before->body);
  ASSERT_EQ(j["action"], "warn") << j.dump();
  EXPECT_EQ(j["send_anyway"], false);

  for (const char* ack : {R"(true)", R"({"justification": "I mean it"})",
                          R"({"scope": "domain"})"}) {
    auto r = Check(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
                       "acknowledge": )" + std::string(ack) + "}");
    ExpectProblem(r, 403);
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("allow_send_anyway"), std::string::npos) << r->body;
  }
  EXPECT_EQ(Stored(), 0u);
  // The warning stands.
  auto after = Check(warned);
  ASSERT_TRUE(after);
  EXPECT_EQ(Json::parse(after->body)["action"], "warn") << after->body;
}

// A check token is in every add-in: with [domains] organisation named, only
// its senders acknowledge, as only they get the notice's release link.
class OutsideSenderTest : public StoreServerTest {
 protected:
  void SetUp() override {
    StartWithStore("nearmiss_ack_outside_sender", "[domains]\norganisation = [\"ourorg.example\"]\n");
  }
};

TEST_F(OutsideSenderTest, AnOutsideSenderCannotAcknowledge) {
  auto r = Check(R"({"from": "evil@outside.example", "to": ["erin@hotmial.com"],
                     "acknowledge": true})");
  ExpectProblem(r, 403);
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("sender-outside-organisation"), std::string::npos) << r->body;
  EXPECT_EQ(Stored(), 0u);
  auto ours = Check(R"({"from": "alice@ourorg.example", "to": ["erin@hotmial.com"],
                        "acknowledge": true})");
  ASSERT_TRUE(ours);
  EXPECT_EQ(ours->status, 200) << ours->body;
  EXPECT_EQ(Stored(), 1u);
}

// 'from' as a mail client writes it, a display name and capitals (the
// issue-14 tester, round 43, finding 7: refused as outside while the check
// read it): the organisation's sender acknowledges; the same second post
// of the warning is the first's acknowledgement (schema 9).
TEST_F(OutsideSenderTest, TheSenderMayBeWrittenAsAClientWritesIt) {
  auto r = Check(R"({"from": "Alice Example <ALICE@OurOrg.Example>", "to": ["erin@hotmial.com"],
                     "acknowledge": true})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Stored(), 1u);
  auto again = Check(R"({"from": "alice@ourorg.example", "to": ["erin@hotmial.com"],
                         "acknowledge": true})");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(Stored(), 1u);
  auto outside = Check(R"({"from": "Evil <evil@OurOrg.Example.evil.example>",
                           "to": ["erin@hotmial.com"], "acknowledge": true})");
  ExpectProblem(outside, 403);
  auto junk = Check(R"({"from": "Alice <alice@>", "to": ["erin@hotmial.com"],
                        "acknowledge": true})");
  ASSERT_TRUE(junk);
  EXPECT_NE(junk->status, 200) << junk->body;
  EXPECT_EQ(Stored(), 1u);
}

// The admin lists' parameters: a typo or a bad value is a 400 naming it,
// never a full list answered as if filtered.
TEST_F(OutsideSenderTest, AdminListParametersAreChecked) {
  for (const char* path : {"/v1/events?limit=abc", "/v1/events?limit=0", "/v1/events?limt=5",
                           "/v1/acknowledgements?all=yes", "/v1/acknowledgements?al=1"}) {
    ExpectProblem(client_->Get(path, Auth(kAdmin)), 400);
  }
  for (const char* path : {"/v1/events?limit=5", "/v1/events", "/v1/acknowledgements?all=true",
                           "/v1/acknowledgements"}) {
    auto r = client_->Get(path, Auth(kAdmin));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path << " " << r->body;
  }
}

}  // namespace
}  // namespace nearmiss::http

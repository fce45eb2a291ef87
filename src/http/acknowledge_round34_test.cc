// Issue 14, round 34: what "Send anyway" (POST /v1/check with acknowledge)
// may record. Item 1: a SECRET message, or one with an encrypted
// attachment, to a look-alike is held, not the sender's to settle, so no
// acknowledgement is made in the same call and an earlier one does not let
// it through; a look-alike domain is acknowledged by address only. Item 6:
// a message blocked for another recipient is not sent, so nothing is
// recorded for it.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

class AcknowledgeRound34Test : public StoreServerTest {
 protected:
  void SetUp() override { StartWithStore("nearmiss_ack_round34"); }
  Json Answer(const std::string& body) {
    auto r = Check(body);
    EXPECT_TRUE(r);
    if (!r) return Json();
    EXPECT_EQ(r->status, 200) << r->body;
    return Json::parse(r->body);
  }
};

TEST_F(AcknowledgeRound34Test, SensitiveMessageToALookalikeIsHeldAndAcknowledgesNothing) {
  for (const char* to : {"dave@gmial.com", "erin@hotmial.com", "kim@yahooo.com"}) {
    const std::string rcpt = std::string("[\"") + to + "\"]";
    for (const std::string& extra :
         {std::string(R"("subject": "SECRET//NOFORN convoy timings")"),
          std::string(R"("subject": "SECRET: convoy", "attachments": [{"name": "plan.zip.gpg"}])"),
          std::string(R"("subject": "TOP SECRET//SI//NOFORN")")}) {
      Json j = Answer(R"({"from": "carl@example.gov.uk", "to": )" + rcpt + ", " + extra +
                      R"(, "acknowledge": true})");
      EXPECT_EQ(j["action"], "warn") << to << " " << extra << "\n" << j.dump();
      EXPECT_EQ(j["policy_action"], "hold") << to << " " << extra;
      EXPECT_TRUE(j["acknowledged"].empty()) << j.dump();
      EXPECT_EQ(j["not_acknowledged"].size(), 1u) << j.dump();
    }
  }
  EXPECT_EQ(Stored(), 0u);
}

TEST_F(AcknowledgeRound34Test, AnAcknowledgedLookalikeIsStillHeldForSecret) {
  Json made = Answer(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
                         "acknowledge": true})");
  ASSERT_EQ(made["acknowledged"].size(), 1u) << made.dump();
  EXPECT_EQ(Answer(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"]})")["action"],
            "allow");
  Json secret = Answer(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
                           "subject": "SECRET//NOFORN convoy timings"})");
  EXPECT_EQ(secret["policy_action"], "hold") << secret.dump();
  EXPECT_EQ(secret["rule"]["name"], "secret-external");
  Json top = Answer(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
                        "subject": "TOP SECRET: plans"})");
  EXPECT_EQ(top["policy_action"], "hold") << top.dump();
  // Below the hold, the acknowledged look-alike is tagged as any outsider.
  Json os = Answer(R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"],
                       "subject": "OFFICIAL-SENSITIVE: plans"})");
  EXPECT_EQ(os["policy_action"], "tag") << os.dump();
}

TEST_F(AcknowledgeRound34Test, ALookalikeDomainIsAcknowledgedByAddressOnly) {
  Json j = Answer(R"({"from": "alice@example.gov.uk", "to": ["dave@gmial.com"],
                      "acknowledge": {"scope": "domain"}})");
  EXPECT_TRUE(j["acknowledged"].empty()) << j.dump();
  ASSERT_EQ(j["not_acknowledged"].size(), 1u) << j.dump();
  EXPECT_NE(j["not_acknowledged"][0]["reason"].get<std::string>().find("by address only"),
            std::string::npos);
  EXPECT_EQ(Stored(), 0u);
}

TEST_F(AcknowledgeRound34Test, ABlockedMessageAcknowledgesNothing) {
  for (const char* blocked : {"bob@army.ml", "eve@navy.ml"}) {
    for (const char* ask : {"true", R"({"recipients": ["kim@hotmial.com"]})"}) {
      Json j = Answer(std::string(R"({"from": "alice@example.gov.uk", "to": ["kim@hotmial.com", ")") +
                      blocked + R"("], "acknowledge": )" + ask + "}");
      EXPECT_EQ(j["action"], "block") << j.dump();
      EXPECT_TRUE(j["acknowledged"].empty()) << j.dump();
      bool kim_said = false;
      for (const Json& n : j["not_acknowledged"]) {
        if (n["recipient"] == "kim@hotmail.com" || n["recipient"] == "kim@hotmial.com") {
          kim_said = n["reason"].get<std::string>().find("the message is blocked") !=
                     std::string::npos;
        }
      }
      EXPECT_TRUE(kim_said) << j.dump();
    }
  }
  EXPECT_EQ(Stored(), 0u);
  // Without the blocked recipient, the same Send anyway is recorded.
  Json ok = Answer(R"({"from": "alice@example.gov.uk", "to": ["kim@hotmial.com"],
                       "acknowledge": true})");
  EXPECT_EQ(ok["acknowledged"].size(), 1u) << ok.dump();
  EXPECT_EQ(Stored(), 1u);
}

}  // namespace
}  // namespace nearmiss::http

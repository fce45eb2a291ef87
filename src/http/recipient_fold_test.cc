// Round 58b's tester 15, finding 5: one POST /v1/check entry per mailbox.
#include "http/recipient_fold.h"

#include <gtest/gtest.h>

#include "http/check_service.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::ordered_json;

TEST(RecipientFoldTest, OneMailboxAcrossFieldsIsOneEntry) {
  Result<Policy> p = ParsePolicy("", "t.toml", "");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Result<std::shared_ptr<const Engine>> e = Engine::Compile(*p);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  CheckRequest r;
  r.from = "me@acme.co.uk";
  r.recipients.push_back({"X@GMAL.COM", RecipientField::kTo});
  r.recipients.push_back({"x@gmal.com", RecipientField::kCc});
  r.recipients.push_back({"x@gmal.com.", RecipientField::kCc});
  r.recipients.push_back({"x@Gmal.Com", RecipientField::kBcc});
  CheckAnswer a = CheckMessage(**e, r);
  const Json& rs = a.body["recipients"];
  // X@gmal.com is another local part (RFC 5321 section 2.4): kept apart.
  ASSERT_EQ(rs.size(), 2u) << rs.dump();
  EXPECT_EQ(rs[0]["address"], "X@gmal.com");
  EXPECT_FALSE(rs[0].contains("covers"));
  EXPECT_EQ(rs[1]["address"], "x@gmal.com");
  EXPECT_EQ(rs[1]["input"], "x@gmal.com");
  EXPECT_EQ(rs[1]["field"], "cc");
  EXPECT_EQ(rs[1]["verdict"], "lookalike");
  EXPECT_EQ(rs[1]["covers"],
            Json::parse(R"([{"input":"x@gmal.com","field":"cc"},{"input":"x@gmal.com.","field":"cc"},)"
                        R"({"input":"x@Gmal.Com","field":"bcc"}])"));
  // The summary says each message once.
  const std::string summary = a.body["summary"];
  const std::string said = "x@gmal.com: ";
  EXPECT_NE(summary.find(said), std::string::npos) << summary;
  EXPECT_EQ(summary.find(said), summary.rfind(said)) << summary;
}

TEST(RecipientFoldTest, CopiesJudgedApartStayApart) {
  Json rs = Json::parse(R"([
    {"input":"a@b.example","address":"a@b.example","field":"to","verdict":"external","action":"accept"},
    {"input":"a@B.example","address":"a@b.example","field":"bcc","verdict":"external","action":"warn"},
    {"input":"a@b.example.","address":"a@b.example","field":"cc","verdict":"external","action":"accept"},
    {"input":"bad@@x","address":"","field":"to","verdict":"invalid","action":"reject"},
    {"input":"bad@@x","address":"","field":"cc","verdict":"invalid","action":"reject"}])");
  FoldSameMailbox(rs);
  ASSERT_EQ(rs.size(), 3u) << rs.dump();
  EXPECT_EQ(rs[0]["covers"].size(), 2u);
  EXPECT_EQ(rs[0]["covers"][1]["input"], "a@b.example.");
  EXPECT_EQ(rs[1]["action"], "warn");
  EXPECT_FALSE(rs[1].contains("covers"));
  EXPECT_EQ(rs[2]["input"], "bad@@x");
  EXPECT_EQ(rs[2]["covers"].size(), 2u);
}

}  // namespace
}  // namespace nearmiss::http

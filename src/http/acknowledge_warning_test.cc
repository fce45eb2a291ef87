// Issue 14, warn once (the round-4 tester's item 5): an acknowledgement
// records the warning it acknowledged, its codes and its suggestion, on
// every path that makes one: a client's "Send anyway" (POST /v1/check with
// acknowledge) and a held message's release link (POST /confirm). The
// engine then settles only that warning (engine/acknowledge_test.cc).
#include <httplib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "confirm/link.h"
#include "confirm/link_testing.h"
#include "http/fake_postfix_testing.h"
#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

const std::string kKey(40, 'k');

// A release link for FakeTools' held message (4F2A91C3B from alice, marked
// kFakeHoldId), flagging jon.smith@ (did you mean john.smith@?).
confirm::ConfirmLink HeldLink() {
  confirm::ConfirmLink link;
  link.action = "release";
  link.queue_id = "4F2A91C3B";
  link.sender = "alice@mod.gov.uk";
  link.hold_id = kFakeHoldId;
  link.recipients = {
      {"jon.smith@partner.example", "address-typo", "john.smith@partner.example", "edit"}};
  link.expires_at = 4'000'000'000;
  return link;
}

class AcknowledgeWarningTest : public ServerTest {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/nearmiss_ack_warning";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ + "/confirm.key") << kKey;
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ + "/acks.db");
    ASSERT_TRUE(store.ok()) << store.error().message();
    store_ = std::move(*store);
    policy_name_ = "nearmiss_ack_warning_test.toml";
    ApiOptions o;
    o.postfix.command_dir = FakeTools("ack_warning", "postsuper: Released from hold: 1 message\\n");
    Start(o, store_.get(), "[confirm]\nkey_file = \"" + dir_ + "/confirm.key\"\n");
  }
  void TearDown() override {
    ServerTest::TearDown();
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  httplib::Result Release(const std::string& token) {
    return client_->Post("/confirm", "t=" + token + "&why=Jon+is+new",
                         "application/x-www-form-urlencoded");
  }
  std::vector<Acknowledgement> Stored() {
    Result<std::vector<Acknowledgement>> all = store_->Acknowledgements(true, 0);
    EXPECT_TRUE(all.ok());
    return all.ok() ? *all : std::vector<Acknowledgement>{};
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AcknowledgeWarningTest, SendAnywayRecordsTheCodesAndTheSuggestion) {
  auto r = Check(R"({"from": "carol@mod.gov.uk", "to": ["kim@hotmial.com"],
                     "acknowledge": {"recipients": ["kim@hotmial.com"]}})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  ASSERT_EQ(Json::parse(r->body)["acknowledged"].size(), 1u) << r->body;
  std::vector<Acknowledgement> acks = Stored();
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].path, "api");
  EXPECT_EQ(acks[0].reasons, "label-typo");
  EXPECT_EQ(acks[0].suggestion, "kim@hotmail.com");
  EXPECT_TRUE(acks[0].warning_recorded);
  // The console and the API list it with its warning.
  auto list = client_->Get("/v1/acknowledgements", Auth(kAdmin));
  ASSERT_EQ(list->status, 200) << list->body;
  Json j = Json::parse(list->body)["acknowledgements"][0];
  EXPECT_EQ(j["reasons"], "label-typo");
  EXPECT_EQ(j["suggestion"], "kim@hotmail.com");
  EXPECT_EQ(j["warning_recorded"], true);
  EXPECT_EQ(j["typo_kind"], "");  // no address-typo
}

TEST_F(AcknowledgeWarningTest, AReleaseLinkRecordsTheWarningTheNoticeShowed) {
  confirm::ConfirmLink link = HeldLink();
  auto page = Release(confirm::LinkSigner(kKey).Sign(link));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_THAT(page->body, HasSubstr("will not ask again about jon.smith@partner.example for "
                                    "this reason"));
  std::vector<Acknowledgement> acks = Stored();
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].path, "confirm-link");
  EXPECT_EQ(acks[0].recipient, "jon.smith@partner.example");
  EXPECT_EQ(acks[0].reasons, "address-typo");
  EXPECT_EQ(acks[0].suggestion, "john.smith@partner.example");
  // And its address-typo kind (issue 14's fresh tester, defect 1): a
  // later display name naming john.smith@ is another warning.
  EXPECT_EQ(acks[0].typo_kind, "edit");
  EXPECT_EQ(acks[0].why, "Jon is new");
  EXPECT_TRUE(acks[0].warning_recorded);
  // Whoever used the link, from where (the issue-14 tester, round 44,
  // finding 6): the link is a bearer credential in a forwardable mail.
  EXPECT_EQ(acks[0].who, "alice@mod.gov.uk (confirm link; from 127.0.0.1)");
  Result<std::vector<AdminEvent>> events = store_->AdminEvents(10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  for (const AdminEvent& e : *events) {
    EXPECT_EQ(e.who, "alice@mod.gov.uk (confirm link; from 127.0.0.1)") << e.action;
    // The release names the program that used the link (a scanner's fetch
    // is not a person's click).
    if (e.action == "release") {
      EXPECT_NE(e.detail.find("; user agent 'cpp-httplib/"), std::string::npos) << e.detail;
    }
  }
}

// The issue-14 tester, round 43, finding 13: a link signed when the rule
// could be acknowledged, used after it became final (army.ml, a look-alike
// of army.mil, refused every time): the message is released, as the
// sender asked, but nothing is acknowledged and the page does not promise
// "will not ask again"; it says the policy asks every time.
TEST_F(AcknowledgeWarningTest, AReleaseLinkAcknowledgesOnlyWhatTheRunningPolicyLets) {
  confirm::ConfirmLink link = HeldLink();
  link.recipients = {{"bob@army.ml", "lookalike", "bob@army.mil", ""},
                     {"jon.smith@partner.example", "address-typo", "john.smith@partner.example",
                      "edit"}};
  auto page = Release(confirm::LinkSigner(kKey).Sign(link));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_THAT(page->body, HasSubstr("will not ask again about jon.smith@partner.example for"));
  EXPECT_THAT(page->body, Not(HasSubstr("will not ask again about bob@army.ml")));
  EXPECT_THAT(page->body, HasSubstr("Not remembered for bob@army.ml: the running policy asks "
                                    "about it every time (rule &#39;"));
  std::vector<Acknowledgement> acks = Stored();
  ASSERT_EQ(acks.size(), 1u);
  EXPECT_EQ(acks[0].recipient, "jon.smith@partner.example");
}

// Issue 14, round 34, item 9: a release link's `why` with a line break was
// kept with the break turned into '?', where the API refuses the same text
// with 400. Refused the same way, before the link is spent: it still works.
TEST_F(AcknowledgeWarningTest, AReleaseLinksWhyIsOneLineAsTheApisJustification) {
  confirm::ConfirmLink link = HeldLink();
  const std::string token = confirm::LinkSigner(kKey).Sign(link);
  for (const char* why : {"line1%0AFORGED+line", "a%0Db", "x%1B%5B31m", "bidi%E2%80%AEtext",
                          "zero%E2%80%8Bwidth"}) {
    auto page = client_->Post("/confirm", "t=" + token + "&why=" + why,
                              "application/x-www-form-urlencoded");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 400) << why << ": " << page->body;
  }
  EXPECT_TRUE(Stored().empty());
  auto page = Release(token);  // the link was not spent
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200) << page->body;
  ASSERT_EQ(Stored().size(), 1u);
}

// Issue 14, round 34, item 9: a revoke event said only "acknowledgement
// revoked"; it names which sender -> recipient.
TEST_F(AcknowledgeWarningTest, ARevokeEventNamesTheSenderAndRecipient) {
  auto r = Check(R"({"from": "carol@mod.gov.uk", "to": ["kim@hotmial.com"], "acknowledge": true})");
  ASSERT_TRUE(r);
  Json made = Json::parse(r->body)["acknowledged"];
  ASSERT_EQ(made.size(), 1u) << r->body;
  const std::string id = std::to_string(made[0]["id"].get<int64_t>());
  auto del = client_->Delete("/v1/acknowledgements/" + id, Auth(kAdmin));
  ASSERT_TRUE(del);
  ASSERT_EQ(del->status, 200) << del->body;
  auto events = client_->Get("/v1/events", Auth(kAdmin));
  ASSERT_TRUE(events);
  EXPECT_THAT(events->body,
              HasSubstr("acknowledgement revoked: carol@mod.gov.uk -> kim@hotmial.com (api)"));
}

// Issue 14, round 35's second tester, item 7: an id past the largest was
// read as the largest (strtoll clamps) and the 404 named that id, not the
// one asked for. Refused as out of range, and nothing revoked.
TEST_F(AcknowledgeWarningTest, AnAcknowledgementIdOutOfRangeIsRefused) {
  auto r = Check(R"({"from": "carol@mod.gov.uk", "to": ["kim@hotmial.com"], "acknowledge": true})");
  ASSERT_TRUE(r);
  ASSERT_EQ(Json::parse(r->body)["acknowledged"].size(), 1u) << r->body;
  auto del = client_->Delete("/v1/acknowledgements/99999999999999999999", Auth(kAdmin));
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 400) << del->body;
  EXPECT_THAT(del->body, HasSubstr("acknowledgement id '99999999999999999999' is out of range"));
  EXPECT_THAT(del->body, Not(HasSubstr("9223372036854775807'")));
  ASSERT_EQ(Stored().size(), 1u);
  EXPECT_EQ(Stored()[0].revoked_at, 0);
  // A malformed or unknown id is still 404.
  EXPECT_EQ(client_->Delete("/v1/acknowledgements/12x", Auth(kAdmin))->status, 404);
  EXPECT_EQ(client_->Delete("/v1/acknowledgements/77", Auth(kAdmin))->status, 404);
}

// Issue-14 tester, round 42, item 3: a link named its message by queue id
// only, and Postfix reuses queue ids, so a link opened after its message
// had left released or deleted whichever message took the id. A link made
// before links named the message (versions 1 to 3) acts on nothing now.
TEST_F(AcknowledgeWarningTest, AnOldLinkActsOnNothing) {
  const std::string v1 =
      confirm::SignVersion1(kKey, "release", "4F2A91C3B", "alice@mod.gov.uk",
                            "jon.smith@partner.example", "4000000000",
                            "00112233445566778899aabbccddeeff");
  const std::string v3 = confirm::SignPayload(
      kKey, "v3\nrelease\n4F2A91C3B\nalice@mod.gov.uk\n4000000000\n"
            "ffeeddccbbaa99887766554433221100\n"
            "jon.smith@partner.example\taddress-typo\tjohn.smith@partner.example\tedit");
  for (const std::string& token : {v1, v3}) {
    auto shown = client_->Get("/confirm?t=" + token);
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->status, 409) << shown->body;
    EXPECT_THAT(shown->body, HasSubstr("did not record which message it was for"));
    EXPECT_THAT(shown->body, Not(HasSubstr("<form")));
    auto page = Release(token);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 409) << page->body;
    EXPECT_THAT(page->body, HasSubstr("Nothing was done"));
  }
  EXPECT_TRUE(Stored().empty());
  auto events = client_->Get("/v1/events", Auth(kAdmin));
  ASSERT_TRUE(events);
  EXPECT_THAT(events->body, Not(HasSubstr("confirm notice")));
}

// The same item: another message holds the link's queue id now (its tag
// header bears another hold id). Neither link of the notice acts on it.
TEST_F(AcknowledgeWarningTest, ALinkForAnotherMessageUnderItsQueueIdIsRefused) {
  confirm::ConfirmLink link = HeldLink();
  link.hold_id = "0123456789abcdef";  // the message that had the id before
  link.recipients = {{"mary.jone@partner.example", "address-typo", "mary.jones@partner.example", "edit"}};
  for (const char* action : {"release", "delete"}) {
    link.action = action;
    const std::string token = confirm::LinkSigner(kKey).Sign(link);
    auto shown = client_->Get("/confirm?t=" + token);
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->status, 409) << shown->body;
    EXPECT_THAT(shown->body, HasSubstr("a different message now has its queue id"));
    EXPECT_THAT(shown->body, Not(HasSubstr("mary.jone@")));  // no words about another message
    auto page = Release(token);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 409) << action << ": " << page->body;
    EXPECT_THAT(page->body, HasSubstr("This message is no longer held"));
  }
  EXPECT_TRUE(Stored().empty());
  // Its own link still works, and the event names the message as read.
  link.action = "release";
  link.hold_id = kFakeHoldId;
  auto page = Release(confirm::LinkSigner(kKey).Sign(link));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200) << page->body;
  auto events = client_->Get("/v1/events", Auth(kAdmin));
  ASSERT_TRUE(events);
  EXPECT_THAT(events->body, HasSubstr("released from the confirm notice: from alice@mod.gov.uk to "
                                      "jon@x.example; subject 'hi'"));
}

// Issue-14 tester, round 42, item 15: a link for a sender who does not own
// the held message was told 404 "released or deleted already" of a message
// still held. It is told the link is not for this message, 403.
TEST_F(AcknowledgeWarningTest, ALinkOfAnotherSenderIsNotForThisMessage) {
  confirm::ConfirmLink link = HeldLink();
  link.sender = "mallory@mod.gov.uk";
  auto page = Release(confirm::LinkSigner(kKey).Sign(link));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 403) << page->body;
  EXPECT_THAT(page->body, HasSubstr("This link is not for this message"));
  EXPECT_THAT(page->body, Not(HasSubstr("released or deleted already")));
  EXPECT_EQ(page->get_header_value_count("Cache-Control"), 1u);
}

}  // namespace
}  // namespace nearmiss::http

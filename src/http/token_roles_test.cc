// Who may do what, and what is recorded of it (the issue-14 tester, round
// 43):
// - finding 16: a `viewer` token reads every admin route's data and acts
//   on nothing; each route's permission for each role;
// - finding 6: reading a held message and reloading are admin events
//   naming who, with the client's address;
// - finding 5: a "Send anyway" through the add-ins' shared check token is
//   recorded as claimed, with the token and the client's address; a
//   sender's own token acknowledges for that sender only; the policy can
//   refuse shared-token acknowledgements.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "http/fake_postfix_testing.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

constexpr char kAnn[] = "ann-admin-token-0001";
constexpr char kVic[] = "vic-viewer-token-0001";
constexpr char kShared[] = "outlook-addin-token-01";
constexpr char kAlice[] = "alice-own-token-00001";

constexpr char kAcknowledge[] =
    R"({"from": "%s", "to": ["erin@hotmial.com"], "acknowledge": {"justification": "hers"}})";

// serve (server_testing.h: the policy's own admin token, no check token)
// with a token file: Ann Admin, Vic Viewer, the add-ins' shared check
// token and Alice's own; Postfix's tools holding 4F2A91C3B.
class TokenRolesTest : public StoreServerTest {
 protected:
  void Start(const std::string& api = "") {
    with_check_token_ = false;
    tokens_ = ::testing::TempDir() + "/nearmiss_token_roles_tokens";
    std::ofstream(tokens_) << "admin " << kAnn << " Ann Admin\nviewer " << kVic << " Vic Viewer\n"
                           << "check " << kShared << " outlook add-in\n"
                           << "check " << kAlice << " Alice Example <alice@example.gov.uk>\n";
    std::filesystem::permissions(tokens_, std::filesystem::perms::owner_read |
                                              std::filesystem::perms::owner_write);
    ApiOptions o;
    o.token_file = tokens_;
    o.postfix.command_dir = FakeTools("token_roles", "postsuper: 4F2A91C3B: released from hold\\n"
                                                     "postsuper: Released from hold: 1 message\\n");
    StartWithStore("nearmiss_token_roles",
                   api + "[domains]\norganisation = [\"example.gov.uk\"]\n", std::move(o));
  }
  int Status(const httplib::Result& r) { return r ? r->status : -1; }
  httplib::Result Acknowledge(const char* token, const std::string& from) {
    char body[256];
    std::snprintf(body, sizeof body, kAcknowledge, from.c_str());
    return client_->Post("/v1/check", Auth(token), body, "application/json");
  }
  std::vector<AdminEvent> Events() {
    Result<std::vector<AdminEvent>> e = store_->AdminEvents(100);
    EXPECT_TRUE(e.ok());
    return e.ok() ? *e : std::vector<AdminEvent>{};
  }

  std::string tokens_;
};

TEST_F(TokenRolesTest, EachRoutesPermissionForEachRole) {
  Start();
  // Reading: viewer and admin 200; check 403; none 401.
  for (const char* path : {"/v1/held", "/v1/held/4F2A91C3B", "/v1/audit", "/v1/policy",
                           "/v1/acknowledgements", "/v1/events"}) {
    EXPECT_EQ(Status(client_->Get(path, Auth(kVic))), 200) << path;
    EXPECT_EQ(Status(client_->Get(path, Auth(kAnn))), 200) << path;
    EXPECT_EQ(Status(client_->Get(path, Auth(kShared))), 403) << path;
    EXPECT_EQ(Status(client_->Get(path)), 401) << path;
  }
  // Acting: a viewer gets 403 saying it only reads, and nothing is done.
  auto release = client_->Post("/v1/held/4F2A91C3B/release", Auth(kVic), "", "text/plain");
  EXPECT_EQ(Status(release), 403);
  EXPECT_NE(release->body.find("(viewer) may only read"), std::string::npos) << release->body;
  EXPECT_EQ(Status(client_->Delete("/v1/held/4F2A91C3B", Auth(kVic))), 403);
  EXPECT_EQ(Status(client_->Delete("/v1/acknowledgements/1", Auth(kVic))), 403);
  EXPECT_EQ(Status(client_->Post("/v1/reload", Auth(kVic), "", "text/plain")), 403);
  EXPECT_EQ(Status(client_->Post("/v1/check", Auth(kVic), R"({"to": ["a@b.example"]})",
                                 "application/json")),
            403)
      << "a viewer does not check (nor acknowledge)";
  for (const AdminEvent& e : Events()) {
    EXPECT_NE(e.action, "release") << "a viewer's release was done";
    EXPECT_NE(e.action, "reload");
  }
  // The admin acts.
  EXPECT_EQ(Status(client_->Post("/v1/reload", Auth(kAnn), "", "text/plain")), 200);
  EXPECT_EQ(Status(client_->Post("/v1/held/4F2A91C3B/release", Auth(kAnn), "", "text/plain")), 200);
}

TEST_F(TokenRolesTest, ReadingAHeldMessageAndReloadingAreRecorded) {
  Start();
  ASSERT_EQ(Status(client_->Get("/v1/held/4F2A91C3B", Auth(kVic))), 200);
  ASSERT_EQ(Status(client_->Post("/v1/reload", Auth(kAnn), "", "text/plain")), 200);
  const std::vector<AdminEvent> events = Events();
  const AdminEvent* view = nullptr;
  const AdminEvent* reload = nullptr;
  for (const AdminEvent& e : events) {
    if (e.action == "view" && e.object == "4F2A91C3B") view = &e;
    if (e.action == "reload") reload = &e;
  }
  ASSERT_NE(view, nullptr) << "reading a held message's body left no record";
  EXPECT_EQ(view->who, "Vic Viewer");
  EXPECT_EQ(view->role, "viewer");
  EXPECT_NE(view->detail.find("read from the hold queue: from alice@mod.gov.uk"), std::string::npos)
      << view->detail;
  EXPECT_NE(view->detail.find("; token " + tokens_ + ":2; from 127.0.0.1"), std::string::npos)
      << view->detail;
  ASSERT_NE(reload, nullptr) << "a reload left no record";
  EXPECT_EQ(reload->who, "Ann Admin");
  EXPECT_EQ(reload->role, "admin");
  EXPECT_NE(reload->detail.find("generation 0 -> 1"), std::string::npos) << reload->detail;
  EXPECT_NE(reload->detail.find(" admins (" + dir_ + ".toml:2, Ann Admin), 1 viewer (Vic Viewer), "
                                "2 check tokens (1 bound to one sender)"),
            std::string::npos)
      << reload->detail;
  EXPECT_NE(reload->detail.find("from 127.0.0.1"), std::string::npos) << reload->detail;
  // The list of held messages (senders, recipients, subjects) too.
  ASSERT_EQ(Status(client_->Get("/v1/held", Auth(kAnn))), 200);
  EXPECT_EQ(Events().front().detail.rfind("listed 1 held message: 4F2A91C3B", 0), 0u)
      << Events().front().detail;
}

// The issue-14 tester, round 45, N2 c: a refused release, delete, revoke or
// "Send anyway" (a viewer's, a bad token's) leaves an event naming who,
// what and from where, as a failed admin release does.
TEST_F(TokenRolesTest, RefusedActsAreRecorded) {
  Start();
  httplib::Headers ua = Auth(kVic);
  ua.emplace("User-Agent", "curl/8.0");
  EXPECT_EQ(Status(client_->Post("/v1/held/4F2A91C3B/release", ua, "", "text/plain")), 403);
  EXPECT_EQ(Status(client_->Delete("/v1/held/4F2A91C3B", Auth("not-a-token-at-all-000"))), 401);
  EXPECT_EQ(Status(client_->Delete("/v1/acknowledgements/7", Auth(kVic))), 403);
  EXPECT_EQ(Status(client_->Post("/v1/check", Auth(kVic),
                                 R"({"from": "alice@example.gov.uk", "to": ["a@b.example"],
                                     "acknowledge": true})",
                                 "application/json")),
            403);
  // A plain check refused is no act: not recorded.
  EXPECT_EQ(Status(client_->Post("/v1/check", Auth(kVic), R"({"to": ["a@b.example"]})",
                                 "application/json")),
            403);
  std::vector<AdminEvent> events = Events();
  ASSERT_EQ(events.size(), 4u);
  std::map<std::string, AdminEvent> by_action;
  for (AdminEvent& e : events) by_action[e.action] = e;
  const AdminEvent& release = by_action["release-refused"];
  EXPECT_EQ(release.who, "Vic Viewer");
  EXPECT_EQ(release.role, "viewer");
  EXPECT_EQ(release.object, "4F2A91C3B");
  EXPECT_NE(release.detail.find("refused (403): this token's role (viewer) may only read"),
            std::string::npos) << release.detail;
  EXPECT_NE(release.detail.find("; from 127.0.0.1; user agent curl/8.0"), std::string::npos)
      << release.detail;
  const AdminEvent& del = by_action["delete-refused"];
  EXPECT_EQ(del.who, "an unknown token");
  EXPECT_EQ(del.object, "4F2A91C3B");
  EXPECT_NE(del.detail.find("refused (401): the token is not valid"), std::string::npos) << del.detail;
  EXPECT_EQ(by_action["revoke-refused"].object, "ack:7");
  EXPECT_EQ(by_action["acknowledge-refused"].who, "Vic Viewer");
}

TEST_F(TokenRolesTest, ASharedTokensAcknowledgementIsRecordedAsClaimed) {
  Start();
  auto r = Acknowledge(kShared, "alice@example.gov.uk");
  ASSERT_EQ(Status(r), 200) << r->body;
  Result<std::vector<Acknowledgement>> acks = store_->Acknowledgements(true, 0);
  ASSERT_TRUE(acks.ok());
  ASSERT_EQ(acks->size(), 1u) << r->body;
  EXPECT_EQ((*acks)[0].who,
            "alice@example.gov.uk (claimed; shared token 'outlook add-in'; from 127.0.0.1)");
  EXPECT_EQ(Events().front().who, (*acks)[0].who);
}

// The issue-14 tester, round 43, finding 7: the display-name form of
// `from`, which the check reads as alice's, was refused for "Send anyway"
// as outside the organisation.
TEST_F(TokenRolesTest, FromWithADisplayNameIsTheSameSender) {
  Start();
  auto r = Acknowledge(kShared, "Alice <ALICE@Example.gov.uk>");
  ASSERT_EQ(Status(r), 200) << r->body;
  EXPECT_EQ(store_->Acknowledgements(true, 0)->size(), 1u);
  ExpectProblem(Acknowledge(kShared, "Mallory <alice@example.gov.uk.evil.example>"), 403);
}

TEST_F(TokenRolesTest, AnOwnTokenAcknowledgesForItsSenderOnly) {
  Start();
  auto other = Acknowledge(kAlice, "bob@example.gov.uk");
  ASSERT_EQ(Status(other), 403);
  EXPECT_NE(other->body.find("acknowledge-other-sender"), std::string::npos) << other->body;
  EXPECT_NE(other->body.find("bound to alice@example.gov.uk"), std::string::npos) << other->body;
  auto own = Acknowledge(kAlice, "Alice@Example.gov.uk");
  ASSERT_EQ(Status(own), 200) << own->body;
  Result<std::vector<Acknowledgement>> acks = store_->Acknowledgements(true, 0);
  ASSERT_TRUE(acks.ok());
  ASSERT_EQ(acks->size(), 1u);
  EXPECT_EQ((*acks)[0].who, "alice@example.gov.uk (own token 'Alice Example'; from 127.0.0.1)");
}

TEST_F(TokenRolesTest, ThePolicyMayRefuseSharedTokenAcknowledgements) {
  Start("acknowledge_with_shared_token = false\n");
  auto r = Acknowledge(kShared, "alice@example.gov.uk");
  ASSERT_EQ(Status(r), 403);
  EXPECT_NE(r->body.find("acknowledge-needs-own-token"), std::string::npos) << r->body;
  EXPECT_EQ(store_->Acknowledgements(true, 0)->size(), 0u);
  // The check itself is answered.
  auto check = client_->Post("/v1/check", Auth(kShared),
                             R"({"from": "alice@example.gov.uk", "to": ["erin@hotmial.com"]})",
                             "application/json");
  EXPECT_EQ(Status(check), 200);
  // Her own token, or an admin's, still acknowledges.
  EXPECT_EQ(Status(Acknowledge(kAlice, "alice@example.gov.uk")), 200);
  auto admin = Acknowledge(kAnn, "carol@example.gov.uk");
  ASSERT_EQ(Status(admin), 200) << admin->body;
  EXPECT_EQ(Events().front().who, "carol@example.gov.uk (by admin 'Ann Admin'; from 127.0.0.1)");
}

}  // namespace
}  // namespace nearmiss::http

// Acts name a person (the issue-14 tester, round 42, findings 3 and 7):
// - a token file with no admin line makes no anonymous admin: the admin API
//   answers 401 (before, serve made a token and recorded its acts "by
//   generated admin token");
// - with no token file at all, the token made for the run is recorded
//   under the operator who started serve;
// - a token name with an invisible or control character (zero-width
//   space, bidi override, escape) is refused naming FILE:LINE and the code
//   point: `Ann<U+200B>Admin` and `AnnAdmin` would read as one person.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "http/auth.h"
#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

class AdminIdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/nearmiss_admin_identity";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // serve over a policy whose [api] is `api`, a store, the operator "Ann
  // Operator".
  void Start(const std::string& api) {
    const std::string policy = dir_ + "/policy.toml";
    std::ofstream(policy) << "[api]\n" << api;
    Result<std::unique_ptr<EngineHolder>> h = EngineHolder::Open(policy);
    ASSERT_TRUE(h.ok()) << h.error().message();
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ + "/acks.db");
    ASSERT_TRUE(store.ok()) << store.error().message();
    store_ = std::move(*store);
    ApiOptions o;
    o.port = 0;
    o.policy_path = policy;
    o.postfix.command_dir = "/nonexistent";
    o.generated_token_owner = "Ann Operator";
    Result<std::unique_ptr<ApiServer>> s =
        ApiServer::Create(o, std::move(*h), nullptr, {}, nullptr, store_.get());
    ASSERT_TRUE(s.ok()) << s.error().message();
    server_ = std::move(*s);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !client_->Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  httplib::Headers Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(AdminIdentityTest, ATokenFileWithNoAdminLineMakesNoAnonymousAdmin) {
  const std::string tokens = dir_ + "/tokens";
  std::ofstream(tokens) << "# all admins moved to LDAP\ncheck cccccccccccccccccccc03 outlook add-in\n";
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write);
  Start("token_file = \"" + tokens + "\"\n");
  EXPECT_EQ(server_->admin_token(), "");
  auto r = client_->Get("/v1/acknowledgements", Bearer("cccccccccccccccccccc03"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403) << r->body;  // a check token, and no admin at all
  r = client_->Get("/v1/events");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401) << r->body;
}

TEST_F(AdminIdentityTest, TheRunsTokenNamesTheOperator) {
  Start("");
  ASSERT_NE(server_->admin_token(), "");
  EXPECT_EQ(server_->admin_token_name(), "Ann Operator (this run's generated token)");
  const int64_t id = AddTestAcknowledgement(*store_);
  ASSERT_NE(id, 0);
  auto r = client_->Delete("/v1/acknowledgements/" + std::to_string(id),
                           Bearer(server_->admin_token()));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Json::parse(r->body)["by"], "Ann Operator (this run's generated token)");
  Result<std::vector<AdminEvent>> events = store_->AdminEvents(10);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].who, "Ann Operator (this run's generated token)");
}

TEST(TokenNameTest, InvisibleAndControlCharactersAreRefused) {
  const std::string path = ::testing::TempDir() + "/nearmiss_token_names.txt";
  struct Case {
    const char* name;
    const char* code;
  };
  for (const Case& c : {Case{"Ann\u200BAdmin", "U+200B"}, Case{"Ann \u202EnimdA", "U+202E"},
                        Case{"Ann \x1b[31mAdmin", "U+001B"}, Case{"Ann\u00ADAdmin", "U+00AD"},
                        Case{"Ann \xc2\x85" "Admin", "U+0085"}}) {
    std::ofstream(path) << "admin bbbbbbbbbbbbbbbbbbbb02 Bob Boss\nadmin aaaaaaaaaaaaaaaaaaaa01 "
                        << c.name << "\n";
    Status s = TokenSet().AddFile(path);
    EXPECT_EQ(s.code(), StatusCode::kParseError) << c.code;
    EXPECT_NE(s.message().find(path + ":2:"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.code), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find("aaaaaaaaaaaaaaaaaaaa01"), std::string::npos) << "never echo a token";
  }
  // Letters beyond ASCII are names like any other.
  std::ofstream(path) << "admin aaaaaaaaaaaaaaaaaaaa01 Zoë Ærø-Łukasiewicz\n";
  EXPECT_TRUE(TokenSet().AddFile(path).ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace nearmiss::http

// For the tests of `nearmiss serve`: the server over real sockets on
// 127.0.0.1, with a check and an admin token, a policy file of its own and,
// when given, a store.
#ifndef NEARMISS_HTTP_SERVER_TESTING_H_
#define NEARMISS_HTTP_SERVER_TESTING_H_

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "http/server.h"
#include "nearmiss/store.h"

namespace nearmiss::http {

inline constexpr char kCheck[] = "check-token-0123456789";
inline constexpr char kAdmin[] = "admin-token-0123456789";

// A live API acknowledgement, alice@example.gov.uk -> jon@gmial.com, added
// to `store`: its id (0 when the store refused it, a test failure).
inline int64_t AddTestAcknowledgement(Store& store) {
  Acknowledgement a;
  a.sender = "alice@example.gov.uk";
  a.recipient = "jon@gmial.com";
  a.who = a.sender;
  a.path = "api";
  a.created_at = 1;
  a.expires_at = 4'000'000'000;
  Result<int64_t> id = store.AddAcknowledgement(a);
  EXPECT_TRUE(id.ok());
  return id.ok() ? *id : 0;
}

class ServerTest : public ::testing::Test {
 protected:
  // `policy_extra`: more of the policy file, after its [api] table.
  void Start(ApiOptions o = {}, Store* store = nullptr, const std::string& policy_extra = "") {
    std::string policy = ::testing::TempDir() + "/" + policy_name_;
    std::ofstream(policy) << "[api]\n"
                          << (with_check_token_ ? "check_tokens = [\"" + std::string(kCheck) + "\"]\n"
                                                : std::string())
                          << "admin_tokens = [\"" << kAdmin
                          << "\"]\ncors_origins = [\"https://addin.example\"]\n" << policy_extra;
    Result<std::unique_ptr<EngineHolder>> h = EngineHolder::Open(policy);
    ASSERT_TRUE(h.ok()) << h.error().message();
    o.port = 0;
    o.policy_path = policy;
    if (o.postfix.command_dir == PostfixOptions{}.command_dir) o.postfix.command_dir = "/nonexistent";
    Result<std::unique_ptr<ApiServer>> s =
        ApiServer::Create(o, std::move(*h), nullptr, {}, nullptr, store);
    ASSERT_TRUE(s.ok()) << s.error().message();
    server_ = std::move(*s);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // A reload compiles the policy and the marking database again: under
    // make sanitize's ASan Debug build that takes longer than httplib's
    // 5 s default, and a timed-out request returns no response at all.
    client_->set_read_timeout(std::chrono::seconds(60));
    for (int i = 0; i < 100 && !client_->Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Headers Auth(const char* token) { return {{"Authorization", std::string("Bearer ") + token}}; }
  httplib::Result Check(const std::string& body, const char* token = kCheck) {
    return client_->Post("/v1/check", Auth(token), body, "application/json");
  }
  static void ExpectProblem(const httplib::Result& r, int status) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    nlohmann::json j = nlohmann::json::parse(r->body);
    EXPECT_EQ(j["status"], status);
    EXPECT_TRUE(j["type"].get<std::string>().starts_with("urn:nearmiss:problem:"));
  }

  // The policy file's name in TempDir (another for each test program, as
  // ctest runs them at once).
  std::string policy_name_ = "nearmiss_server_test.toml";
  // false: the policy names no check token, so /v1/check is open (the
  // documented loopback set-up).
  bool with_check_token_ = true;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

// A server on a SQLite store of its own in TempDir()/`name` (removed after),
// its policy file `name`.toml plus `policy_extra`.
class StoreServerTest : public ServerTest {
 protected:
  // `o`: more options (a token file, Postfix's tools).
  void StartWithStore(const std::string& name, const std::string& policy_extra = "",
                      ApiOptions o = {}) {
    dir_ = ::testing::TempDir() + "/" + name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ + "/acks.db");
    ASSERT_TRUE(store.ok()) << store.error().message();
    store_ = std::move(*store);
    policy_name_ = name + ".toml";
    Start(std::move(o), store_.get(), policy_extra);
  }
  void TearDown() override {
    ServerTest::TearDown();
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Acknowledgements in the store, live and expired.
  size_t Stored() {
    Result<std::vector<Acknowledgement>> all = store_->Acknowledgements(true, 0);
    EXPECT_TRUE(all.ok());
    return all.ok() ? all->size() : 0;
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace nearmiss::http

#endif  // NEARMISS_HTTP_SERVER_TESTING_H_

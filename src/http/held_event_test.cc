// Issue 14 breaker, round 6, item 6: an admin's release or delete of a held
// message was recorded with only its Postfix queue id. After a delete the
// message is gone and Postfix reuses queue ids, so the record now says
// whose message it was, to whom, its subject and the rule that held it, as
// read just before acting, kept to one line.
#include <httplib.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "http/fake_postfix_testing.h"
#include "http/server.h"
#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

// Postfix's tools for one held message with a tag header and a subject
// holding a right-to-left override (U+202E), which must not reach the
// record as is; postsuper says `report`.
std::string Tools(const std::string& name, const std::string& report) {
  return WriteTools(
      "held_event_" + name,
      "[ \"$1\" = -j ] && echo '{\"queue_name\": \"hold\", \"queue_id\": \"4F2A91C3B\", "
      "\"sender\": \"alice@mod.gov.uk\", \"recipients\": [{\"address\": "
      "\"maria.garsia@client.example\"}, {\"address\": \"bob@client.example\"}]}'\n"
      "exit 0\n",
      "echo '*** HEADER EXTRACTED hold/4F2A91C3B ***'\n"
      "printf 'Subject: SECRET plans \\342\\200\\256fdp.exe\\n'\n"
      "echo 'X-Nearmiss: hold; level=SECRET; rule=secret-external; held for review'\n",
      report);
}

class HeldEventTest : public ServerTest {
 protected:
  void Open(const std::string& name, const std::string& report) {
    dir_ = ::testing::TempDir() + "/nearmiss_held_event_store_" + name;
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Result<std::unique_ptr<Store>> store = Store::Open(dir_ + "/events.db");
    ASSERT_TRUE(store.ok()) << store.error().message();
    store_ = std::move(*store);
    policy_name_ = "nearmiss_held_event_test_" + name + ".toml";
    ApiOptions o;
    o.postfix.command_dir = Tools(name, report);
    Start(o, store_.get());
  }
  void TearDown() override {
    ServerTest::TearDown();
    server_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  AdminEvent Last() {
    Result<std::vector<AdminEvent>> events = store_->AdminEvents();
    EXPECT_TRUE(events.ok());
    EXPECT_FALSE(!events.ok() || events->empty());
    return events.ok() && !events->empty() ? events->front() : AdminEvent{};  // newest first
  }
  std::string dir_;
  std::unique_ptr<Store> store_;
};

void ExpectNamesTheMessage(const AdminEvent& e, const char* action, const char* done) {
  EXPECT_EQ(e.action, action);
  EXPECT_EQ(e.object, "4F2A91C3B");
  EXPECT_NE(e.detail.find(done), std::string::npos) << e.detail;
  EXPECT_NE(e.detail.find("from alice@mod.gov.uk to maria.garsia@client.example, "
                          "bob@client.example"),
            std::string::npos)
      << e.detail;
  EXPECT_NE(e.detail.find("subject 'SECRET plans ?fdp.exe'"), std::string::npos) << e.detail;
  EXPECT_NE(e.detail.find("held by rule secret-external (SECRET)"), std::string::npos)
      << e.detail;
}

TEST_F(HeldEventTest, AnAdminReleaseRecordsWhoseMessageToWhom) {
  Open("release", "postsuper: Released from hold: 1 message\\n");
  auto r = client_->Post("/v1/held/4F2A91C3B/release", Auth(kAdmin), "", "text/plain");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const AdminEvent e = Last();
  ExpectNamesTheMessage(e, "release", "released from the hold queue");
  // The policy's admin token names no person: it is known by the line
  // that defines it, not as "admin token 2" (the issue-14 tester, round
  // 41, item 8: numbered after the check token).
  EXPECT_TRUE(e.who.ends_with(policy_name_ + ":3")) << e.who;
  EXPECT_EQ(r->body.find("admin token"), std::string::npos) << r->body;
}

TEST_F(HeldEventTest, AnAdminDeleteRecordsWhoseMessageToWhom) {
  Open("delete", "postsuper: Deleted: 1 message\\n");
  auto r = client_->Delete("/v1/held/4F2A91C3B", Auth(kAdmin));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  ExpectNamesTheMessage(Last(), "delete", "deleted from the hold queue");
}

}  // namespace
}  // namespace nearmiss::http

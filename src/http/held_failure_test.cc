// When Postfix's tools fail, the held routes say so: a relative
// --postfix-bin is refused at start and a tool that cannot be run is a 502
// naming it, never "not a Postfix queue id" (the issue-14 tester, round 44,
// finding 5); an admin's release or delete that did not happen is an admin
// event too (finding 7d); a reload refused for a broken policy is titled
// for what it is (finding 7g).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "http/fake_postfix_testing.h"
#include "http/server_testing.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

class HeldFailureTest : public StoreServerTest {
 protected:
  std::string Detail(const httplib::Result& r) {
    return r ? Json::parse(r->body).value("detail", "") : "no answer";
  }
  std::vector<AdminEvent> Events() {
    Result<std::vector<AdminEvent>> e = store_->AdminEvents(20);
    EXPECT_TRUE(e.ok());
    return e.ok() ? *e : std::vector<AdminEvent>{};
  }
};

TEST_F(HeldFailureTest, ARelativePostfixBinIsRefusedAtStart) {
  Result<std::unique_ptr<EngineHolder>> h = EngineHolder::Open("");
  ASSERT_TRUE(h.ok());
  ApiOptions o;
  o.port = 0;
  o.postfix.command_dir = "fakebin";
  Result<std::unique_ptr<ApiServer>> s = ApiServer::Create(o, std::move(*h));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message().find("--postfix-bin must be an absolute path (it is 'fakebin')"),
            std::string::npos)
      << s.error().message();
}

TEST_F(HeldFailureTest, AToolThatCannotRunIs502NamingItAndAFailedActIsRecorded) {
  ApiOptions o;
  o.postfix.command_dir = ::testing::TempDir() + "/nearmiss_no_postfix_tools";
  StartWithStore("nearmiss_held_failure", "", o);
  const std::string missing = "cannot run postqueue (" + o.postfix.command_dir + "/postqueue)";
  auto list = client_->Get("/v1/held", Auth(kAdmin));
  ExpectProblem(list, 502);
  EXPECT_NE(Detail(list).find(missing), std::string::npos) << Detail(list);
  auto one = client_->Get("/v1/held/4F2A91C3B", Auth(kAdmin));
  ExpectProblem(one, 502);
  EXPECT_NE(Detail(one).find(missing), std::string::npos) << Detail(one);
  auto release = client_->Post("/v1/held/4F2A91C3B/release", Auth(kAdmin), "", "text/plain");
  ExpectProblem(release, 502);
  EXPECT_NE(Detail(release).find(missing), std::string::npos) << Detail(release);
  auto del = client_->Delete("/v1/held/4F2A91C3B", Auth(kAdmin));
  ExpectProblem(del, 502);
  // A bad id reaches no message: 404, and no event.
  ExpectProblem(client_->Post("/v1/held/-dALL/release", Auth(kAdmin), "", "text/plain"), 404);
  std::vector<AdminEvent> events = Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "delete-failed");
  EXPECT_EQ(events[1].action, "release-failed");
  EXPECT_EQ(events[1].object, "4F2A91C3B");
  EXPECT_EQ(events[1].role, "admin");
  EXPECT_NE(events[1].detail.find("not released: " + missing), std::string::npos)
      << events[1].detail;
  EXPECT_NE(events[1].detail.find("; from 127.0.0.1"), std::string::npos) << events[1].detail;
}

// postsuper released nothing and the message is still held: 502, and the
// attempt recorded with postsuper's words.
TEST_F(HeldFailureTest, AReleaseThatReleasedNothingIsRecorded) {
  ApiOptions o;
  o.postfix.command_dir = FakeTools("held_failure", "postsuper: Released from hold: 0 messages\\n");
  StartWithStore("nearmiss_held_failure0", "", o);
  auto release = client_->Post("/v1/held/4F2A91C3B/release", Auth(kAdmin), "", "text/plain");
  ExpectProblem(release, 502);
  std::vector<AdminEvent> events = Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "release-failed");
  EXPECT_NE(events[0].detail.find("not released: postsuper released 0 messages"),
            std::string::npos)
      << events[0].detail;
}

TEST_F(HeldFailureTest, ARefusedReloadIsTitledForTheBrokenPolicy) {
  StartWithStore("nearmiss_held_failure_reload");
  std::ofstream(::testing::TempDir() + "/nearmiss_held_failure_reload.toml")
      << "[domains]\nbogus = 1\n";
  auto bad = client_->Post("/v1/reload", Auth(kAdmin), "", "text/plain");
  ExpectProblem(bad, 422);
  EXPECT_EQ(Json::parse(bad->body)["title"], "The policy on disk is not valid") << bad->body;
}

}  // namespace
}  // namespace nearmiss::http

// The admin API's acts, small items (the issue-14 tester, round 42,
// finding 8):
// a) a DELETE (or release) with a query parameter it does not read is a
//    400 naming it, and does nothing, as the GET routes answer;
// b) revoking an acknowledgement revoked already says by whom and when
//    (409), not "no live acknowledgement";
// c) a bare POST (no Content-Length) to an admin route with a check token
//    is answered 403 as with a body, not 411 first.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/server_testing.h"
#include "nearmiss/store.h"

namespace nearmiss::http {
namespace {

using Json = nlohmann::json;

class AdminActsTest : public StoreServerTest {
 protected:
  void SetUp() override { StartWithStore("nearmiss_admin_acts"); }
  int64_t AddAck() { return AddTestAcknowledgement(*store_); }
  // The status line of `request` sent as it is (httplib's client always
  // adds a Content-Length).
  std::string Raw(const std::string& request) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd);
      return "connect failed";
    }
    EXPECT_EQ(::write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    std::string got;
    char buf[4096];
    // The status line is all that is read: the server may keep the
    // connection open for the body it never got.
    for (ssize_t n; got.find("\r\n") == std::string::npos && (n = ::read(fd, buf, sizeof buf)) > 0;) {
      got.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return got.substr(0, got.find("\r\n"));
  }
};

TEST_F(AdminActsTest, ADeleteWithAParameterItDoesNotReadDoesNothing) {
  const int64_t id = AddAck();
  auto r = client_->Delete("/v1/acknowledgements/" + std::to_string(id) + "?x=1", Auth(kAdmin));
  ExpectProblem(r, 400);
  EXPECT_NE(r->body.find("unknown query parameter 'x'"), std::string::npos) << r->body;
  Result<std::vector<Acknowledgement>> acks = store_->Acknowledgements(true, 0);
  ASSERT_TRUE(acks.ok());
  ASSERT_EQ(acks->size(), 1u);
  EXPECT_EQ((*acks)[0].revoked_at, 0) << "revoked by a request with an unread parameter";
  // The held routes too (checked before Postfix is asked).
  ExpectProblem(client_->Delete("/v1/held/4F2A91C3B?force=1", Auth(kAdmin)), 400);
  ExpectProblem(client_->Post("/v1/held/4F2A91C3B/release?now=1", Auth(kAdmin), "", "text/plain"),
                400);
  EXPECT_EQ(store_->AdminEvents(10)->size(), 0u);
}

TEST_F(AdminActsTest, ASecondRevokeSaysWhoRevokedItAndWhen) {
  const int64_t id = AddAck();
  const std::string path = "/v1/acknowledgements/" + std::to_string(id);
  auto first = client_->Delete(path, Auth(kAdmin));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto second = client_->Delete(path, Auth(kAdmin));
  ExpectProblem(second, 409);
  const std::string detail = Json::parse(second->body)["detail"];
  EXPECT_NE(detail.find("was revoked already, by "), std::string::npos) << detail;
  EXPECT_NE(detail.find(" UTC; nothing changed"), std::string::npos) << detail;
  EXPECT_EQ(store_->AdminEvents(10)->size(), 1u);  // one revoke recorded
  // An id that never was is still 404.
  ExpectProblem(client_->Delete("/v1/acknowledgements/999", Auth(kAdmin)), 404);
}

TEST_F(AdminActsTest, ABarePostIsAnsweredForItsTokenFirst) {
  const std::string bare = "POST /v1/held/4F2A91C3B/release HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  EXPECT_EQ(Raw(bare + "Authorization: Bearer " + kCheck + "\r\nConnection: close\r\n\r\n"),
            "HTTP/1.1 403 Forbidden");
  EXPECT_EQ(Raw(bare + "Connection: close\r\n\r\n"), "HTTP/1.1 401 Unauthorized");
  // With the right token, what is missing is the length.
  EXPECT_EQ(Raw(bare + "Authorization: Bearer " + kAdmin + "\r\nConnection: close\r\n\r\n"),
            "HTTP/1.1 411 Length Required");
}

}  // namespace
}  // namespace nearmiss::http

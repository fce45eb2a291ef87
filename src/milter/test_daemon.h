// TestDaemon: for the milter's socket-level tests, a Server on a unix socket
// in the test's temporary directory, run on a thread of its own, and one
// connected socket on the MTA's side. Reads on it time out after 10 s, so a
// reply that never comes fails the test instead of hanging it.
//
// Thread safety: one test thread; the server runs on its own.
#ifndef NEARMISS_MILTER_TEST_DAEMON_H_
#define NEARMISS_MILTER_TEST_DAEMON_H_

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <thread>

#include "milter/server.h"

namespace nearmiss::milter {

class TestDaemon {
 public:
  // `name` keeps the socket paths of different test programs apart.
  void Start(ServerOptions options, CheckerSource checkers, const std::string& name) {
    path_ = ::testing::TempDir() + "/nearmiss_" + name + "." + std::to_string(::getpid());
    Result<ListenAddress> listen = ParseListenAddress("unix:" + path_);
    ASSERT_TRUE(listen.ok());
    options.listen = {*listen};
    server_ = Server::Create(options, std::move(checkers), LogSink());
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    fd_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
    ASSERT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }

  ~TestDaemon() {
    if (fd_ >= 0) ::close(fd_);
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  int fd() const { return fd_; }

 private:
  std::string path_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int fd_ = -1;
};

}  // namespace nearmiss::milter

#endif  // NEARMISS_MILTER_TEST_DAEMON_H_

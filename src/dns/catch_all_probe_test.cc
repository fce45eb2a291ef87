// The catch-all probe against SMTP responders on 127.0.0.1 run by the test:
// one that accepts every recipient, one that refuses unknown users, one
// that never speaks, one that refuses the probe's greeting. Nothing leaves
// loopback.
#include "dns/catch_all_probe.h"
#include "dns/test_loopback.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace nearmiss::dns {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

enum class Mode { kAcceptAll, kRejectUnknown, kSilent, kRefuseGreeting, kGreylist, kRelayDenied };

// An SMTP responder on 127.0.0.1 (a port the kernel picked) that serves
// connections one after another and records every command line it read.
class Responder {
 public:
  explicit Responder(Mode mode) : mode_(mode) {
    fd_ = BindLoopback(SOCK_STREAM, &port_);
    listen(fd_, 16);
    thread_ = std::thread([this] { Serve(); });
  }
  ~Responder() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  uint16_t port() const { return port_; }
  std::vector<std::string> commands() {
    std::lock_guard<std::mutex> lock(mu_);
    return commands_;
  }

 private:
  void Serve() {
    while (!stop_) {
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      Converse(c);
      close(c);
    }
  }

  void Say(int c, const std::string& s) { [[maybe_unused]] ssize_t n = write(c, s.data(), s.size()); }

  void Converse(int c) {
    if (mode_ == Mode::kSilent) {  // reads, never answers, until the peer leaves
      char b[256];
      while (read(c, b, sizeof b) > 0) {
      }
      return;
    }
    if (mode_ == Mode::kRefuseGreeting) return Say(c, "554 no service here\r\n");
    Say(c, "220 mx.test ESMTP\r\n");
    std::string in;
    char b[256];
    for (;;) {
      size_t eol;
      while ((eol = in.find("\r\n")) == std::string::npos) {
        ssize_t n = read(c, b, sizeof b);
        if (n <= 0) return;
        in.append(b, n);
      }
      std::string line = in.substr(0, eol);
      in.erase(0, eol + 2);
      {
        std::lock_guard<std::mutex> lock(mu_);
        commands_.push_back(line);
      }
      if (line.starts_with("EHLO")) {
        Say(c, "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
      } else if (line.starts_with("MAIL FROM:")) {
        Say(c, "250 2.1.0 Ok\r\n");
      } else if (line.starts_with("RCPT TO:")) {
        if (mode_ == Mode::kAcceptAll) Say(c, "250 2.1.5 Ok\r\n");
        if (mode_ == Mode::kRejectUnknown) Say(c, "550 5.1.1 User unknown\r\n");
        if (mode_ == Mode::kGreylist) Say(c, "450 4.2.0 Greylisted\r\n");
        if (mode_ == Mode::kRelayDenied) {
          Say(c, "550-5.7.1 Relaying denied: you are not\r\n550 5.7.1 allowed to send here\r\n");
        }
      } else if (line == "QUIT") {
        return Say(c, "221 Bye\r\n");
      } else {
        Say(c, "502 5.5.2 Error\r\n");
      }
    }
  }

  Mode mode_;
  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<std::string> commands_;
};

ProbeResult ProbeOnce(uint16_t port, milliseconds deadline = milliseconds(2000)) {
  ProbeOptions o;
  o.port = port;
  o.helo = "probe.example.test";
  o.allow_internal = true;  // the responders are on 127.0.0.1
  auto prober = CatchAllProber::Start(o);
  EXPECT_TRUE(prober.ok());
  std::promise<ProbeResult> done;
  (*prober)->Probe("127.0.0.1", "exanple.test", Clock::now() + deadline,
                   [&done](ProbeResult r) { done.set_value(std::move(r)); });
  return done.get_future().get();
}

TEST(CatchAllProbeTest, AcceptingAnyRecipientIsACatchAll) {
  Responder server(Mode::kAcceptAll);
  ProbeResult r = ProbeOnce(server.port());
  EXPECT_EQ(r.catch_all, true) << r.unknown;
  EXPECT_EQ(r.unknown, "");
}

TEST(CatchAllProbeTest, TheDialogueIsEhloNullSenderRandomRcptQuitNeverData) {
  Responder server(Mode::kAcceptAll);
  ProbeOnce(server.port());
  // The QUIT is written after the answer: give the responder a moment.
  for (int i = 0; i < 100 && server.commands().size() < 4; ++i) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  std::vector<std::string> c = server.commands();
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], "EHLO probe.example.test");
  EXPECT_EQ(c[1], "MAIL FROM:<>");
  EXPECT_TRUE(c[2].starts_with("RCPT TO:<nearmiss-probe-")) << c[2];
  EXPECT_TRUE(c[2].ends_with("@exanple.test>")) << c[2];
  EXPECT_EQ(c[3], "QUIT");
}

TEST(CatchAllProbeTest, RefusingUnknownUsersIsNotACatchAll) {
  Responder server(Mode::kRejectUnknown);
  ProbeResult r = ProbeOnce(server.port());
  EXPECT_EQ(r.catch_all, false) << r.unknown;
}

TEST(CatchAllProbeTest, GreylistingIsUnknownWithTheCode) {
  Responder server(Mode::kGreylist);
  ProbeResult r = ProbeOnce(server.port());
  EXPECT_FALSE(r.catch_all.has_value());
  // Said as temporary, never as a refusal, whatever its enhanced status
  // (round 46's tester 15, finding 9: "450 4.7.1 greylisted" was "refused by
  // policy").
  EXPECT_EQ(r.unknown,
            "RCPT reply 450 4.2.0 (a temporary answer: greylisting or a limit; asked again later)");
}

// Issue 15, round 38, item 7: "550 5.7.1" refuses the probe by policy
// (relaying, the prober's address), not the mailbox: it was read as "no
// such mailbox", catch-all false. Unknown, with the status.
TEST(CatchAllProbeTest, APolicyRefusalIsUnknownNotAnAnswer) {
  Responder server(Mode::kRelayDenied);
  ProbeResult r = ProbeOnce(server.port());
  EXPECT_FALSE(r.catch_all.has_value());
  EXPECT_EQ(r.unknown, "RCPT reply 550 5.7.1 (refused by policy)");
}

TEST(CatchAllProbeTest, RefusedGreetingIsUnknown) {
  Responder server(Mode::kRefuseGreeting);
  ProbeResult r = ProbeOnce(server.port());
  EXPECT_FALSE(r.catch_all.has_value());
  EXPECT_EQ(r.unknown, "greeting reply 554");
}

TEST(CatchAllProbeTest, SilentServerIsUnknownWithinTheDeadline) {
  Responder server(Mode::kSilent);
  auto start = Clock::now();
  ProbeResult r = ProbeOnce(server.port(), milliseconds(300));
  auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
  EXPECT_FALSE(r.catch_all.has_value());
  EXPECT_EQ(r.unknown, "timeout");
  EXPECT_GE(took, 250);
  EXPECT_LT(took, 1000) << "the deadline is 300 ms";
}

TEST(CatchAllProbeTest, NothingListeningIsUnknown) {
  uint16_t port;
  {
    Responder gone(Mode::kAcceptAll);
    port = gone.port();
  }  // closed: the port refuses connections
  ProbeResult r = ProbeOnce(port);
  EXPECT_FALSE(r.catch_all.has_value());
  EXPECT_EQ(r.unknown, "connection refused");
}

TEST(CatchAllProbeTest, ConcurrencyIsBoundedAndWaitingKeepsTheDeadline) {
  Responder silent(Mode::kSilent);  // serves one connection at a time
  ProbeOptions o;
  o.port = silent.port();
  o.max_concurrent = 1;
  o.allow_internal = true;
  auto prober = CatchAllProber::Start(o);
  ASSERT_TRUE(prober.ok());
  auto start = Clock::now();
  std::vector<std::promise<ProbeResult>> done(3);
  for (auto& d : done) {
    (*prober)->Probe("127.0.0.1", "exanple.test", start + milliseconds(300),
                     [&d](ProbeResult r) { d.set_value(std::move(r)); });
  }
  for (auto& d : done) EXPECT_EQ(d.get_future().get().unknown, "timeout");
  auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
  EXPECT_LT(took, 1000) << "queued probes share the deadline, not one each";
}

// Issue 15 breaker, round 3, item 5: a look-alike's owner chooses where its
// MX points; the probe connected to an internal server and reported what it
// said. By default no internal address is connected to: the responder sees
// nothing and the answer is unknown, with the reason.
TEST(CatchAllProbeTest, InternalExchangerIsNeverConnectedTo) {
  Responder server(Mode::kAcceptAll);
  ProbeOptions o;
  o.port = server.port();
  auto prober = CatchAllProber::Start(o);
  ASSERT_TRUE(prober.ok());
  for (std::string address : {"127.0.0.1", "::ffff:127.0.0.1", "10.1.2.3", "169.254.169.254",
                              "fd00::25", "0.0.0.0"}) {
    std::promise<ProbeResult> done;
    (*prober)->Probe(address, "exanple.test", Clock::now() + milliseconds(2000),
                     [&done](ProbeResult r) { done.set_value(std::move(r)); });
    ProbeResult r = done.get_future().get();
    EXPECT_FALSE(r.catch_all.has_value()) << address;
    EXPECT_TRUE(r.unknown.starts_with("MX address " + address + " is internal (")) << r.unknown;
    EXPECT_TRUE(r.unknown.ends_with("): not probed")) << r.unknown;
  }
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_TRUE(server.commands().empty()) << "the loopback responder was reached";
}

TEST(CatchAllProbeTest, RcptReplyCodes) {
  EXPECT_EQ(CatchAllFromRcptReply(250), true);
  EXPECT_EQ(CatchAllFromRcptReply(251), true);
  EXPECT_EQ(CatchAllFromRcptReply(550), false);
  EXPECT_EQ(CatchAllFromRcptReply(551), false);
  EXPECT_EQ(CatchAllFromRcptReply(553), false);
  EXPECT_FALSE(CatchAllFromRcptReply(450).has_value());
  EXPECT_FALSE(CatchAllFromRcptReply(554).has_value());
  // The enhanced status decides when it says policy (RFC 3463 §3.8).
  EXPECT_EQ(CatchAllFromRcptReply(550, "5.1.1"), false);
  EXPECT_FALSE(CatchAllFromRcptReply(550, "5.7.1").has_value());
  EXPECT_FALSE(CatchAllFromRcptReply(553, "5.7.26").has_value());
  EXPECT_EQ(CatchAllFromRcptReply(250, "2.7.0"), true);  // accepted all the same
  EXPECT_EQ(CatchAllFromRcptReply(250, "2.1.5"), true);
}

TEST(CatchAllProbeTest, RandomLocalPartsDiffer) {
  std::string a = RandomLocalPart();
  EXPECT_EQ(a.size(), 35u);
  EXPECT_NE(a, RandomLocalPart());
}

TEST(CatchAllProbeTest, ZeroConcurrencyIsRefused) {
  ProbeOptions o;
  o.max_concurrent = 0;
  EXPECT_FALSE(CatchAllProber::Start(o).ok());
}

}  // namespace
}  // namespace nearmiss::dns

// The milter waits for a look-alike's DNS answer before the end of message,
// on the event loop (connection.cc AwaitDnsThenScan), so the first message
// to a new look-alike is judged on the facts, not on "can receive". The
// daemon runs on a unix socket; the test speaks the protocol like an MTA on
// the sendmail(1) path (no {rcpt_mailer}), where every decision is taken at
// end of message. The policy (tests/dns/can-receive.toml) warns on a
// look-alike that cannot receive mail and rejects every other.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "dns/resolver.h"
#include "milter/codec.h"
#include "milter/server.h"
#include "milter/test_daemon.h"
#include "nearmiss/engine.h"

namespace nearmiss::milter {
namespace {

using Clock = std::chrono::steady_clock;

// Answers every lookup with `facts` after `delay`, on a thread of its own,
// as a resolver would.
class LateDns : public DnsSource {
 public:
  LateDns(DnsFacts facts, std::chrono::milliseconds delay) : facts_(std::move(facts)), delay_(delay) {}
  ~LateDns() override {
    for (std::thread& t : threads_) t.join();
  }
  std::shared_future<DnsFacts> Lookup(std::string_view) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) {
      started_ = true;
      threads_.emplace_back([this] {
        std::this_thread::sleep_for(delay_);
        promise_.set_value(facts_);
      });
    }
    return future_;
  }

 private:
  DnsFacts facts_;
  std::chrono::milliseconds delay_;
  std::mutex mu_;
  bool started_ = false;
  std::promise<DnsFacts> promise_;
  std::shared_future<DnsFacts> future_ = promise_.get_future().share();
  std::vector<std::thread> threads_;
};

// Answers every lookup with `facts` after `delay`, and keeps nothing: each
// Lookup starts a new one, as a resolver does when the answer's TTL is 0
// (dnsmasq's own records, by default).
class UncachedDns : public DnsSource {
 public:
  UncachedDns(DnsFacts facts, std::chrono::milliseconds delay)
      : facts_(std::move(facts)), delay_(delay) {}
  ~UncachedDns() override {
    for (std::thread& t : threads_) t.join();
  }
  std::shared_future<DnsFacts> Lookup(std::string_view) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto promise = std::make_shared<std::promise<DnsFacts>>();
    std::shared_future<DnsFacts> f = promise->get_future().share();
    threads_.emplace_back([this, promise] {
      std::this_thread::sleep_for(delay_);
      promise->set_value(facts_);
    });
    return f;
  }

 private:
  DnsFacts facts_;
  std::chrono::milliseconds delay_;
  std::mutex mu_;
  std::vector<std::thread> threads_;
};

class DnsWaitTest : public ::testing::Test {
 protected:
  void Start(std::shared_ptr<DnsSource> dns) {
    Result<Policy> p = LoadPolicyFile("tests/dns/can-receive.toml");
    ASSERT_TRUE(p.ok()) << p.status().message();
    auto engine = Engine::Compile(*p);
    ASSERT_TRUE(engine.ok());
    std::shared_ptr<const Checker> checker = MakeEngineChecker(*engine, nullptr, dns);
    daemon_.Start(ServerOptions{}, [checker] { return checker; }, "dns_wait_test");
    fd_ = daemon_.fd();
  }

  // One small text message to bob@army.ml on the sendmail(1) path; returns
  // every reply packet after the option reply, as "code:data" lines.
  std::string SendMessage() {
    std::string w;
    EncodeOptionNegotiation({6, 0x1ff, 0x1fffff}, &w);
    EncodeStrings(cmd::kMail, {"alice@mod.gov.uk"}, &w);
    EncodeStrings(cmd::kRcpt, {"bob@army.ml"}, &w);
    EncodeStrings(cmd::kHeader, {"Subject", "hello"}, &w);
    EncodePacket(cmd::kEndOfHeaders, {}, &w);
    EncodePacket(cmd::kBody, "hello\r\n", &w);
    EncodePacket(cmd::kEndOfMessage, {}, &w);
    EXPECT_EQ(::write(fd_, w.data(), w.size()), static_cast<ssize_t>(w.size()));
    Framer framer;
    std::string replies;
    char buf[4096];
    for (;;) {
      auto p = framer.Next();
      if (!p.ok()) return replies + "bad reply";
      if (p->has_value()) {
        char code = (*p)->code;
        if (code != 'O' && code != reply::kProgress) {
          replies += std::string(1, code) + ":" + std::string((*p)->data) + "\n";
        }
        // The end-of-message answer ends with accept, continue, reject,
        // tempfail or a reply code.
        if (code == reply::kAccept || code == reply::kReject || code == reply::kTempfail ||
            code == reply::kReplyCode || (code == reply::kContinue && eom_sent_seen(replies))) {
          return replies;
        }
        continue;
      }
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) return replies + "no reply";
      framer.Feed(std::string_view(buf, static_cast<size_t>(n)));
    }
  }
  // Reads replies (after the option reply) until `continues` continue
  // packets or a final answer have come, as "code:data" lines.
  std::string ReadReplies(int continues) {
    Framer framer;
    std::string replies;
    char buf[4096];
    int seen = 0;
    for (;;) {
      auto p = framer.Next();
      if (!p.ok()) return replies + "bad reply";
      if (p->has_value()) {
        char code = (*p)->code;
        if (code == 'O' || code == reply::kProgress) continue;
        replies += std::string(1, code) + ":" + std::string((*p)->data) + "\n";
        if (code == reply::kContinue) ++seen;
        if (seen == continues || code == reply::kAccept || code == reply::kReject ||
            code == reply::kTempfail || code == reply::kReplyCode) {
          return replies;
        }
        continue;
      }
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) return replies + "no reply";
      framer.Feed(std::string_view(buf, static_cast<size_t>(n)));
    }
  }

  // MAIL and RCPT are answered with continue; a third continue answers the
  // end of message.
  static bool eom_sent_seen(const std::string& replies) {
    size_t n = 0;
    for (size_t at = 0; (at = replies.find("c:", at)) != std::string::npos; ++at) ++n;
    return n >= 3;
  }

  TestDaemon daemon_;
  int fd_ = -1;
};

DnsFacts DoesNotExist() {
  DnsFacts nx;
  nx.exists = false;
  nx.mx = false;
  nx.exchanger = MailExchanger::kNone;
  nx.checked_at = "2026-11-30T23:00:00Z";
  return nx;
}

TEST_F(DnsWaitTest, FirstMessageIsDecidedOnTheAnswerThatCameAfterRcpt) {
  Start(std::make_shared<LateDns>(DoesNotExist(), std::chrono::milliseconds(300)));
  auto start = Clock::now();
  std::string r = SendMessage();
  auto took = Clock::now() - start;
  // army.ml does not exist: the warn rule, not the reject rule, whose
  // sendmail-path form would refuse the message (reply code 550).
  EXPECT_EQ(r.find("550"), std::string::npos) << r;
  EXPECT_GE(took, std::chrono::milliseconds(250)) << "answered before the DNS answer";
}

// The answer the end of message waited for decides it, also when the
// resolver keeps no answer (TTL 0): asked again at the end, a new lookup
// was started and, not answered yet, left the facts "unknown: timeout"
// (issue 15, tester r59b, finding 1).
TEST_F(DnsWaitTest, EndOfMessageUsesTheAnswerItWaitedForWhenNothingIsCached) {
  Start(std::make_shared<UncachedDns>(DoesNotExist(), std::chrono::milliseconds(100)));
  std::string r = SendMessage();
  // army.ml does not exist: the warn rule, not the reject rule (550).
  EXPECT_EQ(r.find("550"), std::string::npos) << r;
}

// Writes `w` in pieces of `piece` bytes with a pause between, so the daemon
// reads packets in parts.
void WriteInPieces(int fd, const std::string& w, size_t piece) {
  for (size_t at = 0; at < w.size(); at += piece) {
    size_t n = std::min(piece, w.size() - at);
    ASSERT_EQ(::write(fd, w.data() + at, n), static_cast<ssize_t>(n));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// The answer came between RCPT and the end of message: the wait ends at
// once and the scan runs inline, inside the packet loop. That loop then
// started a second read beside the one the inline scan's own loop had
// started, each into its own idea of the framer's free room, and a later
// packet that arrived in parts was overwritten by the other read.
TEST_F(DnsWaitTest, AnswerBeforeTheEndOfMessageKeepsOneReadAndLaterPacketsWhole) {
  Start(std::make_shared<LateDns>(DoesNotExist(), std::chrono::milliseconds(20)));
  std::string w;
  EncodeOptionNegotiation({6, 0x1ff, 0x1fffff}, &w);
  EncodeStrings(cmd::kMail, {"alice@mod.gov.uk"}, &w);
  EncodeStrings(cmd::kRcpt, {"bob@army.ml"}, &w);
  ASSERT_EQ(::write(fd_, w.data(), w.size()), static_cast<ssize_t>(w.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // answered
  w.clear();
  EncodeStrings(cmd::kHeader, {"Subject", "hello"}, &w);
  EncodePacket(cmd::kEndOfHeaders, {}, &w);
  EncodePacket(cmd::kBody, "hello\r\n", &w);
  EncodePacket(cmd::kEndOfMessage, {}, &w);
  ASSERT_EQ(::write(fd_, w.data(), w.size()), static_cast<ssize_t>(w.size()));
  std::string first = ReadReplies(3);
  EXPECT_EQ(first.find("550"), std::string::npos) << first;
  // A second message whose body packets arrive in parts.
  w.clear();
  EncodeStrings(cmd::kMail, {"alice@mod.gov.uk"}, &w);
  EncodeStrings(cmd::kRcpt, {"bob@army.ml"}, &w);
  EncodeStrings(cmd::kHeader, {"Subject", "hello again"}, &w);
  EncodePacket(cmd::kEndOfHeaders, {}, &w);
  for (int i = 0; i < 4; ++i) EncodePacket(cmd::kBody, std::string(20000, 'a' + i) + "\r\n", &w);
  EncodePacket(cmd::kEndOfMessage, {}, &w);
  WriteInPieces(fd_, w, 7000);
  std::string second = ReadReplies(3);
  EXPECT_EQ(second.find("550"), std::string::npos) << second;
  EXPECT_EQ(second.find("no reply"), std::string::npos) << second;
}

// A UDP socket on loopback that reads and never answers.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST_F(DnsWaitTest, ServerThatNeverAnswersIsDecidedAtTheDeadlineFailingClosed) {
  SilentServer silent;
  dns::ResolverOptions o;
  o.servers = {"127.0.0.1:" + std::to_string(silent.port())};
  ASSERT_TRUE(dns::IsLoopbackServer(o.servers[0]));
  o.timeout_ms = 400;
  auto resolver = dns::Resolver::Start(o);
  ASSERT_TRUE(resolver.ok()) << resolver.status().message();
  Start(std::shared_ptr<DnsSource>(std::move(*resolver)));
  auto start = Clock::now();
  std::string r = SendMessage();
  auto took = Clock::now() - start;
  // Unknown counts as "can receive": the reject rule.
  EXPECT_NE(r.find("550"), std::string::npos) << r;
  EXPECT_GE(took, std::chrono::milliseconds(350)) << "did not wait for the lookup";
  EXPECT_LT(took, std::chrono::milliseconds(2000)) << "not decided by the deadline";
}

}  // namespace
}  // namespace nearmiss::milter

// The server's fail-closed paths that live in the connection, not the
// session: a scan past its time limit and a full scan queue; and replies to
// pipelined commands in one write. The daemon runs on a unix socket; the
// test speaks the protocol to it like an MTA. send() is interposed (this
// program's definition wins over libc's) to count the daemon's writes.
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "milter/codec.h"
#include "milter/server.h"
#include "milter/test_daemon.h"

namespace {
std::atomic<int> sends{0};
}  // namespace

extern "C" ssize_t send(int fd, const void* buf, size_t n, int flags) {
  ++sends;
  return ::syscall(SYS_sendto, fd, buf, n, flags, nullptr, 0);
}

namespace nearmiss::milter {
namespace {

// Every recipient external and deferred; the scan takes `scan_time`.
class SlowChecker final : public Checker {
 public:
  explicit SlowChecker(std::chrono::milliseconds scan_time) : scan_time_(scan_time) {}
  RecipientCheck CheckRecipient(std::string_view input) const override {
    RecipientCheck c;
    c.input = c.address = std::string(input);
    c.domain = "example.com";
    c.verdict = Verdict::kExternal;
    return c;
  }
  RecipientDecision DecideRecipient(std::string_view, const RecipientCheck& c,
                                    MailPath) const override {
    RecipientDecision d;
    d.recipient = c.address;
    d.verdict = c.verdict;
    d.deferred = true;
    return d;
  }
  MessageCheck CheckMessage(const Envelope& envelope,
                            const MessageContent& content) const override {
    std::this_thread::sleep_for(scan_time_);
    MessageCheck c;
    c.message.source = content.source();
    for (const EnvelopeRecipient& r : envelope.recipients) {
      c.decision.recipients.push_back(DecideRecipient(envelope.sender, *r.check, envelope.path));
    }
    return c;
  }
  FailAction fail_action() const override { return FailAction::kTempfail; }
  const std::string& tag_header() const override { return tag_; }
  size_t max_message_bytes() const override { return 1 << 20; }

 private:
  std::chrono::milliseconds scan_time_;
  std::string tag_ = "X-Nearmiss";
};

class ConnectionTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options, std::chrono::milliseconds scan_time) {
    auto checker = std::make_shared<SlowChecker>(scan_time);
    daemon_.Start(options, [checker] { return checker; }, "connection_test");
    fd_ = daemon_.fd();
  }

  // Sends one message that is not quick to scan (multipart) and returns the
  // first reply that is neither a continue nor a progress packet.
  std::string SendMessage() {
    std::string w;
    EncodeOptionNegotiation({6, 0x1ff, 0x1fffff}, &w);
    EncodeStrings(cmd::kMail, {"<alice@mod.gov.uk>"}, &w);
    EncodeMacros('R', {{"{rcpt_mailer}", "smtp"}}, &w);
    EncodeStrings(cmd::kRcpt, {"<dave@example.com>"}, &w);
    EncodeStrings(cmd::kHeader, {"Content-Type", "multipart/mixed; boundary=b"}, &w);
    EncodePacket(cmd::kEndOfHeaders, {}, &w);
    EncodePacket(cmd::kBody, "--b--\r\n", &w);
    EncodePacket(cmd::kEndOfMessage, {}, &w);
    EXPECT_EQ(::write(fd_, w.data(), w.size()), static_cast<ssize_t>(w.size()));
    Framer framer;
    char buf[4096];
    for (;;) {
      auto p = framer.Next();
      if (!p.ok()) return "bad reply";
      if (p->has_value()) {
        // Skip the option reply, the continues before the end of message
        // and progress packets: the fail action is a reply code.
        char code = (*p)->code;
        if (code != 'O' && code != reply::kContinue && code != reply::kProgress) {
          return std::string(1, code) + ":" + std::string((*p)->data);
        }
        continue;
      }
      ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n <= 0) return "no reply";
      framer.Feed(std::string_view(buf, static_cast<size_t>(n)));
    }
  }

  TestDaemon daemon_;
  int fd_ = -1;
};

TEST_F(ConnectionTest, ScanPastItsTimeLimitAnswersTheFailAction) {
  ServerOptions o;
  o.scan_timeout = std::chrono::seconds(1);
  Start(o, std::chrono::milliseconds(2500));
  std::string r = SendMessage();
  EXPECT_EQ(r.substr(0, 2), "y:") << r;
  EXPECT_NE(r.find("451 4.3.0 nearmiss could not check this message (scan timed out)"),
            std::string::npos) << r;
}

TEST_F(ConnectionTest, FullScanQueueAnswersTheFailAction) {
  ServerOptions o;
  o.max_queued_scans = 0;
  Start(o, std::chrono::milliseconds(0));
  std::string r = SendMessage();
  EXPECT_NE(r.find("451 4.3.0 nearmiss could not check this message (scan queue full)"),
            std::string::npos) << r;
}

// The option reply and three RCPT replies, to packets that came in one
// write, leave in one.
TEST_F(ConnectionTest, RepliesToPipelinedCommandsGoOutInOneWrite) {
  Start(ServerOptions{}, std::chrono::milliseconds(0));
  std::string w;
  EncodeOptionNegotiation({6, 0x1ff, 0x1fffff}, &w);
  EncodeStrings(cmd::kMail, {"<alice@mod.gov.uk>"}, &w);
  EncodeMacros('R', {{"{rcpt_mailer}", "smtp"}}, &w);
  for (const char* rcpt : {"<dave@example.com>", "<erin@example.com>", "<frank@example.com>"}) {
    EncodeStrings(cmd::kRcpt, {rcpt}, &w);
  }
  sends = 0;
  ASSERT_EQ(::write(fd_, w.data(), w.size()), static_cast<ssize_t>(w.size()));
  Framer framer;
  std::string codes;
  char buf[4096];
  while (codes.size() < 4) {
    auto p = framer.Next();
    ASSERT_TRUE(p.ok());
    if (p->has_value()) {
      codes += (*p)->code;
      continue;
    }
    ssize_t n = ::read(fd_, buf, sizeof buf);
    ASSERT_GT(n, 0) << "replies so far: " << codes;
    framer.Feed(std::string_view(buf, static_cast<size_t>(n)));
  }
  EXPECT_EQ(codes, "Occc");
  EXPECT_EQ(sends.load(), 1);
}

}  // namespace
}  // namespace nearmiss::milter

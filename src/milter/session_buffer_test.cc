// A connection's message buffer serves its next message (Session's spare):
// charged to the buffer budget while kept, never shared with a job that
// may still read it, and never carrying one message's bytes into the next.
#include "milter/session_fixture.h"

namespace nearmiss::milter {
namespace {

class SessionBufferTest : public SessionTest {
 protected:
  SessionBufferTest() {
    SessionOptions o;
    o.buffer_budget = budget_;
    session_ = Session(8, o, [this] { return source_(); },
                       [this](std::string_view line) { logs_.emplace_back(line); });
    job_done_ = true;
    Negotiate();
  }

  // One message; returns what the checker scanned.
  std::string Message(const std::string& subject, const std::string& body) {
    Mail("<alice@mod.gov.uk>");
    Rcpt("<dave@example.com>");
    Header("Subject", subject);
    Body(body);
    EXPECT_FALSE(Eom().empty());
    return checker_->last_scanned;
  }

  std::shared_ptr<ByteBudget> budget_ = std::make_shared<ByteBudget>(1 << 20);
};

TEST_F(SessionBufferTest, TheNextMessageTakesTheLastOnesBufferAndItsCharge) {
  EXPECT_EQ(Message("first", std::string(6000, 'x')),
            "Subject: first\r\n\r\n" + std::string(6000, 'x'));
  // Kept, and still counted against the budget.
  size_t held = budget_->used();
  EXPECT_GE(held, 6000u);
  EXPECT_LE(held, 16u * 1024);
  // A shorter message: only its own bytes, in the same buffer (no growth).
  EXPECT_EQ(Message("second", std::string(100, 'y')),
            "Subject: second\r\n\r\n" + std::string(100, 'y'));
  EXPECT_EQ(budget_->used(), held);
  EXPECT_EQ(Message("third", "z"), "Subject: third\r\n\r\nz");
  EXPECT_EQ(budget_->used(), held);
}

TEST_F(SessionBufferTest, NotKeptWhileTheJobMayStillReadIt) {
  job_done_ = false;  // a timed-out scan: the worker may hold the message
  Message("first", std::string(6000, 'x'));
  EXPECT_EQ(budget_->used(), 0u);
}

TEST_F(SessionBufferTest, ALargeBufferIsGivenBack) {
  Message("large", std::string(40000, 'x'));
  EXPECT_EQ(budget_->used(), 0u);
}

TEST_F(SessionBufferTest, AnAbortedMessageLeavesNothingBehind) {
  Mail("<alice@mod.gov.uk>");
  Rcpt("<dave@example.com>");
  Header("Subject", "SECRET: dropped");
  Body(std::string(5000, 's'));
  EXPECT_TRUE(Simple(cmd::kAbort).empty());
  size_t held = budget_->used();
  EXPECT_GE(held, 5000u);
  EXPECT_EQ(Message("after", "body"), "Subject: after\r\n\r\nbody");
  EXPECT_EQ(budget_->used(), held);
}

}  // namespace
}  // namespace nearmiss::milter

// Transaction::Append within the message bound and the shared ByteBudget
// (issue 19: stalled sessions pinned memory with no global bound).
#include "milter/transaction.h"

#include <gtest/gtest.h>

#include <string>

namespace nearmiss::milter {
namespace {

TEST(TransactionTest, TheBufferNeverGrowsPastTheMessageBound) {
  Transaction tx;
  tx.max_bytes = 1000;
  std::string chunk(300, 'x');
  for (int i = 0; i < 10; ++i) tx.Append(chunk);
  EXPECT_EQ(tx.message.size(), 1000u);
  EXPECT_EQ(tx.seen_bytes, 3000u);
  EXPECT_TRUE(tx.truncated());
  // Geometric growth stops at the bound: a message at the cap holds the
  // cap, not the next power of two (64 MiB, not 128).
  EXPECT_LE(tx.message.capacity(), 1000u + 16);
}

TEST(TransactionTest, TheBudgetIsSharedAndGivenBackWhenTheMessageEnds) {
  auto budget = std::make_shared<ByteBudget>(10000);
  std::string chunk(3000, 'x');
  {
    Transaction a;
    a.max_bytes = 1 << 20;
    a.charge = BudgetCharge(budget);
    a.Append(chunk);
    a.Append(chunk);
    EXPECT_FALSE(a.over_budget);
    EXPECT_GE(budget->used(), 6000u);

    Transaction b;
    b.max_bytes = 1 << 20;
    b.charge = BudgetCharge(budget);
    b.Append(chunk);
    b.Append(chunk);  // a holds 6000 or more: b cannot reach 6000 too
    EXPECT_TRUE(b.over_budget);
    EXPECT_TRUE(b.message.empty());
    EXPECT_EQ(b.message.capacity(), std::string().capacity());  // freed at once
    EXPECT_EQ(b.seen_bytes, 6000u);  // still counted
    EXPECT_EQ(budget->refused(), 1u);
    EomOutcome out = FinishMessage(b, EomContext{});
    EXPECT_NE(out.replies.find("451"), std::string::npos);
    EXPECT_NE(out.log_line.find("tempfail"), std::string::npos);
  }
  EXPECT_EQ(budget->used(), 0u);  // both transactions gone: all given back
}

TEST(TransactionTest, AChargeMovesWithItsTransaction) {
  auto budget = std::make_shared<ByteBudget>(1 << 20);
  Transaction a;
  a.max_bytes = 1 << 20;
  a.charge = BudgetCharge(budget);
  a.Append(std::string(5000, 'x'));
  size_t held = budget->used();
  EXPECT_GE(held, 5000u);
  auto moved = std::make_shared<const Transaction>(std::move(a));
  EXPECT_EQ(budget->used(), held);  // the end-of-message job holds it now
  moved.reset();
  EXPECT_EQ(budget->used(), 0u);
}

}  // namespace
}  // namespace nearmiss::milter

#include "investigate/row_order.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nearmiss::investigate {
namespace {

Row At(int64_t seconds, std::string to) {
  Row r;
  r.seconds = seconds;
  r.to = std::move(to);
  return r;
}

TEST(RowOrder, WritesOldestFirstOnFlushKeepingArrivalOrderWithinASecond) {
  std::vector<std::string> out;
  RowOrder order([&](const Row& r) { out.push_back(r.to); });
  order.Add(At(300, "late-settled@army.ml"));
  order.Add(At(100, "first@army.ml"));
  order.Add(At(300, "same-second@army.ml"));
  order.Add(At(0, "no-time@army.ml"));
  EXPECT_TRUE(out.empty());
  order.Flush();
  EXPECT_EQ(out, (std::vector<std::string>{"no-time@army.ml", "first@army.ml",
                                           "late-settled@army.ml", "same-second@army.ml"}));
  order.Flush();
  EXPECT_EQ(out.size(), 4u);
}

TEST(RowOrder, PastTheBoundWritesTheOldestAtOnce) {
  std::vector<std::string> out;
  RowOrder order([&](const Row& r) { out.push_back(r.to); }, 2);
  order.Add(At(30, "c"));
  order.Add(At(10, "a"));
  EXPECT_TRUE(out.empty());
  order.Add(At(20, "b"));  // three held: the oldest goes
  EXPECT_EQ(out, (std::vector<std::string>{"a"}));
  order.Flush();
  EXPECT_EQ(out, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace nearmiss::investigate

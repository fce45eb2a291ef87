#include "maillog/natural_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace nearmiss::maillog {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end(), NaturalLess);
  return v;
}

TEST(NaturalOrder, NumberedExchangeFilesByValue) {
  // Report item 16: "-10" sorted before "-2" by bytes.
  EXPECT_EQ(Sorted({"MSGTRK2025110301-10.LOG", "MSGTRK2025110301-2.LOG",
                    "MSGTRK2025110301-1.LOG", "MSGTRK2025110212-3.LOG"}),
            (std::vector<std::string>{"MSGTRK2025110212-3.LOG", "MSGTRK2025110301-1.LOG",
                                      "MSGTRK2025110301-2.LOG", "MSGTRK2025110301-10.LOG"}));
  EXPECT_EQ(Sorted({"mail-10.log", "mail-9.log", "mail.log"}),
            (std::vector<std::string>{"mail-9.log", "mail-10.log", "mail.log"}));
}

TEST(NaturalOrder, TotalOrderOnTiesAndPrefixes) {
  EXPECT_TRUE(NaturalLess("a", "a1"));
  EXPECT_FALSE(NaturalLess("a1", "a"));
  EXPECT_FALSE(NaturalLess("x", "x"));
  // "7" and "007" tie by value: the bytes decide, one way only.
  EXPECT_NE(NaturalLess("f007", "f7"), NaturalLess("f7", "f007"));
  EXPECT_TRUE(NaturalLess("f0", "f00a"));
  EXPECT_TRUE(NaturalLess("trace2.csv", "trace10.csv"));
  EXPECT_TRUE(NaturalLess("A.csv", "a.csv"));  // bytes, not case-folded
}

}  // namespace
}  // namespace nearmiss::maillog

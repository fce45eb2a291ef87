// The column chart's value axis: each gridline labelled with its exact
// value, the top at or above the tallest bar (issue 16, tester round 5:
// gridlines at 2.5 and 7.5 were labelled 2 and 7).
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "investigate/render.h"

namespace nearmiss::investigate {
namespace {

std::vector<long long> AxisLabels(const std::string& svg) {
  std::vector<long long> out;
  static const std::regex kLabel("text-anchor=\"end\">([0-9,]+)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kLabel);
       it != std::sregex_iterator(); ++it) {
    std::string digits = (*it)[1];
    std::erase(digits, ',');
    out.push_back(std::stoll(digits));
  }
  return out;
}

TEST(ColumnChartAxis, GridlinesAreLabelledWithTheirExactValues) {
  for (long long v : {0LL, 1LL, 3LL, 4LL, 5LL, 7LL, 9LL, 10LL, 11LL, 13LL, 17LL, 25LL, 99LL,
                      101LL, 250LL, 999LL, 1001LL, 12345LL, 987654321LL}) {
    Bar bar;
    bar.label = "2026-01";
    bar.parts = {v};
    std::vector<long long> labels = AxisLabels(ColumnChartSvg({bar}, "t"));
    ASSERT_EQ(labels.size(), 5u) << v;
    long long step = labels[1] - labels[0];
    EXPECT_EQ(labels[0], 0) << v;
    EXPECT_GT(step, 0) << v;
    for (size_t i = 1; i < labels.size(); ++i) {
      EXPECT_EQ(labels[i] - labels[i - 1], step) << v;  // evenly spaced, exact
    }
    EXPECT_GE(labels[4], v) << v;
    EXPECT_LE(labels[4], std::max(4LL, v * 2)) << v;  // and not far above it
  }
}

}  // namespace
}  // namespace nearmiss::investigate

#include "investigate/time_axis.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace nearmiss::investigate {
namespace {

// Months since year 0 of "YYYY-MM"; -1 when the label is not of that form.
int MonthIndex(const std::string& label) {
  if (label.size() != 7 || label[4] != '-') return -1;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (label[i] < '0' || label[i] > '9') return -1;
  }
  int year = std::atoi(label.substr(0, 4).c_str());
  int month = std::atoi(label.substr(5, 2).c_str());
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

std::string Label(int month, const std::string& unit) {
  char buf[16];
  if (unit == "year") {
    std::snprintf(buf, sizeof buf, "%04d", month / 12);
  } else if (unit == "quarter") {
    std::snprintf(buf, sizeof buf, "%04d-Q%d", month / 12, month % 12 / 3 + 1);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", month / 12, month % 12 + 1);
  }
  return buf;
}

// The first month of the bucket `month` falls in.
int BucketStart(int month, const std::string& unit) {
  if (unit == "year") return month - month % 12;
  if (unit == "quarter") return month - month % 3;
  return month;
}

int BucketLength(const std::string& unit) {
  return unit == "year" ? 12 : unit == "quarter" ? 3 : 1;
}

}  // namespace

TimeAxis MonthAxis(const std::vector<Bar>& months, size_t max_months) {
  TimeAxis axis;
  axis.unit = "month";
  std::vector<const Bar*> dated, undated;
  size_t parts = 0;
  int first = -1, last = -1;
  for (const Bar& b : months) {
    parts = std::max(parts, b.parts.size());
    int m = MonthIndex(b.label);
    if (m < 0) {
      undated.push_back(&b);
      continue;
    }
    dated.push_back(&b);
    first = first < 0 ? m : std::min(first, m);
    last = std::max(last, m);
  }
  if (!dated.empty()) {
    size_t span = static_cast<size_t>(last - first + 1);
    if (span > max_months) {
      size_t quarters = static_cast<size_t>((BucketStart(last, "quarter") -
                                             BucketStart(first, "quarter")) / 3 + 1);
      axis.unit = quarters > max_months ? "year" : "quarter";
      axis.note = std::to_string(span) + " months, " + Label(first, "month") + " to " +
                  Label(last, "month") + ": grouped by " + axis.unit;
    }
    const int step = BucketLength(axis.unit);
    const int start = BucketStart(first, axis.unit);
    for (int m = start; m <= last; m += step) {
      axis.bars.push_back({Label(m, axis.unit), "", std::vector<int64_t>(parts, 0)});
    }
    for (const Bar* b : dated) {
      Bar& into = axis.bars[static_cast<size_t>((BucketStart(MonthIndex(b->label), axis.unit) -
                                                 start) / step)];
      for (size_t p = 0; p < b->parts.size(); ++p) into.parts[p] += b->parts[p];
    }
  }
  for (const Bar* b : undated) axis.bars.push_back(*b);
  return axis;
}

}  // namespace nearmiss::investigate

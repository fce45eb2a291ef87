#include "maillog/set_order.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "maillog/log_files.h"
#include "maillog/log_line.h"

namespace nearmiss::maillog {
namespace {

struct Set {
  int64_t first_time = std::numeric_limits<int64_t>::max();  // none readable: last
  std::string base;
  std::vector<std::string> files;
};

// The time of `path`'s first line, or INT64_MAX when it has none this can
// read (a trace, an unreadable file, a line without a year and no year).
int64_t FirstTime(const std::string& path, int year, const YearPlan& plan) {
  std::string line = FirstLine(path);
  if (line.empty()) return std::numeric_limits<int64_t>::max();
  if (year == 0) {
    auto p = plan.find(path);
    // A file not planned has stamps that carry their year (year_plan.h):
    // the year given here is never used for them.
    year = p != plan.end() && p->second.first_year != 0 ? p->second.first_year : 1970;
  }
  LineParser parser(year);
  parser.InLogZone();
  LogLine l;
  if (!parser.Parse(line, &l) || l.format == LineFormat::kJournalMarker) {
    return std::numeric_limits<int64_t>::max();
  }
  return l.time;
}

}  // namespace

std::vector<std::string> OrderSetsByTime(const std::vector<std::string>& ordered, int year,
                                         const YearPlan& plan) {
  std::vector<Set> sets;
  for (const std::string& path : ordered) {
    std::string base = RotationBase(path);
    if (sets.empty() || sets.back().base != base) {
      sets.push_back({FirstTime(path, year, plan), base, {}});
    }
    sets.back().files.push_back(path);
  }
  std::stable_sort(sets.begin(), sets.end(), [](const Set& a, const Set& b) {
    return std::tie(a.first_time, a.base) < std::tie(b.first_time, b.base);
  });
  std::vector<std::string> out;
  for (Set& s : sets) {
    for (std::string& f : s.files) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace nearmiss::maillog

#include "maillog/year_plan.h"

#include <algorithm>
#include <set>

#include "maillog/log_files.h"
#include "maillog/timestamp.h"
#include "maillog/trace_log.h"

namespace nearmiss::maillog {
namespace {

// Scan years and real ones are compared through a leap reference year, so
// a 29 February stamp keeps its day.
constexpr int kReferenceYear = 2000;
constexpr int kLookBackYears = 8;
// The widest gap between two zones' clocks (year_anchor.h): a year-less
// stamp is the host's wall clock, a dated one UTC.
constexpr int64_t kZoneSlackSeconds = 26 * 3600;

bool Leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int64_t InYear(int year, const Stamp& s) {
  return CivilToSeconds(year, s.month, s.day, s.hour, s.minute, s.second);
}

// How the year moves from the previous file's last line `prev` to the next
// file's first line `next` (year_plan.h): +1, 0 or -1.
int BoundaryStep(const Stamp& prev, const Stamp& next) {
  const int64_t p = InYear(kReferenceYear, prev);
  const int64_t n = InYear(kReferenceYear, next);
  if (n + kRotationOverlap < p) return 1;
  if (n <= p) return 0;
  // The old year's last moments after the new year's first lines.
  const int64_t before = InYear(kReferenceYear - 1, next);
  if (next.month > prev.month + 6 && before <= p && p - before <= kRotationOverlap) return -1;
  return 0;
}

// The latest year in which `last`'s date is not after `bound`.
int LatestYear(const Stamp& last, const YearBound& bound) {
  Stamp limit;
  SecondsToCivil(bound.wall, &limit);
  int year = limit.year;
  while (year > limit.year - kLookBackYears && InYear(year, last) > bound.wall) --year;
  return year;
}

// Why the file scanned as `next` overlaps the one before it (year_plan.h),
// given that carried on (`carry`) it would start more than half a year
// after that one's last line; "" when nothing says so (a gap).
std::string OverlapEvidence(const Stamp& prev_last, const YearBound& prev_bound,
                            const YearScan& next,
                            const Stamp& next_last, const YearBound& next_bound, int carry) {
  if (next.seek_found) return "the previous file's last line is in this one too";
  // Each file alone: the year of the previous one's last line and of this
  // one's first line, by its own bound.
  const int prev_own = LatestYear(prev_last, prev_bound);
  const int next_last_own = LatestYear(next_last, next_bound);
  const int next_own = next_last_own - next.moves;
  if (next_own - prev_own == carry - 1 && prev_bound.wall < InYear(next_last_own, next_last)) {
    return "each file dated by its own bound says so, the previous one's " + prev_bound.source;
  }
  return "";
}

// A set with dated lines (RFC 3339, RFC 5424, journal short-full or
// short-unix) in some of its files: each file is dated by its own bound,
// which a later file's first dated line lowers (rotation wrote the older
// file first). So a year-less maillog.1 is not dated after the dated
// maillog that follows it, whatever its copy's modification time
// (issue-16 tester §2, rotmix).
void DatedLater(size_t i, const std::vector<size_t>& positions,
                const std::vector<std::pair<size_t, int64_t>>& dated_starts, YearBound* bound) {
  for (const auto& [position, time] : dated_starts) {
    if (position <= positions[i]) continue;
    const int64_t limit = time + kZoneSlackSeconds;
    if (limit < bound->wall) {
      bound->wall = limit;
      bound->source = "rotated set's first dated line in a later file";
    }
  }
}

}  // namespace

std::vector<int> PlanSetYears(const std::vector<YearScan>& scans,
                              const std::vector<YearBound>& bounds,
                              std::vector<std::string>* overlaps, int anchor_year) {
  const size_t n = scans.size();
  if (overlaps != nullptr) overlaps->assign(n, "");
  // Each file's first line's year in one forward reading of the set,
  // counted from 0 for the oldest file.
  std::vector<int> rel_first(n, 0);
  std::vector<Stamp> first(n), last(n);
  for (size_t i = 0; i < n; ++i) {
    SecondsToCivil(scans[i].first_time, &first[i]);
    SecondsToCivil(scans[i].last_time, &last[i]);
    if (i == 0) continue;
    int step = BoundaryStep(last[i - 1], first[i]);
    if (InYear(kReferenceYear + step, first[i]) - InYear(kReferenceYear, last[i - 1]) >
        kHalfYear) {
      std::string why =
          OverlapEvidence(last[i - 1], bounds[i - 1], scans[i], last[i], bounds[i], step);
      if (!why.empty()) {
        --step;
        if (overlaps != nullptr) (*overlaps)[i] = std::move(why);
      }
    }
    rel_first[i] = rel_first[i - 1] + scans[i - 1].moves + step;
  }
  std::vector<int> years(n);
  if (anchor_year != 0) {
    // --year: the oldest file's first line is in it; no bound moves it,
    // and a 29 February it puts in a year without one is ReadLog's error.
    for (size_t i = 0; i < n; ++i) years[i] = rel_first[i] + anchor_year;
    return years;
  }
  // The latest shift of the whole reading that keeps every file's last
  // line within its own bound.
  int delta = 0;
  for (size_t i = 0; i < n; ++i) {
    int d = LatestYear(last[i], bounds[i]) - (rel_first[i] + scans[i].moves);
    delta = i == 0 ? d : std::min(delta, d);
  }
  // Every 29 February must land in a leap year; earlier is the only way
  // that keeps every line within its bound.
  auto all_leap = [&](int shift) {
    for (size_t i = 0; i < n; ++i) {
      if (scans[i].feb29_year == 0) continue;
      if (!Leap(rel_first[i] + (scans[i].feb29_year - scans[i].first_year) + shift)) return false;
    }
    return true;
  };
  for (int tries = 0; tries < kLookBackYears && !all_leap(delta); ++tries) --delta;
  for (size_t i = 0; i < n; ++i) years[i] = rel_first[i] + delta;
  return years;
}

namespace {

// The logs PlanYears plans: YearPassPaths's and those that start dated,
// which it plans without a pass (their first line's time bounds an older
// file of their set, DatedLater).
std::set<std::string> PlannedPaths(const std::vector<std::string>& paths, int anchor_year) {
  std::set<std::string> logs;
  std::map<std::string, int> set_size;
  for (const std::string& path : paths) {
    if (LooksLikeTrace(FirstLine(path))) continue;
    logs.insert(path);
    ++set_size[RotationBase(path)];
  }
  if (anchor_year == 0) return logs;
  // With --year a lone file's year is the one given: nothing to plan.
  std::erase_if(logs, [&](const std::string& p) { return set_size[RotationBase(p)] < 2; });
  return logs;
}

}  // namespace

std::set<std::string> YearPassPaths(const std::vector<std::string>& paths, int anchor_year) {
  std::set<std::string> logs = PlannedPaths(paths, anchor_year);
  std::erase_if(logs, [](const std::string& p) { return StartsDated(p) != 0; });
  return logs;
}

YearPlan PlanYears(const std::vector<std::string>& paths,
                   const std::function<void(uint64_t)>& progress,
                   const std::function<void(const std::string&)>& next_file, int anchor_year) {
  YearPlan plan;
  const std::set<std::string> planned = PlannedPaths(paths, anchor_year);
  // One set at a time: OrderRotated keeps a set's files together.
  std::vector<std::string> set_paths;
  std::vector<YearScan> scans;
  std::vector<YearBound> bounds;
  // Each scanned file's place in its set, and the first dated time of each
  // file of the set that has one (a file of dated lines only is not in
  // `scans`): a later file's first dated line bounds an older file.
  std::vector<size_t> positions;
  std::vector<std::pair<size_t, int64_t>> dated_starts;
  size_t set_files = 0;
  bool dated = false;
  auto flush = [&] {
    // A dated set keeps each file's own year (FirstYear), which ReadLog
    // would have found; the plan only spares it a second pass. With
    // --year it is read as without a plan: the year given, carried on
    // from the dated lines (PostfixLog::BeginFile).
    std::vector<std::string> overlaps(scans.size());
    std::vector<int> years =
        dated ? std::vector<int>() : PlanSetYears(scans, bounds, &overlaps, anchor_year);
    for (size_t i = 0; i < scans.size() && !(dated && anchor_year != 0); ++i) {
      if (dated) DatedLater(i, positions, dated_starts, &bounds[i]);
      plan[set_paths[i]] = {dated ? FirstYear(scans[i], bounds[i]) : years[i],
                            std::move(scans[i].first_line), bounds[i].source,
                            std::move(overlaps[i]), anchor_year, scans.size()};
      // Not for a name's start date: that bound is the last line itself.
      if (!dated && anchor_year == 0 && !bounds[i].source.starts_with(kNameStart)) {
        plan[set_paths[i]].bound_wall = bounds[i].wall;
      }
    }
    set_paths.clear();
    scans.clear();
    bounds.clear();
    positions.clear();
    dated_starts.clear();
    set_files = 0;
    dated = false;
  };
  std::string base;
  for (const std::string& path : paths) {
    if (planned.count(path) == 0) continue;
    if (std::string b = RotationBase(path); b != base) {
      flush();
      base = std::move(b);
    }
    if (const int64_t dated_at = StartsDated(path); dated_at != 0) {
      // No pass: its lines without a year (if any) take the dated ones'.
      dated = true;
      dated_starts.emplace_back(set_files++, dated_at);
      Stamp b;
      SecondsToCivil(FileYearBound(path).wall, &b);
      plan[path] = {anchor_year != 0 ? anchor_year : b.year, "", "", ""};
      continue;
    }
    if (next_file) next_file(path);
    // A file that cannot be read is left to ReadLog, which says why.
    // Seeking the previous file's last line: where rotated files overlap,
    // they share it (year_plan.h).
    Result<YearScan> scan =
        ScanYears(path, progress, scans.empty() ? std::string_view() : scans.back().last_line);
    if (!scan.ok()) continue;
    dated = dated || scan->dated;
    const size_t position = set_files++;
    if (scan->dated) dated_starts.emplace_back(position, scan->first_dated_time);
    if (!scan->any) {
      // No line without a year: the year is never used; the file carries
      // the set's on (no first line).
      Stamp b;
      SecondsToCivil(FileYearBound(path).wall, &b);
      plan[path] = {anchor_year != 0 ? anchor_year : b.year, "", "", ""};
      continue;
    }
    set_paths.push_back(path);
    positions.push_back(position);
    bounds.push_back(ScannedYearBound(path, *scan));
    scans.push_back(std::move(*scan));
  }
  flush();
  return plan;
}

}  // namespace nearmiss::maillog

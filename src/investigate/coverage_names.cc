// What the inputs' own names and sizes prove missing (coverage.h,
// MissingFileTexts): issue-16 tester round 44, findings 1 and 2.
//
//   A numbered rotated set (logrotate without dateext: NAME.1, NAME.2,
//   ...; newsyslog's NAME.0): logrotate renames NAME.N to NAME.N+1 at each
//   rotation (logrotate(8), `rotate count`), so the numbers of a set have
//   no hole; a hole between the numbers given, or below the lowest one
//   when the live file is given, is a file not given.
//   A dated set (dateext, rotation_name.h): a file holds the lines from
//   the rotation before it to the time its name says. A name more than one
//   rotation after the previous one, whose file's lines begin at least one
//   rotation after that previous name's time, leaves the rotations between
//   in no file given. The rotation is the shortest step between the set's
//   names when it has three or more, else the longest span from a file's
//   first line to its name's time (a day for a daily set).
//   Exchange's message tracking logs: tracking_log_names.h.
//   A trace export (Get-MessageTrace, Get-MessageTraceV2,
//   Get-MessageTrackingLog | Export-Csv) of exactly the cmdlet's page
//   (LineCounts::page_rows): most likely its first page only.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/text_format.h"
#include "investigate/coverage.h"
#include "investigate/tracking_log_names.h"
#include "maillog/rotation_name.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

// A trace (Exchange's tracking log, a Microsoft 365 export): its names are
// no logrotate set's, whatever date or number they hold ("EX01-2025-11-03.log"
// is judged by its #Date: lines, tracking_log_names.h).
bool Trace(const maillog::LineCounts& c) {
  const maillog::LineFormat f = c.main_format();
  return f == maillog::LineFormat::kExchangeTracking || f == maillog::LineFormat::kM365Trace ||
         f == maillog::LineFormat::kM365Historical ||
         f == maillog::LineFormat::kExchangeTrackingExport;
}

std::string PlainName(const std::string& path) {
  return path.ends_with(".gz") ? path.substr(0, path.size() - 3) : path;
}

// Holes in a numbered set: "maillog.2 (or maillog.2.gz) is not among ...".
void NumberHoles(const Report& rep, std::vector<std::string>& out) {
  struct Set {
    std::map<int, std::string> numbered;  // N -> the file as given
    std::string live;
  };
  std::map<std::string, Set> sets;
  for (const maillog::LineCounts& c : rep.logs) {
    const maillog::RotationName r = maillog::ReadRotationName(c.file);
    if (r.named != 0 || Trace(c)) continue;
    if (r.age_rank < 0) {
      sets[r.base].numbered[static_cast<int>(-r.age_rank - 1)] = c.file;
    } else if (PlainName(c.file) == r.base) {
      sets[r.base].live = c.file;
    }
  }
  for (const auto& [base, set] : sets) {
    if (set.numbered.empty()) continue;
    int low = set.numbered.begin()->first;
    // Below the lowest number given, the live file's newest rotation
    // (NAME.1; NAME.0 when newsyslog's is given) is the one after it.
    if (!set.live.empty() && low > 1) low = 1;
    const int high = set.numbered.rbegin()->first;
    for (int n = low; n < high; ++n) {
      if (set.numbered.count(n) != 0) continue;
      auto older = set.numbered.upper_bound(n);  // the next higher number given
      std::string name = base + "." + std::to_string(n);
      std::string t = name + " (or " + name + ".gz) is not among the files given (between " +
                      older->second + " and ";
      t += older == set.numbered.begin() ? set.live : std::prev(older)->second;
      t += ": logrotate numbers a set's files .1, .2, .3 with no hole, so its lines are missing)";
      out.push_back(std::move(t));
    }
  }
}

struct DatedFile {
  int64_t named = 0, first = 0;
  std::string file;
  maillog::ZoneSource first_zone = maillog::ZoneSource::kInput;
};

// "rot8/maillog-20261129, rot8/maillog-20261130, " when `a`'s name holds
// its date as YYYYMMDD and a few are missing; else "about 2 files, ".
std::string MissingNames(const DatedFile& a, int64_t period, int64_t missing) {
  // The date as the name writes it: YYYYMMDD or YYYY-MM-DD.
  auto spelled = [](const std::string& day, bool dashed) {
    return dashed ? day : day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
  };
  const std::string day = maillog::FormatTime(a.named).substr(0, 10);
  size_t at = a.file.rfind(spelled(day, false));
  const bool dashed = at == std::string::npos;
  if (dashed) at = a.file.rfind(day);
  if (period % 86400 != 0 || missing > 10 || at == std::string::npos) {
    return "about " + Counted(static_cast<uint64_t>(missing), "file") + ", ";
  }
  std::string out;
  for (int64_t i = 1; i <= missing; ++i) {
    const std::string d = maillog::FormatTime(a.named + i * period).substr(0, 10);
    std::string name = a.file;
    name.replace(at, dashed ? 10 : 8, spelled(d, dashed));
    out += name;
    out += ", ";
  }
  return out;
}

// Rotations missing between a dated set's names.
void DateHoles(const Report& rep, std::vector<std::string>& out) {
  using File = DatedFile;
  std::map<std::string, std::vector<File>> sets;
  for (const maillog::LineCounts& c : rep.logs) {
    const maillog::RotationName r = maillog::ReadRotationName(c.file);
    if (r.named != 0 && !Trace(c)) {
      sets[r.base].push_back({r.named, c.first_time, c.file, c.first_zone});
    }
  }
  for (auto& [base, files] : sets) {
    if (files.size() < 2) continue;
    std::sort(files.begin(), files.end(),
              [](const File& a, const File& b) { return a.named < b.named; });
    int64_t period = 0;
    if (files.size() >= 3) {
      period = files[1].named - files[0].named;
      for (size_t i = 2; i < files.size(); ++i) {
        period = std::min(period, files[i].named - files[i - 1].named);
      }
    } else {
      for (const File& f : files) {
        if (f.first != 0) period = std::max(period, f.named - f.first);
      }
    }
    // Rounded up to the names' own step: a day when every name is a day's
    // (00:00), else an hour.
    const bool days = std::all_of(files.begin(), files.end(),
                                  [](const File& f) { return f.named % 86400 == 0; });
    const int64_t unit = days ? 86400 : 3600;
    period = (period + unit - 1) / unit * unit;
    if (period <= 0) continue;
    for (size_t i = 1; i < files.size(); ++i) {
      const File& a = files[i - 1];
      const File& b = files[i];
      if (b.named - a.named < 2 * period || b.first == 0 || b.first - a.named < period) continue;
      const int64_t missing = (b.named - a.named) / period - 1;
      std::string t = "the files of " + base + " rotated between " + a.file + " and " + b.file +
                      " (" + MissingNames(a, period, missing) + "one " +
                      (period == 86400  ? std::string("a day")
                       : period == 3600 ? std::string("an hour")
                       : period % 86400 == 0
                           ? "each " + Counted(static_cast<uint64_t>(period / 86400), "day")
                           : "each " + Counted(static_cast<uint64_t>(period / 3600), "hour")) +
                      " as its names step) are not among the files given: " + b.file +
                      "'s lines begin at " + maillog::ShownTime(b.first, b.first_zone) +
                      ", after " + a.file +
                      " was rotated at " + maillog::FormatTime(a.named) +
                      " (or those days had no line and logrotate's notifempty made no file)";
      out.push_back(std::move(t));
    }
  }
}

// A file the window leaves out whole, its lines dated only by a year
// inferred from its modification time (no --year, no date in its name, no
// line that carries a year): a copy made without `cp -p` moves that time,
// and the year with it, so the file may be inside the window after all
// (round 51's tester 16, finding 4).
void MtimeYearOutside(const Report& rep, std::vector<std::string>& out) {
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.yearless == 0 || c.year_given != 0 || c.first_time != 0 ||
        c.before_window + c.after_window == 0 ||
        c.year_from.find("modification time") == std::string::npos) {
      continue;
    }
    const std::string from = maillog::FormatTime(c.first_yearless_time).substr(0, 10);
    const std::string to = maillog::FormatTime(c.last_yearless_time).substr(0, 10);
    std::string t = c.file + ": every line falls " +
                    (c.after_window != 0 ? "after" : "before") +
                    " the window as dated (" + (from == to ? from : from + " to " + to) +
                    "), but its timestamps carry no year and the one read is inferred from the "
                    "file's modification time alone, which a copy resets: if they are from "
                    "another year they may be inside it (give --year)";
    out.push_back(std::move(t));
  }
}

void PageCuts(const Report& rep, std::vector<std::string>& out) {
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.page_rows == 0) continue;
    // The next page exported to a file of its own and given: a full page
    // is no cut when another trace of the same form continues it
    // (maillog::PageContinued; issue-16 tester round 45, finding 0c).
    const bool continued = std::any_of(rep.logs.begin(), rep.logs.end(), [&](const auto& d) {
      return &d != &c && d.main_format() == c.main_format() && d.first_time != 0 &&
             maillog::PageContinued(c, d.first_time, d.last_time);
    });
    if (continued) continue;
    std::string t = c.file + " holds exactly " +
                    Counted(c.page_rows, "row") + " under one header, ";
    t += c.page_rows == maillog::kDefaultPageRows ? "the default page of " : "the largest page of ";
    t += c.page_cmdlet;
    if (c.page_cmdlet == "Get-MessageTrace") {
      t += " (-PageSize: 1000 unless given, at most 5000): most likely the first page of a "
           "longer result, the rest not exported; export every page (-Page 2, 3, ... until one "
           "has fewer rows)";
    } else if (c.page_cmdlet == "Get-MessageTraceV2") {
      t += " (-ResultSize: 1000 unless given, at most 5000): most likely the first part of a "
           "longer result, the rest not exported; export the rest (-StartingRecipientAddress "
           "and -EndDate from the last row, as the cmdlet's warning says) or a shorter window";
    } else {
      t += " (-ResultSize: 1000 unless given): most likely the first 1,000 events of more; "
           "export again with -ResultSize Unlimited";
    }
    out.push_back(std::move(t));
  }
}

}  // namespace

std::vector<std::string> MissingFileTexts(const Report& rep) {
  std::vector<std::string> out;
  NumberHoles(rep, out);
  DateHoles(rep, out);
  InstanceHoles(rep, out);
  DayHoles(rep, out);
  DatedDayHoles(rep, out);
  MtimeYearOutside(rep, out);
  PageCuts(rep, out);
  return out;
}

}  // namespace nearmiss::investigate

#include "investigate/window_sources.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "investigate/tracking_log_names.h"
#include "maillog/line_counts.h"
#include "maillog/log_line.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

struct Source {
  bool in_window = false;  // a line of it is in the window
  int64_t first = 0, last = 0;  // its lines' span, the window aside
  std::string first_file, last_file;
};

void Widen(Source& s, int64_t first, int64_t last, bool in_window, const std::string& file) {
  s.in_window = s.in_window || in_window;
  if (first == 0 || last == 0) return;
  if (s.first == 0 || first < s.first) {
    s.first = first;
    s.first_file = file;
  }
  if (last > s.last) {
    s.last = last;
    s.last_file = file;
  }
}

// A trace form's source: the whole export of that form, "" for a syslog
// file (its hosts are its sources).
std::string TraceSource(maillog::LineFormat format) {
  switch (format) {
    case maillog::LineFormat::kM365Trace: return "the Microsoft 365 message trace";
    case maillog::LineFormat::kM365Historical: return "the Microsoft 365 historical search";
    case maillog::LineFormat::kExchangeTrackingExport: return "the Get-MessageTrackingLog export";
    case maillog::LineFormat::kExchangeTracking: return "the Exchange tracking logs";
    default: return "";
  }
}

std::string Day(int64_t t) { return maillog::FormatTime(t).substr(0, 10); }

// An export, not a server's rotating log: a query's result saved to a file.
bool IsExport(maillog::LineFormat format) {
  return format == maillog::LineFormat::kM365Trace ||
         format == maillog::LineFormat::kM365Historical ||
         format == maillog::LineFormat::kExchangeTrackingExport;
}

// Two files of one export query: the pages of one result (a file whose
// rows continue the other's full page, maillog::PageContinued), or the same
// StartDate..EndDate asked (Get-MessageTrace's columns).
bool OneQuery(const maillog::LineCounts& a, const maillog::LineCounts& b) {
  if (a.main_format() != b.main_format()) return false;
  if (a.asked_from != 0 && a.asked_from == b.asked_from && a.asked_to == b.asked_to) return true;
  return (b.read_first_time != 0 &&
          maillog::PageContinued(a, b.read_first_time, b.read_last_time)) ||
         (a.read_first_time != 0 &&
          maillog::PageContinued(b, a.read_first_time, a.read_last_time));
}

// Each export file's source: the file that names it (the first of its
// query's files), by index into logs; the other files' entries are unused.
std::vector<size_t> ExportQueries(const std::vector<maillog::LineCounts>& logs) {
  std::vector<size_t> root(logs.size());
  for (size_t i = 0; i < logs.size(); ++i) {
    root[i] = i;
    if (!IsExport(logs[i].main_format())) continue;
    // Pages come in any order: a later file may join two earlier ones'
    // queries, so every file of the earlier query moves to this one's root.
    for (size_t j = 0; j < i; ++j) {
      if (!IsExport(logs[j].main_format()) || !OneQuery(logs[i], logs[j])) continue;
      const size_t from = root[i], to = root[j];
      if (from == to) continue;
      for (size_t k = 0; k <= i; ++k) {
        if (root[k] == from) root[k] = to;
      }
    }
  }
  return root;
}

}  // namespace

void UnreachedSources(const Report& rep, std::vector<std::string>& out) {
  if (rep.window_from == 0 && rep.window_to == 0) return;
  std::map<std::string, Source> sources;
  const std::vector<size_t> query = ExportQueries(rep.logs);
  for (size_t i = 0; i < rep.logs.size(); ++i) {
    const maillog::LineCounts& c = rep.logs[i];
    if (!c.hosts_read.empty()) {
      for (const maillog::LineCounts::HostRead& h : c.hosts_read) {
        const bool in = std::any_of(c.host_spans.begin(), c.host_spans.end(),
                                    [&](const auto& s) { return s.host == h.host; });
        Widen(sources["Postfix host " + h.host], h.first, h.last, in, c.file);
      }
      continue;
    }
    std::string name;
    if (!c.exchange_days.empty()) {
      const std::string server = TrackingLogServer(c);
      if (!server.empty()) name = "Exchange server " + server;
    }
    if (name.empty()) {
      name = TraceSource(c.main_format());
      // Each export its own source (round 57's tester 16): one export may
      // be of another window or filtered by sender or recipient, which the
      // file does not say, so an older export beside a newer one is no
      // proof the older one's mail of the window is in the newer one.
      if (!name.empty() && IsExport(c.main_format())) {
        name += " export " + rep.logs[query[i]].file;
      }
    }
    if (name.empty()) continue;
    Widen(sources[name], c.read_first_time, c.read_last_time, c.first_time != 0, c.file);
  }
  // None in the window: the window's own gap says it (CoverageGaps).
  if (std::none_of(sources.begin(), sources.end(),
                   [](const auto& s) { return s.second.in_window; })) {
    return;
  }
  const int64_t until =
      std::min<int64_t>(rep.window_to != 0 ? rep.window_to : INT64_MAX, std::time(nullptr));
  if (until <= rep.window_from) return;  // a window yet to come
  for (const auto& [name, s] : sources) {
    if (s.in_window || s.first == 0) continue;
    if (s.first < rep.window_from && s.last >= until) continue;  // across it
    std::string t = name + ": no log line in the window (";
    if (rep.window_from != 0) t += "from " + Day(rep.window_from) + " ";
    t += rep.window_to != 0 ? "to " + Day(rep.window_to - 1) + " inclusive" : "to now";
    t += ") while the other sources' logs are in it; ";
    t += s.last < rep.window_from ? "its logs end " + Day(s.last) + " (its last line, in " +
                                        s.last_file + ")"
                                  : "its logs begin " + Day(s.first) + " (its first line, in " +
                                        s.first_file + ")";
    t += ": its logs of the window were not given, or it stopped; what it sent then is in no "
         "log given";
    out.push_back(std::move(t));
  }
}

}  // namespace nearmiss::investigate

#include "investigate/coverage.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "base/text_format.h"
#include "investigate/file_holes.h"
#include "investigate/server_coverage.h"
#include "investigate/window_sources.h"
#include "maillog/shown_time.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

struct Span {
  int64_t first = 0, last = 0;
  std::string first_file, last_file;
  maillog::ZoneSource first_zone = maillog::ZoneSource::kInput,
                      last_zone = maillog::ZoneSource::kInput;
};

// Spans merged where they meet or overlap within kMinGapSeconds.
std::vector<Span> Merged(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.first < b.first; });
  std::vector<Span> merged;
  for (Span& s : spans) {
    if (!merged.empty() && s.first - merged.back().last <= kMinGapSeconds) {
      if (s.last > merged.back().last) {
        merged.back().last = s.last;
        merged.back().last_file = s.last_file;
        merged.back().last_zone = s.last_zone;
      }
      continue;
    }
    merged.push_back(s);
  }
  return merged;
}

// The files' spans merged where they meet or overlap (within the gap): of
// the lines in the window, or of every line read (`read`: the window aside).
std::vector<Span> Spans(const Report& rep, bool read = false) {
  std::vector<Span> spans;
  for (const maillog::LineCounts& c : rep.logs) {
    const int64_t first = read ? c.read_first_time : c.first_time;
    const int64_t last = read ? c.read_last_time : c.last_time;
    if (first == 0 || last == 0) continue;
    // Every line read's zones are not kept: those spans say days only.
    Span span{first, last, c.file, c.file, read ? maillog::ZoneSource::kInput : c.first_zone,
              read ? maillog::ZoneSource::kInput : c.last_zone};
    // Every line read: split at the holes inside it (file_holes.h), as
    // lines either side of a window cover it only within kMinGapSeconds of
    // each other. (The lines in the window are not split yet: a hole with
    // no window would be said in dozens of goldens, left for its own change.)
    for (const maillog::LineHoles::Hole& h : read ? FileHoles(c) : decltype(FileHoles(c)){}) {
      if (h.before.time < first || h.after.time > last) continue;
      Span before = span;
      before.last = h.before.time;
      if (!read) before.last_zone = h.before.zone;
      spans.push_back(before);
      span.first = h.after.time;
      if (!read) span.first_zone = h.after.zone;
    }
    spans.push_back(span);
  }
  return Merged(std::move(spans));
}

std::string DaysOf(const std::vector<Span>& spans);

std::string Day(int64_t t) { return maillog::FormatTime(t).substr(0, 10); }

// Each host's gaps while the hosts running beside it log on: its peers
// are the hosts whose first-to-last span overlaps its own (two gateways
// at once, not one replacing another), and a gap of more than
// kMinGapSeconds in its lines, within the span of it and its peers, is
// said when its peers' lines cover more than kMinGapSeconds of it (a gap
// of every log is said once, by Spans). None when the logs name fewer
// than two hosts.
void HostGaps(const Report& rep, std::vector<CoverageGap>& gaps) {
  std::map<std::string, std::vector<Span>> hosts;
  for (const maillog::LineCounts& c : rep.logs) {
    for (const maillog::LineCounts::HostSpan& h : c.host_spans) {
      hosts[h.host].push_back({h.first, h.last, c.file, c.file, h.first_zone, h.last_zone});
    }
  }
  if (hosts.size() < 2) return;
  std::map<std::string, std::vector<Span>> merged;
  for (auto& [host, spans] : hosts) merged[host] = Merged(spans);
  for (const auto& [host, own] : merged) {
    const int64_t first = own.front().first, last = own.back().last;
    std::vector<Span> peers;
    int64_t from_all = first, to_all = last;
    maillog::ZoneSource from_all_zone = own.front().first_zone;
    maillog::ZoneSource to_all_zone = own.back().last_zone;
    for (const auto& [other, theirs] : merged) {
      if (other == host || theirs.front().first > last || theirs.back().last < first) continue;
      peers.insert(peers.end(), theirs.begin(), theirs.end());
      if (theirs.front().first < from_all) {
        from_all = theirs.front().first;
        from_all_zone = theirs.front().first_zone;
      }
      if (theirs.back().last > to_all) {
        to_all = theirs.back().last;
        to_all_zone = theirs.back().last_zone;
      }
    }
    if (peers.empty()) continue;
    auto add = [&](int64_t from, maillog::ZoneSource from_zone, int64_t to,
                   maillog::ZoneSource to_zone, const std::string& before,
                   const std::string& after) {
      if (to - from <= kMinGapSeconds) return;
      int64_t covered = 0;
      for (const Span& p : peers) {
        covered += std::max<int64_t>(0, std::min(to, p.last) - std::max(from, p.first));
      }
      if (covered > kMinGapSeconds) {
        gaps.push_back({from, to, before, after, host, "", from_zone, to_zone});
      }
    };
    add(from_all, from_all_zone, first, own.front().first_zone, "", own.front().first_file);
    for (size_t i = 1; i < own.size(); ++i) {
      add(own[i - 1].last, own[i - 1].last_zone, own[i].first, own[i].first_zone,
          own[i - 1].last_file, own[i].first_file);
    }
    add(last, own.back().last_zone, to_all, to_all_zone, own.back().last_file, "");
  }
}

}  // namespace

namespace {

// The lines a clock set wrong dated (maillog/clock_step.h: before 2000,
// or ahead of now or of the file's own date), which no span holds:
// "3 lines dated by a clock set wrong (first at MSGTRK...LOG:6)", or "".
// A gap or a window the logs miss is then theirs to explain first, not a
// rotated file's (issue-16 tester round 59, finding 3).
std::string ClockWrongLines(const Report& rep) {
  uint64_t n = 0;
  std::string first;
  for (const maillog::LineCounts& c : rep.logs) {
    for (auto [count, line] : {std::pair{c.clock_unset, c.first_clock_unset_line},
                               std::pair{c.clock_ahead, c.first_clock_ahead_line}}) {
      if (count == 0) continue;
      n += count;
      if (first.empty()) first = c.file + ":" + std::to_string(line);
    }
  }
  if (n == 0) return {};
  return Counted(n, "line") + " dated by a clock set wrong (first at " + first + ")";
}

}  // namespace

std::vector<CoverageGap> CoverageGaps(const Report& rep) {
  using maillog::ZoneSource;
  const std::vector<Span> spans = Spans(rep);
  std::vector<CoverageGap> gaps;
  // A window (--since, --until) no line reaches: every day of it is one no
  // log covers, however long it is (the edges' kMinGapSeconds below allow
  // a quiet stretch beside lines that are in it; here there are none). Not
  // when a span of the logs runs across it (lines before and after it
  // within kMinGapSeconds of each other, as between two files), nor for a
  // window yet to come (issue-16 tester round 56b, finding 1).
  if (spans.empty()) {
    const int64_t until =
        std::min<int64_t>(rep.window_to != 0 ? rep.window_to : INT64_MAX, std::time(nullptr));
    const std::vector<Span> read = Spans(rep, true);
    const bool across = std::any_of(read.begin(), read.end(), [&](const Span& s) {
      return s.first < rep.window_from && s.last >= until;
    });
    // Also when every line's time was a clock set wrong: the window is
    // then missed for that reason, said (WholeWindowText).
    if ((rep.window_from != 0 || rep.window_to != 0) &&
        (!read.empty() || !ClockWrongLines(rep).empty()) && !across &&
        until > rep.window_from) {
      gaps.push_back({rep.window_from, until, "--since", "--until", "", ""});
    }
    return gaps;
  }
  // The window a trace export asked for (its StartDate, EndDate columns):
  // the earliest start and latest end any file asked, judged as --since
  // and --until are where no window was given or it is wider.
  int64_t asked_from = 0, asked_to = 0;
  std::string asked_from_file, asked_to_file;
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.asked_from != 0 && (asked_from == 0 || c.asked_from < asked_from)) {
      asked_from = c.asked_from;
      asked_from_file = c.file;
    }
    if (c.asked_to != 0 && c.asked_to > asked_to) {
      asked_to = c.asked_to;
      asked_to_file = c.file;
    }
  }
  if (rep.window_from != 0 && spans.front().first - rep.window_from > kMinGapSeconds) {
    gaps.push_back({rep.window_from, spans.front().first, "--since", spans.front().first_file, "",
                    "", ZoneSource::kInput, spans.front().first_zone});
  } else if (asked_from != 0 && asked_from > rep.window_from &&
             spans.front().first - asked_from > kMinGapSeconds) {
    gaps.push_back({asked_from, spans.front().first, "StartDate", spans.front().first_file, "",
                    asked_from_file, ZoneSource::kInput, spans.front().first_zone});
  }
  for (size_t i = 1; i < spans.size(); ++i) {
    gaps.push_back({spans[i - 1].last, spans[i].first, spans[i - 1].last_file, spans[i].first_file,
                    "", "", spans[i - 1].last_zone, spans[i].first_zone});
  }
  // A window that ends in the future ends now: no log can hold what is
  // yet to be sent.
  const int64_t now = std::time(nullptr);
  const int64_t until = std::min<int64_t>(rep.window_to, now);
  const int64_t asked_until = std::min<int64_t>(asked_to, now);
  if (rep.window_to != 0 && until - spans.back().last > kMinGapSeconds) {
    gaps.push_back({spans.back().last, until, spans.back().last_file, "--until", "", "",
                    spans.back().last_zone, ZoneSource::kInput});
  } else if (asked_to != 0 && (rep.window_to == 0 || asked_to < rep.window_to) &&
             asked_until - spans.back().last > kMinGapSeconds) {
    gaps.push_back({spans.back().last, asked_until, spans.back().last_file, "EndDate", "",
                    asked_to_file, spans.back().last_zone, ZoneSource::kInput});
  }
  HostGaps(rep, gaps);
  return gaps;
}

namespace {

// "the window's start (--since 2026-01-01)", "the StartDate m.csv asked for
// (2026-11-23)", or the time; `end` for the gap's end.
std::string GapEnd(const CoverageGap& g, bool end) {
  const std::string& label = end ? g.after : g.before;
  const int64_t t = end ? g.to : g.from;
  // --until's day is counted whole: its end is the next day's start.
  if (label == "--since") return "the window's start (--since " + Day(t) + ")";
  if (label == "--until") return "the window's end (--until " + Day(t - 1) + ")";
  if (label == "StartDate" || label == "EndDate") {
    std::string out = "the ";
    out += label;
    out += " ";
    out += g.asked;
    out += " asked for (";
    // The columns are UTC (trace_log.h): said with its Z.
    out += maillog::ShownTime(t, maillog::ZoneSource::kInput);
    out += ')';
    return out;
  }
  return maillog::ShownTime(t, end ? g.to_zone : g.from_zone);
}

// A host's gap: "mx2: no log line of this host for 80 days, from T (its
// last line, in FILE) to T (the last line of the other hosts' logs); ...".
std::string HostGapText(const CoverageGap& g) {
  std::string t = g.host;
  t += ": no log line of this host for ";
  t += Counted(static_cast<uint64_t>((g.to - g.from) / (24 * 3600)), "day");
  t += ", from ";
  t += maillog::ShownTime(g.from, g.from_zone);
  t += g.before.empty() ? " (the first line of the other hosts' logs)"
                        : " (its last line before, in " + g.before + ")";
  t += " to ";
  t += maillog::ShownTime(g.to, g.to_zone);
  t += g.after.empty() ? " (the last line of the other hosts' logs)"
                       : " (its next line, in " + g.after + ")";
  t += "; the other hosts' logs run on: this host's log of those days was not given, or the "
       "host stopped";
  return t;
}

// What a gap's advice gives as its cause: the clock-wrong lines when any
// (above), alone when no line had a time believed (`only_clock`: they are
// the whole cause), else first, before a rotated file missing or a window
// the logs do not reach.
std::string GapCause(const Report& rep, bool only_clock = false) {
  constexpr std::string_view kMissing = "a rotated file missing, or a window the logs do not reach";
  const std::string clock = ClockWrongLines(rep);
  if (clock.empty()) return std::string(kMissing);
  std::string t = clock + ", in no span: check that host's clock and the export's dates";
  if (!only_clock) t += "; else " + std::string(kMissing);
  return t;
}

// Why a file's lines stop and start again.
constexpr const char* kHoleCauses =
    "logging stopped and restarted, or lines lost or cut from the file";

// The window no line reaches: "no log line in the window (2026-12-02 to
// 2026-12-05 inclusive): the logs cover 2026-11-30 to 2026-11-30, all
// before it (...)".
std::string WholeWindowText(const Report& rep, const CoverageGap& g) {
  const std::vector<Span> read = Spans(rep, true);
  std::string t = "no log line in the window (";
  if (rep.window_from != 0) t += "from " + Day(rep.window_from) + " ";
  if (rep.window_to != 0) t += "to " + Day(rep.window_to - 1) + " inclusive";
  if (rep.window_to == 0) t += "to now";
  if (read.empty()) {
    return t + "): no line of the logs has a time believed (" + GapCause(rep, true) + ")";
  }
  t += "): the logs cover " + DaysOf(read);
  t += read.back().last < rep.window_from ? ", all before it"
       : read.front().first >= g.to       ? ", all after it"
                                          : ", before and after it";
  const std::string hole = HoleAroundText(rep.logs, g.from, g.to);
  t += hole.empty() ? " (" + GapCause(rep) + ")" : " (" + hole + ": " + kHoleCauses + ")";
  return t;
}

// The gap at the window's start when the file that ends it has lines
// before the window too: "no line of p1.log between 2026-12-02T09:00:01
// and 2026-12-07T09:00:01 (...)", not a file that starts late (issue-16
// tester round 58b, finding 6). "" when the file starts after --since.
std::string InsideFileText(const Report& rep, const CoverageGap& g) {
  if (g.before != "--since") return {};
  const auto c = std::find_if(rep.logs.begin(), rep.logs.end(), [&](const maillog::LineCounts& l) {
    return l.file == g.after && l.last_before_window != 0;
  });
  if (c == rep.logs.end()) return {};
  std::string t = "no line of " + g.after + " between ";
  t += maillog::ShownTime(c->last_before_window, c->last_before_window_zone);
  t += " (before the window's start, --since " + Day(g.from) + ") and ";
  t += maillog::ShownTime(g.to, g.to_zone);
  t += " (";
  t += Counted(static_cast<uint64_t>((g.to - g.from) / (24 * 3600)), "day");
  t += " of the window without a line: lines lost or cut from the file, or a host that stopped)";
  return t;
}

std::string GapText(const Report& rep, const CoverageGap& g) {
  if (!g.host.empty()) return HostGapText(g);
  if (g.before == "--since" && g.after == "--until") return WholeWindowText(rep, g);
  if (std::string inside = InsideFileText(rep, g); !inside.empty()) return inside;
  std::string t = "no log line for ";
  t += Counted(static_cast<uint64_t>((g.to - g.from) / (24 * 3600)), "day");
  t += ", from ";
  t += GapEnd(g, false);
  t += " to ";
  t += GapEnd(g, true);
  const bool window_start = g.before == "--since" || g.before == "StartDate";
  const bool window_end = g.after == "--until" || g.after == "EndDate";
  t += " (";
  if (std::string hole = HoleAroundText(rep.logs, g.from, g.to); !hole.empty() && g.asked.empty()) {
    return t + hole + ": " + kHoleCauses + ")";
  }
  if (!window_start) t += "after the last line of " + g.before;
  if (!window_start && !window_end) t += ", ";
  if (!window_end) t += "before the first line of " + g.after;
  // A trace exported for one sender or recipient (Get-MessageTrace
  // -SenderAddress, -RecipientAddress: an investigation's usual query) has
  // no row on the days that address sent nothing, though it asked for them
  // all: the export cannot say it was filtered, so this stays a gap (fail
  // closed) and the filter is named as one cause (round 56b's tester 16).
  t += g.asked.empty() ? "; " + GapCause(rep) + ")"
                       : "; the trace holds less than it asked for: one page of a longer result, "
                         "rows cut, or an export filtered to a sender or recipient "
                         "(-SenderAddress, -RecipientAddress) who had no mail those days)";
  return t;
}

}  // namespace

std::vector<std::string> CoverageGapTexts(const Report& rep) {
  std::vector<std::string> out;
  for (const CoverageGap& g : CoverageGaps(rep)) out.push_back(GapText(rep, g));
  ServerGaps(rep, out);
  UnreachedSources(rep, out);
  for (std::string& t : MissingFileTexts(rep)) out.push_back(std::move(t));
  return out;
}

namespace {

std::string DaysOf(const std::vector<Span>& spans) {
  std::string out;
  for (size_t i = 0; i < spans.size(); ++i) {
    out += i == 0 ? "" : i + 1 == spans.size() ? " and " : ", ";
    out += Day(spans[i].first) + " to " + Day(spans[i].last);
  }
  return out;
}

}  // namespace

std::string CoveredDays(const Report& rep) { return DaysOf(Spans(rep)); }

std::string ReadDays(const Report& rep) { return DaysOf(Spans(rep, true)); }

}  // namespace nearmiss::investigate

#include "investigate/coverage.h"

#include <algorithm>
#include <ctime>

#include "base/text_format.h"
#include "maillog/timestamp.h"

namespace nearmiss::investigate {
namespace {

struct Span {
  int64_t first = 0, last = 0;
  std::string first_file, last_file;
};

// The files' spans merged where they meet or overlap (within the gap).
std::vector<Span> Spans(const Report& rep) {
  std::vector<Span> spans;
  for (const maillog::LineCounts& c : rep.logs) {
    if (c.first_time == 0 || c.last_time == 0) continue;
    spans.push_back({c.first_time, c.last_time, c.file, c.file});
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.first < b.first; });
  std::vector<Span> merged;
  for (Span& s : spans) {
    if (!merged.empty() && s.first - merged.back().last <= kMinGapSeconds) {
      if (s.last > merged.back().last) {
        merged.back().last = s.last;
        merged.back().last_file = std::move(s.last_file);
      }
      continue;
    }
    merged.push_back(std::move(s));
  }
  return merged;
}

std::string Day(int64_t t) { return maillog::FormatTime(t).substr(0, 10); }

}  // namespace

std::vector<CoverageGap> CoverageGaps(const Report& rep) {
  const std::vector<Span> spans = Spans(rep);
  std::vector<CoverageGap> gaps;
  if (spans.empty()) return gaps;
  if (rep.window_from != 0 && spans.front().first - rep.window_from > kMinGapSeconds) {
    gaps.push_back({rep.window_from, spans.front().first, "--since", spans.front().first_file});
  }
  for (size_t i = 1; i < spans.size(); ++i) {
    gaps.push_back({spans[i - 1].last, spans[i].first, spans[i - 1].last_file, spans[i].first_file});
  }
  // A window that ends in the future ends now: no log can hold what is
  // yet to be sent.
  const int64_t until = std::min<int64_t>(rep.window_to, std::time(nullptr));
  if (rep.window_to != 0 && until - spans.back().last > kMinGapSeconds) {
    gaps.push_back({spans.back().last, until, spans.back().last_file, "--until"});
  }
  return gaps;
}

std::vector<std::string> CoverageGapTexts(const Report& rep) {
  std::vector<std::string> out;
  for (const CoverageGap& g : CoverageGaps(rep)) {
    std::string t = "no log line for ";
    t += Counted(static_cast<uint64_t>((g.to - g.from) / (24 * 3600)), "day");
    t += ", from ";
    t += g.before == "--since" ? "the window's start (--since " + Day(g.from) + ")"
                               : maillog::FormatTime(g.from);
    t += " to ";
    // --until's day is counted whole: its end is the next day's start.
    t += g.after == "--until" ? "the window's end (--until " + Day(g.to - 1) + ")"
                              : maillog::FormatTime(g.to);
    t += " (";
    if (g.before != "--since") t += "after the last line of " + g.before;
    if (g.before != "--since" && g.after != "--until") t += ", ";
    if (g.after != "--until") t += "before the first line of " + g.after;
    t += "; a rotated file missing, or a window the logs do not reach)";
    out.push_back(std::move(t));
  }
  return out;
}

std::string CoveredDays(const Report& rep) {
  std::string out;
  const std::vector<Span> spans = Spans(rep);
  for (size_t i = 0; i < spans.size(); ++i) {
    out += i == 0 ? "" : i + 1 == spans.size() ? " and " : ", ";
    out += Day(spans[i].first) + " to " + Day(spans[i].last);
  }
  return out;
}

}  // namespace nearmiss::investigate

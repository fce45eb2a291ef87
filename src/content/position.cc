#include "content/position.h"

#include <array>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool StartsWithNoCaseAt(std::string_view s, std::size_t at, std::string_view prefix) {
  return at <= s.size() && StartsWithNoCase(s.substr(at), prefix);
}

// Reply and forward prefixes in the languages Outlook and Thunderbird emit.
constexpr std::array<std::string_view, 14> kReplyPrefixes = {
    "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "antw", "rv", "rif",
    "réf", "ref", "r"};

// Skips one "Re:" / "Fwd[2]:" at `at`; returns the new position or `at`.
std::size_t SkipReplyPrefix(std::string_view s, std::size_t at) {
  for (std::string_view p : kReplyPrefixes) {
    if (!StartsWithNoCaseAt(s, at, p)) continue;
    std::size_t i = at + p.size();
    if (i < s.size() && (s[i] == '[' || s[i] == '(')) {
      char close = s[i] == '[' ? ']' : ')';
      while (i < s.size() && s[i] != close) ++i;
      if (i < s.size()) ++i;
    }
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (i < s.size() && s[i] == ':') return i + 1;
  }
  return at;
}

std::size_t LineStart(std::string_view s, std::size_t at) {
  while (at > 0 && s[at - 1] != '\n' && s[at - 1] != '\f') --at;
  return at;
}

std::size_t LineEnd(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] != '\n' && s[at] != '\f') ++at;
  return at;
}

bool IsDecoration(char c) {
  return IsBlank(c) || c == '*' || c == '=' || c == '-' || c == '_' ||
         c == '#' || c == '[' || c == ']' || c == '(' || c == ')' || c == '<' ||
         c == '>' || c == '|';
}

bool OnlyDecoration(std::string_view s) {
  for (char c : s) {
    if (!IsDecoration(c)) return false;
  }
  return true;
}

bool IsBlankLine(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (!IsBlank(s[i])) return false;
  }
  return true;
}

// Counts non-blank lines strictly before `line_begin` on the same page,
// stopping once `limit` is reached.
int NonBlankLinesBefore(std::string_view s, std::size_t line_begin, int limit) {
  int count = 0;
  std::size_t end = line_begin;
  while (end > 0 && s[end - 1] == '\n' && count < limit) {
    std::size_t start = LineStart(s, end - 1);
    if (!IsBlankLine(s, start, end - 1)) ++count;
    end = start;
    if (start > 0 && s[start - 1] == '\f') break;
  }
  return count;
}

int NonBlankLinesAfter(std::string_view s, std::size_t line_end, int limit) {
  int count = 0;
  std::size_t begin = line_end;
  while (begin < s.size() && s[begin] == '\n' && count < limit) {
    std::size_t stop = LineEnd(s, begin + 1);
    if (!IsBlankLine(s, begin + 1, stop)) ++count;
    begin = stop;
  }
  return count;
}

constexpr std::array<std::string_view, 5> kLabelledLines = {
    "classification:", "security classification:", "protective marking:",
    "marking:", "sensitivity:"};

}  // namespace

bool IsSubjectMarking(std::string_view text, std::size_t begin,
                      std::size_t end) {
  std::size_t at = 0;
  for (;;) {
    while (at < text.size() && IsBlank(text[at])) ++at;
    std::size_t next = SkipReplyPrefix(text, at);
    if (next == at && at < begin && text[at] == '[') {
      // A tag such as "[EXT]" before the marking.
      std::size_t close = text.find(']', at);
      if (close != std::string_view::npos && close < begin) next = close + 1;
    }
    if (next == at) break;
    at = next;
  }
  while (at < begin && (text[at] == '[' || text[at] == '(' ||
                        text[at] == '*' || IsBlank(text[at]))) {
    ++at;
  }
  if (at == begin) return true;
  // Wrapped in brackets anywhere: "Budget [OFFICIAL-SENSITIVE]".
  std::size_t b = begin, e = end;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  while (e < text.size() && IsBlank(text[e])) ++e;
  return b > 0 && e < text.size() &&
         ((text[b - 1] == '[' && text[e] == ']') ||
          (text[b - 1] == '(' && text[e] == ')'));
}

bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  std::string_view before = text.substr(line_begin, begin - line_begin);
  std::string_view after = text.substr(end, line_end - end);
  std::size_t lead = 0;
  while (lead < before.size() && IsBlank(before[lead])) ++lead;
  for (std::string_view label : kLabelledLines) {
    std::size_t i = lead;
    if (StartsWithNoCaseAt(before, i, label) &&
        OnlyDecoration(before.substr(i + label.size()))) {
      return true;
    }
  }
  if (!OnlyDecoration(before) || !OnlyDecoration(after)) return false;
  return NonBlankLinesBefore(text, line_begin, kBannerLines) < kBannerLines ||
         NonBlankLinesAfter(text, line_end, kBannerLines) < kBannerLines;
}

bool IsAtParagraphStart(std::string_view text, std::size_t begin,
                        std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  if (!IsBlankLine(text, line_begin, begin)) return false;
  return end == text.size() || text[end] == ' ' || text[end] == '\n' ||
         text[end] == '\f';
}

}  // namespace nearmiss::content

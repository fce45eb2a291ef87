#include "content/position.h"

#include <array>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool StartsWithNoCaseAt(std::string_view s, std::size_t at, std::string_view prefix) {
  return at <= s.size() && StartsWithNoCase(s.substr(at), prefix);
}

// Reply and forward prefixes in the languages Outlook and Thunderbird emit,
// and the "EXT:" / "EXTERNAL:" that mail gateways put before them.
constexpr std::array<std::string_view, 16> kReplyPrefixes = {
    "re", "fw", "fwd", "aw", "wg", "tr", "sv", "vs", "antw", "rv", "rif",
    "réf", "ref", "r", "ext", "external"};

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

// A list enumerator before a portion mark: "1.", "1.2", "a.", "b)", "(1)",
// "(iv)", "iv.", "-", "*", "•" (DoDM 5200.01 Vol 2 and the CAPCO manual mark
// numbered and lettered paragraphs and bullets the same way: the portion
// mark follows the number). Returns the position after it and its blanks,
// or `at` when there is none.
std::size_t SkipEnumerator(std::string_view s, std::size_t at,
                           std::size_t limit) {
  std::size_t i = at;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (i < limit && (s[i] == '-' || s[i] == '*' || s[i] == '>')) {
    ++i;
  } else if (limit - i >= 3 && s.substr(i, 3) == "\u2022") {
    i += 3;
  } else if (i < limit && s[i] == '(') {
    std::size_t j = i + 1;
    while (j < limit && j - i <= 5 && (is_digit(s[j]) || is_alpha(s[j]))) ++j;
    if (j == i + 1 || j >= limit || s[j] != ')') return at;
    i = j + 1;
  } else if (i < limit && is_digit(s[i])) {
    while (i < limit && (is_digit(s[i]) || s[i] == '.')) ++i;
    if (i < limit && s[i] == ')') ++i;
  } else {
    // A letter or a short roman numeral: "a.", "B)", "iv.".
    std::size_t j = i;
    while (j < limit && j - i < 4 && is_alpha(s[j])) ++j;
    if (j == i || j >= limit || (s[j] != '.' && s[j] != ')')) return at;
    i = j + 1;
  }
  if (i >= limit || !IsBlank(s[i])) return at;
  while (i < limit && IsBlank(s[i])) ++i;
  return i;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (StartsWithNoCase(haystack.substr(i), needle)) return true;
  }
  return false;
}

// Words of an email disclaimer ("This e-mail is intended only for the
// addressee; if you received it in error ..."): a lone "CONFIDENTIAL" over
// such a paragraph heads a legal footer, not a classified message.
constexpr std::array<std::string_view, 6> kDisclaimerWords = {
    "intended", "addressee", "privileged", "in error", "disclaimer",
    "received this"};

// Whether the next line after `line_end` with words on it (rules such as
// "---" skipped) reads as a disclaimer.
bool DisclaimerFollows(std::string_view s, std::size_t line_end) {
  std::size_t at = line_end;
  std::string_view next;
  while (at < s.size() && s[at] != '\f') {
    if (s[at] == '\n') ++at;
    std::size_t stop = LineEnd(s, at);
    next = s.substr(at, stop - at);
    at = stop;
    if (!OnlyDecoration(next)) break;
  }
  for (std::string_view w : kDisclaimerWords) {
    if (ContainsNoCase(next, w)) return true;
  }
  return false;
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
    if (next == at && at < begin &&
        (text[at] == '[' || text[at] == '(' || text[at] == '*')) {
      // A gateway tag before the marking: "[EXTERNAL]", "(EXT)", "*EXT*".
      char close_char = text[at] == '[' ? ']' : text[at] == '(' ? ')' : '*';
      std::size_t close = text.find(close_char, at + 1);
      if (close != std::string_view::npos && close < begin) {
        next = close + 1;
        while (next < text.size() && text[next] == '*') ++next;
      }
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
  if (DisclaimerFollows(text, line_end)) return false;
  return NonBlankLinesBefore(text, line_begin, kBannerLines) < kBannerLines ||
         NonBlankLinesAfter(text, line_end, kBannerLines) < kBannerLines;
}

bool FollowedBySeparator(std::string_view text, std::size_t end) {
  while (end < text.size() && IsBlank(text[end])) ++end;
  if (end == text.size()) return true;
  switch (text[end]) {
    case ':': case ';': case ',': case '-': case '/': case '|': case ']':
    case ')': case '.': case '\n': case '\f':
      return true;
    default:
      return false;
  }
}

bool IsAtParagraphStart(std::string_view text, std::size_t begin,
                        std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t at = line_begin;
  while (at < begin && IsBlank(text[at])) ++at;
  if (at < begin) at = SkipEnumerator(text, at, begin);
  if (at != begin) return false;
  if (end == text.size() || text[end] == '\n' || text[end] == '\f') {
    return true;
  }
  if (text[end] != ' ') return false;
  std::size_t next = end;
  while (next < text.size() && IsBlank(text[next])) ++next;
  if (next == text.size() || text[next] == '\n') return true;
  // One-letter marks collide with everyday text: "(S) small" on a size
  // chart, "(C) grade", "(C) 2025 Example Ltd". Longer marks ((TS), (NS),
  // (S//NF)) do not, and slide bullets after them may start lower case.
  if (end - begin > 3) return true;
  // A portion is a sentence: it starts with a capital, a digit or a quote.
  char c = text[next];
  bool sentence = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '"' || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
  if (!sentence) return false;
  // "(C) 2025 Example Ltd" and "(C) Crown copyright" are copyright lines.
  if (next + 4 <= text.size() && (text[next] == '1' || text[next] == '2') &&
      text[next + 1] >= '0' && text[next + 1] <= '9' &&
      text[next + 2] >= '0' && text[next + 2] <= '9' &&
      text[next + 3] >= '0' && text[next + 3] <= '9') {
    return false;
  }
  std::string_view line = text.substr(next, LineEnd(text, next) - next);
  return !ContainsNoCase(line, "copyright") &&
         !ContainsNoCase(line, "rights reserved");
}

}  // namespace nearmiss::content

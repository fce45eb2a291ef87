// A person's clearance as a CV writes it (cv_clearance.h).
#include "content/cv_clearance.h"

#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A clearance's status as CVs and vetting records write it.
constexpr std::array<std::string_view, 16> kStatusWords = {
    "active",  "current", "inactive", "expired", "lapsed",  "eligible",
    "reinstatable", "adjudicated", "granted", "interim", "final", "valid",
    "held", "dormant", "pending", "reinstated"};

// Section headings of a CV (résumé), alone on their line.
constexpr std::array<std::string_view, 28> kCvHeadings = {
    "experience", "work experience", "professional experience", "education",
    "employment", "employment history", "work history", "skills", "summary",
    "professional summary", "certifications", "qualifications", "profile",
    "career history", "security clearance", "clearance", "objective",
    "career objective", "professional profile", "key skills", "technical skills",
    "references", "languages", "achievements", "awards", "military service",
    "projects", "publications"};

// Lines of a CV's header block looked at on each side of the match, the
// longest such line, and the lines after the block searched for a heading:
// the bounds keep the look constant per match.
constexpr int kBlockLines = 8;
constexpr std::size_t kMaxHeaderLineBytes = 80;
constexpr int kHeadingSearchLines = 60;

bool WordAt(std::string_view text, std::size_t at, std::string_view word) {
  if (!StartsWithNoCaseAt(text, at, word)) return false;
  std::size_t after = at + word.size();
  return after == text.size() || !IsAlpha(text[after]);
}

bool IsStatusWord(std::string_view text, std::size_t at) {
  for (std::string_view w : kStatusWords) {
    if (WordAt(text, at, w)) return true;
  }
  return false;
}

std::string_view Trimmed(std::string_view line) {
  while (!line.empty() && IsBlank(line.front())) line.remove_prefix(1);
  while (!line.empty() && (IsBlank(line.back()) || line.back() == ':')) line.remove_suffix(1);
  return line;
}

bool IsCvHeading(std::string_view line) {
  line = Trimmed(line);
  for (std::string_view h : kCvHeadings) {
    if (line.size() == h.size() && StartsWithNoCaseAt(line, 0, h)) return true;
  }
  return false;
}

// Contact details of a header block: an address ("sam@example.org"), a
// phone number (seven digits or more), a profile link.
bool ContactLine(std::string_view line) {
  int digits = 0;
  for (char c : line) digits += c >= '0' && c <= '9';
  return line.find('@') != std::string_view::npos || digits >= 7 ||
         ContainsNoCase(line, "linkedin");
}

}  // namespace

std::size_t ClearanceQualifierEnd(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i < text.size() && IsBlank(text[i])) ++i;
  const std::size_t line_end = LineEnd(text, i);
  if (i < line_end && text[i] == '(') {
    std::size_t close = text.find(')', i);
    if (close == std::string_view::npos || close > line_end) return at;
    // Any word of the bracket: "(active)", "(Active, with CI Poly)",
    // "(CI polygraph)".
    for (std::size_t w = i + 1; w < close; ++w) {
      if (IsAlpha(text[w - 1]) || !IsAlpha(text[w])) continue;
      if (IsStatusWord(text.substr(0, close), w) || WordAt(text.substr(0, close), w, "poly") ||
          WordAt(text.substr(0, close), w, "polygraph")) {
        return close + 1;
      }
    }
    return at;
  }
  // "TS/SCI - active", "TOP SECRET/SCI, current": the status after a
  // separator.
  if (i < line_end && (text[i] == '-' || text[i] == ',')) {
    std::size_t w = i + 1;
    while (w < line_end && IsBlank(text[w])) ++w;
    if (IsStatusWord(text.substr(0, line_end), w)) {
      while (w < line_end && IsAlpha(text[w])) ++w;
      return w;
    }
  }
  // "TS/SCI with CI polygraph", "TS/SCI w/ Full Scope Poly": the rest of
  // the line qualifies the clearance.
  if (i > at && (WordAt(text, i, "with") || StartsWithNoCaseAt(text, i, "w/")) &&
      ContainsNoCase(text.substr(i, line_end - i), "poly")) {
    return line_end;
  }
  return at;
}

bool StatusWordBefore(std::string_view text, std::size_t begin) {
  const std::size_t line_begin = LineStart(text, begin);
  std::size_t e = begin;
  while (e > line_begin && IsBlank(text[e - 1])) --e;
  if (e == begin) return false;
  std::size_t w = e;
  while (w > line_begin && IsAlpha(text[w - 1])) --w;
  if (w == e || (w > line_begin && !IsBlank(text[w - 1]))) return false;
  return IsStatusWord(text.substr(0, e), w);
}

bool InCvHeaderBlock(std::string_view text, std::size_t begin, std::size_t end) {
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, begin);
  if (end > line_end || !IsBlankLine(text, end, line_end)) return false;
  std::size_t lead = line_begin;
  while (lead < begin && IsBlank(text[lead])) ++lead;
  lead = SkipListBullet(text, lead, begin);
  if (!IsBlankLine(text, lead, begin)) return false;
  // The block: the lines with words around the match, up to a blank line.
  bool signal = false;
  int lines = 0;
  std::size_t block_end = line_end;
  for (bool down : {false, true}) {
    std::size_t b = line_begin, e = line_end;
    for (int n = 0; n < kBlockLines; ++n) {
      if (down) {
        if (e >= text.size()) break;
        b = e + 1;
        e = LineEnd(text, b);
      } else {
        if (b == 0) break;
        e = b - 1;
        b = LineStart(text, e);
      }
      if (IsBlankLine(text, b, e)) break;
      std::string_view line = text.substr(b, e - b);
      if (line.size() > kMaxHeaderLineBytes) return false;  // prose, not a header
      ++lines;
      signal = signal || ContactLine(line) || RoleWordOnLine(text, b, e);
      if (down) block_end = e;
    }
  }
  if (lines == 0) return false;
  if (signal) return true;
  // Or the text goes on with a CV's sections.
  std::size_t b = block_end;
  for (int n = 0; n < kHeadingSearchLines && b < text.size(); ++n) {
    ++b;
    std::size_t e = LineEnd(text, b);
    if (e - b <= kMaxHeaderLineBytes && IsCvHeading(text.substr(b, e - b))) return true;
    b = e;
  }
  return false;
}

}  // namespace nearmiss::content

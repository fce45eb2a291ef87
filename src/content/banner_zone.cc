#include "content/banner_zone.h"

#include <algorithm>

#include "content/legend_words.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Lines of a sign-off with no blank line above it: a closing word and a name.
constexpr int kMaxSignOffLines = 2;
// A disclaimer may run longer than a signature.
constexpr int kMaxDisclaimerLines = 16;
// Lines looked at after a match at most: those that count (kBannerLines,
// position.h) plus the closing and disclaimer; ZoneLinesAfter's window.
constexpr int kLookAhead = 40;

int Words(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    bool blank = IsBlank(c);
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

std::string_view Trim(std::string_view line) {
  while (!line.empty() && (IsBlank(line.front()) || line.front() == '\r')) {
    line.remove_prefix(1);
  }
  while (!line.empty() && (IsBlank(line.back()) || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

// Where the text a sender wrote ends: the signature delimiter "-- " (RFC
// 3676 4.3; also without its blank), a quoted reply's header line and the
// header fields a client quotes above the original ("From:", "Sent:", ...).
bool IsBoundary(std::string_view raw) {
  if (raw == "-- " || raw == "--") return true;
  std::string_view line = Trim(raw);
  for (std::string_view field :
       {"From: ", "Sent: ", "To: ", "Cc: ", "Date: ", "Subject: "}) {
    if (line.starts_with(field)) return true;
  }
  if (line.size() > 6 && line.ends_with("wrote:")) return true;
  return line.starts_with("-----") &&
         (ContainsNoCase(line, "original message") ||
          ContainsNoCase(line, "forwarded message"));
}

// How deeply a line is quoted: the '>' marks in its leading run of quote
// marks and blanks ("> > x" and ">> x" are both 2; RFC 3676 4.5 writes
// them unspaced, clients and people space them).
int QuoteDepth(std::string_view s, std::size_t start) {
  int depth = 0;
  for (std::size_t i = start; i < s.size() && s[i] != '\n'; ++i) {
    if (s[i] == '>') {
      ++depth;
    } else if (!IsBlank(s[i])) {
      break;
    }
  }
  return depth;
}

// "Bob,", "Hi all,", "Dear Ms Jones,", "Hello team!": a short first line
// ending in a comma or an exclamation mark.
bool IsGreeting(std::string_view raw) {
  std::string_view line = Trim(raw);
  return !line.empty() && (line.back() == ',' || line.back() == '!') &&
         Words(line) <= 5;
}

// A closing or signature line: short, and not a sentence ("Thanks,",
// "Alice Smith", "J3 Plans Officer", "Tel 01234 567890").
// A signature written on one line with its fields split by '|' ("Jo
// Bloggs | Head of Logistics | Ministry of Defence | 020 7218 9000") is
// read field by field.
bool IsClosingLine(std::string_view raw) {
  std::string_view line = Trim(raw);
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '?' || last == ';' || last == ':') return false;
  for (;;) {
    std::size_t bar = line.find(" | ");
    std::string_view field = Trim(line.substr(0, bar));
    if (field.size() > 72 || Words(field) > 8) return false;
    if (bar == std::string_view::npos) return true;
    line.remove_prefix(bar + 3);
  }
}

}  // namespace

int ZoneLinesBefore(std::string_view s, std::size_t line_begin, int limit) {
  int count = 0;
  std::size_t end = line_begin;
  std::size_t first_start = line_begin;  // the topmost non-blank line seen
  bool reached_top = false;
  const int depth = QuoteDepth(s, line_begin);
  for (;;) {
    // The text's start, a form feed before the line, or a boundary line.
    if (end == 0 || s[end - 1] != '\n') {
      reached_top = true;
      break;
    }
    if (count > limit) break;
    std::size_t start = LineStart(s, end - 1);
    if (IsBoundary(s.substr(start, end - 1 - start))) {
      reached_top = true;
      break;
    }
    // A line quoted to another depth is another message's text: the quoted
    // message starts at the first line of this depth, with or without an
    // attribution line ("Bob wrote:") above it (issue 13, round 34 item 8).
    if (!IsBlankLine(s, start, end - 1) && QuoteDepth(s, start) != depth) {
      reached_top = true;
      break;
    }
    if (!IsBlankLine(s, start, end - 1) &&
        !IsRuleLine(s.substr(start, end - 1 - start))) {
      ++count;
      first_start = start;
    }
    end = start;
  }
  // A greeting on the first line of the page: the top banner follows it.
  if (reached_top && count > 0 &&
      IsGreeting(s.substr(first_start, LineEnd(s, first_start) - first_start))) {
    --count;
  }
  return count < limit ? count : limit;
}

int ZoneLinesAfter(std::string_view s, std::size_t line_end, int limit) {
  // The non-blank lines after the match up to the page's end or a boundary,
  // grouped in blank-separated blocks: block_of[i] is the i-th line's block,
  // own_paragraph[i] whether no blank line came before it (the match's own
  // paragraph is text, never a closing: "SECRET\ne\nf" is a heading over
  // its paragraph). Lines are only located here; they are read below, and
  // only when the page ends within the window (most matches stop early).
  const int window =
      std::min(kLookAhead, limit + kMaxClosingLines + kMaxDisclaimerLines);
  std::size_t line_begin[kLookAhead];
  std::size_t line_stop[kLookAhead];
  int block_of[kLookAhead];
  bool own_paragraph[kLookAhead];
  int lines = 0, block = 0;
  bool seen_blank = false;
  bool at_signature = false;  // the lines end at a "-- " delimiter
  std::size_t begin = line_end;
  const int depth = QuoteDepth(s, LineStart(s, std::min(line_end, s.size())));
  for (;;) {
    if (begin >= s.size() || s[begin] != '\n') break;  // text end, form feed
    std::size_t stop = LineEnd(s, begin + 1);
    std::string_view line = s.substr(begin + 1, stop - begin - 1);
    std::size_t start = begin + 1;
    begin = stop;
    if (IsBoundary(line)) {
      at_signature = line == "-- " || line == "--";
      break;
    }
    // The quoted message ends where the quote depth changes.
    if (!IsBlankLine(line, 0, line.size()) && QuoteDepth(s, start) != depth) break;
    if (IsBlankLine(line, 0, line.size()) || IsRuleLine(line)) {
      if (lines > 0 && block_of[lines - 1] == block) ++block;
      seen_blank = true;
      continue;
    }
    if (lines == window) return limit;  // far from the page's end
    line_begin[lines] = start;
    line_stop[lines] = stop;
    block_of[lines] = block;
    own_paragraph[lines] = !seen_blank;
    ++lines;
  }
  // Drop closing blocks from the end: each all closing lines (a signature)
  // or a block with disclaimer words, within the bounds on their length.
  int closing_lines = 0, disclaimer_lines = 0;
  int kept = lines;
  while (kept > 0) {
    int first = kept - 1;
    while (first > 0 && block_of[first - 1] == block_of[kept - 1]) --first;
    int n = kept - first;
    // A sign-off typed straight under the banner ("SECRET\nAlice\n-- "): a
    // name or "Thanks,\nAlice" just above the delimiter closes the text
    // even with no blank line between.
    bool sign_off = at_signature && kept == lines && n <= kMaxSignOffLines;
    if (own_paragraph[first] && !sign_off) break;
    bool all_closing = true, any_disclaimer = false;
    for (int i = first; i < kept; ++i) {
      std::string_view line =
          s.substr(line_begin[i], line_stop[i] - line_begin[i]);
      all_closing = all_closing && IsClosingLine(line);
      any_disclaimer =
          any_disclaimer || HasDisclaimerWords(line) || HasFooterNotice(line);
    }
    if (any_disclaimer && disclaimer_lines + n <= kMaxDisclaimerLines) {
      disclaimer_lines += n;
    } else if (all_closing && closing_lines + n <= kMaxClosingLines) {
      closing_lines += n;
    } else {
      break;
    }
    kept = first;
  }
  return kept < limit ? kept : limit;
}

}  // namespace nearmiss::content

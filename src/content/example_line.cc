// SetOutAsExample (example_line.h).
#include "content/example_line.h"

#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Keys that set a marking out as an example on their own line.
// "Right:", "Also correct:" pair with "Wrong:" and "Correct:" in a
// training note (round 59b's tester 13, finding 5).
constexpr std::array<std::string_view, 14> kExampleKeys = {
    "correct", "incorrect", "wrong", "right", "also correct", "also right", "also incorrect",
    "also wrong", "not correct", "example", "examples", "for example", "e.g.", "eg"};

// Words of an introducing line that name what follows an example.
constexpr std::array<std::string_view, 5> kExampleWords = {"example", "examples", "e.g.", "eg",
                                                           "instance"};

// The lines an example may run to under its introducing line: a banner,
// a portion or two and the banner again.
constexpr int kExampleLines = 6;

bool WordChar(char c) { return IsAlpha(c) || IsDigit(c); }

// `word` whole in `line`, case folded ("e.g." ends in a '.', which stops a
// word too).
bool HasWord(std::string_view line, std::string_view word) {
  for (std::size_t at = 0; at + word.size() <= line.size(); ++at) {
    if (at > 0 && WordChar(line[at - 1])) continue;
    if (!StartsWithNoCaseAt(line, at, word)) continue;
    const std::size_t next = at + word.size();
    if (next >= line.size() || !WordChar(line[next]) || !WordChar(word.back())) return true;
  }
  return false;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A line that introduces an example: it ends in ':' and names one.
bool IntroducesExample(std::string_view line) {
  line = Trimmed(line);
  if (line.empty() || line.back() != ':') return false;
  line.remove_suffix(1);
  for (std::string_view w : kExampleWords) {
    if (HasWord(line, w)) return true;
  }
  return false;
}

// s[from, to) is a list bullet and blanks only, or nothing.
bool OnlyBullet(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t at = from;
  while (at < to && IsBlank(s[at])) ++at;
  at = SkipListBullet(s, at, to);
  return IsBlankLine(s, at, to);
}

// s[from, to) is one of kExampleKeys then ':' (or "e.g." alone), a list
// bullet and blanks around it.
bool ExampleKey(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t at = from;
  while (at < to && IsBlank(s[at])) ++at;
  at = SkipListBullet(s, at, to);
  while (at < to && IsBlank(s[at])) ++at;
  std::string_view key = Trimmed(s.substr(at, to - at));
  if (!key.empty() && key.back() == ':') key.remove_suffix(1);
  key = Trimmed(key);
  for (std::string_view k : kExampleKeys) {
    if (key.size() == k.size() && StartsWithNoCaseAt(key, 0, k)) return true;
  }
  return false;
}

}  // namespace

bool SetOutAsExample(std::string_view text, std::size_t begin) {
  std::size_t line_begin = LineStart(text, begin);
  if (!OnlyBullet(text, line_begin, begin)) return ExampleKey(text, line_begin, begin);
  // Up through the example's lines, one blank run allowed between them and
  // the introducing line.
  bool blank_seen = false;
  for (int seen = 0; seen < kExampleLines && line_begin > 0 && text[line_begin - 1] == '\n';) {
    const std::size_t above = LineStart(text, line_begin - 1);
    std::string_view line = text.substr(above, line_begin - 1 - above);
    line_begin = above;
    if (IsBlankLine(line, 0, line.size()) || Trimmed(line).empty()) {
      if (seen == 0) {
        blank_seen = true;
        continue;
      }
      return false;  // the paragraph above the example's ends here
    }
    // "Incorrect:" over "Secret//Noforn": a key on its own line above,
    // with its ':', sets out the lines under it as the key on the line
    // does ("Correct: SECRET//NOFORN").
    if (IntroducesExample(line) ||
        (Trimmed(line).ends_with(':') && ExampleKey(line, 0, line.size()))) {
      return true;
    }
    if (blank_seen) return false;  // the line above the blank introduces nothing
    ++seen;
  }
  return false;
}

}  // namespace nearmiss::content

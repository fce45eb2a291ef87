// TypedPlainly (typed_plainly.h), split from marking_strength.cc.
#include "content/typed_plainly.h"

#include "content/line_text.h"

namespace nearmiss::content {

namespace {

// "S  E  C  R  E  T" (two blanks) matches the letter-spaced form as
// written, with nothing normalised: a one-letter word says it.
bool LetterSpaced(std::string_view text, const RawMatch& m) {
  for (std::size_t i = m.begin; i < m.end; ++i) {
    bool alone = IsAlpha(text[i]) && (i == m.begin || !IsAlpha(text[i - 1])) &&
                 (i + 1 == m.end || !IsAlpha(text[i + 1]));
    if (alone) return true;
  }
  return false;
}

// The line of the input that is the match's line of `text`, or false when
// the line numbers do not agree. Moves the scratch's line cursor.
bool InputLine(const Scratch::Rep& s, std::string_view text, std::size_t at,
               std::string_view* line_out) {
  std::string_view input = s.input;
  // Count on from the last call (matches come in order); start over only
  // when this match lies before it.
  if (at < s.typed_at) s.typed_at = s.typed_input = 0;
  std::size_t line = 0;
  for (std::size_t i = s.typed_at; i < at; ++i) line += text[i] == '\n' ? 1 : 0;
  std::size_t b = s.typed_input;
  for (std::size_t i = b; i < input.size() && line > 0; ++i) {
    bool lone_cr = input[i] == '\r' && (i + 1 == input.size() || input[i + 1] != '\n');
    if ((input[i] == '\n' || lone_cr) && --line == 0) b = i + 1;
  }
  if (line > 0) return false;
  s.typed_at = LineStart(text, at);
  s.typed_input = b;
  std::size_t e = b;
  while (e < input.size() && input[e] != '\n' && input[e] != '\r') ++e;
  *line_out = input.substr(b, e - b);
  return true;
}

}  // namespace

bool TypedPlainly(const Scratch::Rep& s, std::string_view text,
                  const RawMatch& m) {
  if (LetterSpaced(text, m)) return false;
  std::size_t at = m.begin;
  if (s.input.data() == text.data()) return true;
  std::string_view typed;
  if (!InputLine(s, text, at, &typed)) return false;
  auto trim = [](std::string_view s) {
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
    return s;
  };
  std::size_t tb = LineStart(text, at);
  return trim(typed) == trim(text.substr(tb, LineEnd(text, at) - tb));
}

bool WordTypedPlainly(const Scratch::Rep& s, std::string_view text,
                      const RawMatch& m) {
  if (LetterSpaced(text, m)) return false;
  if (s.input.data() == text.data()) return true;
  std::string_view typed;
  if (!InputLine(s, text, m.begin, &typed)) return false;
  std::string_view word = text.substr(m.begin, m.end - m.begin);
  while (!word.empty() && IsBlank(word.back())) word.remove_suffix(1);
  return typed.find(word) != std::string_view::npos;
}

}  // namespace nearmiss::content

// Option lists beside bare portion marks (portion_options.h).
#include "content/portion_options.h"

#include <algorithm>

#include "content/line_text.h"
#include "content/portion_enumerator.h"

namespace nearmiss::content {
namespace {

constexpr std::string_view kSizes[] = {"M",   "L",   "XS",  "XL",
                                       "XXS", "XXL", "2XL", "3XL"};

bool IsSize(std::string_view inner) {
  return std::find(std::begin(kSizes), std::end(kSizes), inner) !=
         std::end(kSizes);
}

// A single capital that no pack's portion mark is.
bool IsOptionLetter(std::string_view inner) {
  return inner.size() == 1 && IsUpper(inner[0]) && inner[0] != 'U' &&
         inner[0] != 'C' && inner[0] != 'S' && inner[0] != 'O';
}

// The label "(X)" at `i` without its brackets and blanks, or empty; sets
// *close to its ')'.
std::string_view LabelAt(std::string_view text, std::size_t i,
                         std::size_t limit, std::size_t* close) {
  if (i >= limit || text[i] != '(') return {};
  std::size_t c =
      text.substr(i, std::min<std::size_t>(8, limit - i)).find(')');
  if (c == std::string_view::npos) return {};
  *close = i + c;
  std::string_view inner = text.substr(i + 1, c - 1);
  while (!inner.empty() && IsBlank(inner.front())) inner.remove_prefix(1);
  while (!inner.empty() && IsBlank(inner.back())) inner.remove_suffix(1);
  return inner;
}

// Where the bracketed group opening the line [b, e) starts, after blanks
// and a paragraph number or bullet, or npos.
std::size_t OpeningGroup(std::string_view text, std::size_t b, std::size_t e) {
  while (b < e && IsBlank(text[b])) ++b;
  if (b < e && text[b] == '(') return b;
  std::size_t after = SkipEnumerator(text, b, e);
  return after != b && after < e && text[after] == '(' ? after
                                                      : std::string_view::npos;
}

// Words holding a letter in `s`.
int Words(std::string_view s) {
  int words = 0;
  bool in_word = false, letter = false;
  for (char c : s) {
    if (IsBlank(c)) {
      words += in_word && letter;
      in_word = letter = false;
      continue;
    }
    in_word = true;
    letter = letter || IsAlpha(c);
  }
  return words + (in_word && letter);
}

// A short value between two labels of one line: "36-38 / ", "Mars ".
constexpr int kValueWords = 3;

struct Tally {
  int sizes = 0;
  int letters = 0;
  bool next_letter = false;
  // The mark is a multiple-choice answer letter ("(C)", A to E) and so is
  // another label of its list: an answer key of two lines, "1. (C) ...\n2.
  // (A) ...", is a list of answers as one of three is (round 47's tester
  // 13, finding 9). "(S)" beside "(A)" is not: S is no answer letter.
  bool answer_letter = false;
};

bool IsAnswerLetter(char c) { return c >= 'A' && c <= 'E'; }

void Count(std::string_view inner, char mark_letter, Tally* t) {
  if (IsSize(inner)) {
    ++t->sizes;
  } else if (IsOptionLetter(inner)) {
    ++t->letters;
    t->next_letter = t->next_letter ||
                     (mark_letter != 0 && (inner[0] == mark_letter + 1 ||
                                           inner[0] == mark_letter - 1));
    t->answer_letter = t->answer_letter || (IsAnswerLetter(mark_letter) && IsAnswerLetter(inner[0]));
  }
}

}  // namespace

bool InOptionList(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view mark = text.substr(begin, end - begin);
  char mark_letter = mark.size() == 3 ? mark[1] : 0;
  Tally tally;
  // The mark's own line: labels, not glued to a word, with a short value
  // between each and its neighbour ("(S) 36-38 / (M) 40-42", "(A) Mars (B)
  // Venus (C) Jupiter"). The first kLineLabels are read.
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  constexpr int kLineLabels = 16;
  std::size_t open[kLineLabels], close[kLineLabels];
  bool listed[kLineLabels] = {};
  int n = 0;
  for (std::size_t i = line_begin; i < line_end && n < kLineLabels; ++i) {
    std::size_t c = 0;
    if (LabelAt(text, i, line_end, &c).empty()) continue;
    bool glued = i > line_begin && (IsAlpha(text[i - 1]) || IsDigit(text[i - 1]));
    if (!glued) {
      open[n] = i;
      close[n++] = c;
    }
    i = c;
  }
  for (int k = 0; k + 1 < n; ++k) {
    std::string_view gap = text.substr(close[k] + 1, open[k + 1] - close[k] - 1);
    if (Words(gap) <= kValueWords) listed[k] = listed[k + 1] = true;
  }
  for (int k = 0; k < n; ++k) {
    std::size_t c = 0;
    if (listed[k] && open[k] != begin) {
      Count(LabelAt(text, open[k], line_end, &c), mark_letter, &tally);
    }
  }
  // Lines above and below while they continue the block of labelled lines.
  for (int way = -1; way <= 1; way += 2) {
    std::size_t b = line_begin, e = line_end;
    for (int n = 0; n < kOptionLines; ++n) {
      if (way < 0) {
        if (b == 0 || text[b - 1] != '\n') break;
        e = b - 1;
        b = LineStart(text, e);
      } else {
        if (e >= text.size() || text[e] != '\n') break;
        b = e + 1;
        e = LineEnd(text, b);
      }
      if (IsBlankLine(text, b, e)) continue;
      std::size_t at = OpeningGroup(text, b, e);
      if (at == std::string_view::npos) break;
      std::size_t close = 0;
      Count(LabelAt(text, at, e, &close), mark_letter, &tally);
    }
  }
  return tally.sizes > 0 || tally.letters >= 2 || tally.next_letter || tally.answer_letter;
}

}  // namespace nearmiss::content

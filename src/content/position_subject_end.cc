// Positions at a subject's end and after a leading marking (position.h:
// BetweenSeparators, TrailsSubject, EndsSubjectUnseparated,
// PortionEndsSubject, and the reading of the words after a marking), split
// from position_subject.cc.
#include <array>

#include "content/banner_tail.h"
#include "content/line_text.h"
#include "content/compound_hyphen.h"
#include "content/position.h"
#include "content/subject_complement.h"

namespace nearmiss::content {
namespace {

bool IsSubjectSeparator(char c) {
  return c == '-' || c == '|' || c == '/' || c == '[' || c == ']' ||
         c == '(' || c == ')' || c == ':';
}

// A closing tag at [*from, end) of `s`: "[EXTERNAL]", "(EXT)", "{Ext}",
// "<EXT>", "*EXT*", "(2)": a bracketed group of at most three words with
// no sentence in it. Moves *end to the group's start.
bool StripClosingTag(std::string_view s, std::size_t from, std::size_t* end) {
  std::size_t e = *end;
  if (e == from) return false;
  char close = s[e - 1];
  char open = close == ']' ? '[' : close == ')' ? '(' : close == '}' ? '{'
            : close == '>' ? '<' : close == '*' ? '*' : 0;
  if (open == 0) return false;
  std::size_t i = e - 1;
  while (i > from && s[i - 1] == close && close == '*') --i;  // "**EXT**"
  std::size_t o = i;
  int words = 1;
  while (o > from && s[o - 1] != open) {
    char c = s[o - 1];
    if (c == '.' || c == ',' || c == '!' || c == '?' || c == '\n') return false;
    if (IsBlank(c)) ++words;
    --o;
  }
  if (o == from || o == i || words > 3) return false;
  --o;
  while (o > from && s[o - 1] == open && open == '*') --o;
  *end = o;
  return true;
}

// A version or copy word closing a subject: "v2", "V1.2", "#3", "draft".
bool StripVersionWord(std::string_view s, std::size_t from, std::size_t* end) {
  std::size_t e = *end, w = e;
  while (w > from && !IsBlank(s[w - 1])) --w;
  if (w == e || w == from) return false;
  std::string_view word = s.substr(w, e - w);
  auto digits = [](std::string_view d) {
    if (d.empty() || !IsDigit(d.front())) return false;
    for (char c : d) {
      if (!IsDigit(c) && c != '.') return false;
    }
    return true;
  };
  bool version = ((word.front() == 'v' || word.front() == 'V' || word.front() == '#') &&
                  digits(word.substr(1))) ||
                 (word.size() == 5 && StartsWithNoCaseAt(word, 0, "draft"));
  if (!version) return false;
  *end = w;
  return true;
}

}  // namespace

std::size_t SubjectDecorationStart(std::string_view text, std::size_t end) {
  std::size_t e = text.size();
  for (;;) {
    std::size_t before = e;
    while (e > end && (IsBlank(text[e - 1]) || text[e - 1] == '-' || text[e - 1] == '|')) {
      // A separator only with a blank before it ("SECRET - v2"), not a
      // hyphenated word.
      if (!IsBlank(text[e - 1]) && (e - 1 == end || !IsBlank(text[e - 2]))) break;
      --e;
    }
    if (!StripClosingTag(text, end, &e)) StripVersionWord(text, end, &e);
    if (e == before) break;
  }
  while (e > end && IsBlank(text[e - 1])) --e;
  // A control of the register or a descriptor between the match and the
  // decorations ("plan - SECRET TK [EXTERNAL]": banner_tail.h).
  if (e > end && ReadBannerTail(text.substr(end, e - end), false) == BannerTail::kKnown) {
    return end;
  }
  return e;
}

bool BetweenSeparators(std::string_view text, std::size_t begin,
                       std::size_t end) {
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  std::size_t run = b;
  while (run > 0 && IsSubjectSeparator(text[run - 1])) --run;
  // A separator run with a blank before it: not "Anti-SECRET" or
  // "a/SECRET"; a colon is written glued to its word ("Plan: SECRET - v2").
  if (run == b || run == 0) return false;
  if (!IsBlank(text[run - 1]) && text.substr(run, b - run) != ":") return false;
  // Glued to the marking only as the banner's "//" ("plan //SECRET").
  if (b == begin && text.substr(run, b - run) != "//") return false;
  std::size_t e = end;
  while (e < text.size() && IsBlank(text[e])) ++e;
  if (e == text.size() || SubjectDecorationStart(text, end) == end) return true;
  if (!IsSubjectSeparator(text[e])) return false;
  while (e < text.size() && IsSubjectSeparator(text[e])) ++e;
  return e == text.size() || IsBlank(text[e]);
}

bool TrailsSubject(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t e = end;
  while (e < text.size() && (IsBlank(text[e]) || text[e] == '*')) ++e;
  if (e != text.size() && SubjectDecorationStart(text, end) != end) return false;
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  if (b == 0 || b == begin) return false;  // a blank must follow the separator
  char sep = text[b - 1];
  if (sep == ':' || sep == '|') return b > 1;
  // A dash or dashes ("plan - SECRET", "plan -- SECRET") or a slash ("plan
  // / SECRET") with a blank before it, not a hyphenated word or a path.
  if (sep == '/') return b > 1 && IsBlank(text[b - 2]);
  if (sep != '-') return false;
  --b;
  while (b > 0 && text[b - 1] == '-') --b;
  return b > 0 && IsBlank(text[b - 1]);
}

namespace {

// Words after which a level word at a subject's end is the object of a
// phrase ("Our best kept SECRET", "The big SECRET", "Victoria's SECRET"),
// not a marking; "NOT SECRET", "NON RESTRICTED" deny it.
constexpr std::array<std::string_view, 25> kPhraseWords = {
    "the", "a", "an", "our", "my", "your", "his", "her", "their", "its",
    "this", "that", "little", "big", "kept", "best", "it", "is", "be",
    "so", "was", "are", "not", "non", "no"};

// The verbs that make a sentence of a subject ("Your account is now
// secured", "you're covered"): a notice, not a marked message's title.
constexpr std::array<std::string_view, 17> kFiniteVerbs = {
    "is", "are", "was", "were", "has", "have", "had", "will", "been",
    "you're", "you've", "you'll", "we're", "we've", "they're", "it's",
    "that's"};

// What a facilities notice restricts, as the first word after the level
// word: "RESTRICTED: road closure on Main Street", "PROTECTED: parking
// on level 2", "RESTRICTED access to the gym" (issue 13, breaker round 13
// defect 10). A notice, read as kSentence.
constexpr std::array<std::string_view, 16> kNoticeHeads = {
    "road",    "roads",  "street", "parking", "traffic", "access",
    "area",    "areas",  "entry",  "closure", "closures", "lane",
    "lanes",   "gym",    "lift",   "car"};

template <std::size_t N>
bool IsOneOfNoCase(std::string_view word,
                   const std::array<std::string_view, N>& list) {
  for (std::string_view w : list) {
    if (word.size() == w.size() && StartsWithNoCaseAt(word, 0, w)) return true;
  }
  return false;
}

}  // namespace

bool IsPhraseWord(std::string_view word) {
  for (std::string_view w : kPhraseWords) {
    if (word.size() == w.size() && StartsWithNoCaseAt(word, 0, w)) return true;
  }
  return false;
}

bool EndsSubjectUnseparated(std::string_view text, std::size_t begin,
                            std::size_t end) {
  if (begin == 0 || !IsBlank(text[begin - 1]) || text[begin] == '(') {
    return false;
  }
  // Only blanks or stars after it, or a file name's extension.
  std::size_t e = end;
  while (e < text.size() && (IsBlank(text[e]) || text[e] == '*')) ++e;
  if (e < text.size() && text[e] == '.' && text.size() - e <= 6) {
    for (++e; e < text.size() && (IsAlpha(text[e]) || IsDigit(text[e]));) ++e;
  }
  if (e != text.size() && SubjectDecorationStart(text, end) != end) return false;
  // The subject's own words before it, with a lower-case letter: a title
  // and then its marking, not a line of capitals.
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  std::size_t word = b;
  while (word > 0 && !IsBlank(text[word - 1])) --word;
  std::string_view last = text.substr(word, b - word);
  if (last.ends_with("'s") || last.ends_with("\u2019s")) return false;
  if (IsPhraseWord(last)) return false;
  // "Why our sauce stays SECRET", "Questions about TOP SECRET", "Training
  // on CUI", "Handling CUI": the complement of a verb or the object of a
  // preposition or a gerund, the subject's own sentence
  // (subject_complement.h).
  if (MakesClosingTierComplement(last)) return false;
  for (std::size_t i = 0; i < b; ++i) {
    if (text[i] >= 'a' && text[i] <= 'z') return true;
  }
  return false;
}

bool PortionEndsSubject(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end || text[begin] != '(' || text[end - 1] != ')') return false;
  std::size_t e = end;
  while (e < text.size() && (IsBlank(text[e]) || text[e] == '*')) ++e;
  if (e != text.size() || begin == 0 || !IsBlank(text[begin - 1])) return false;
  // The subject's words before it, after its prefixes and tags.
  std::size_t words = SubjectWordsStart(text, begin);
  for (std::size_t i = words; i < begin; ++i) {
    if (IsAlpha(text[i]) || IsDigit(text[i])) return true;
  }
  return false;
}

bool FollowedByLowerCaseWord(std::string_view text, std::size_t end) {
  std::size_t i = end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (i == end) return false;
  for (; i < text.size() && !IsBlank(text[i]) && text[i] != '\n'; ++i) {
    if (text[i] >= 'a' && text[i] <= 'z') return true;
  }
  return false;
}

SubjectRest ReadSubjectRest(std::string_view text, std::size_t end) {
  std::size_t i = end;
  while (i < text.size() && (IsSubjectSeparator(text[i]) || text[i] == '*' ||
                             IsBlank(text[i]))) {
    ++i;
  }
  bool any = false;
  while (i < text.size() && text[i] != '\n') {
    if (!IsAlpha(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (IsAlpha(text[j]) || text[j] == '\'')) ++j;
    std::string_view word = text.substr(i, j - i);
    if (IsOneOfNoCase(word, kFiniteVerbs) ||
        (!any && IsOneOfNoCase(word, kNoticeHeads))) {
      return SubjectRest::kSentence;
    }
    any = true;
    i = j;
  }
  return any ? SubjectRest::kTitle : SubjectRest::kNothing;
}

bool FollowedBySeparator(std::string_view text, std::size_t end) {
  // A hyphen joining a word to the match makes one compound word
  // ("Protected B-side vinyl sale", round 42; "SECRET-Santa", "GEHEIM-TIPP",
  // round 58b; compound_hyphen.h), not a separator.
  if (HyphenJoinsWordAfter(text, end)) return false;
  while (end < text.size() && IsBlank(text[end])) ++end;
  if (end == text.size()) return true;
  switch (text[end]) {
    case ':': case ';': case ',': case '-': case '/': case '|': case ']':
    case ')': case '.': case '\n': case '\f':
    case '>': case '}':  // "<SECRET> plan", "{UK SECRET} deployment plan"
    case '~': case '=': case '#':  // "~~ TOP SECRET ~~ annex", "== SECRET =="
    case '*':  // the closing stars of "*** SECRET *** plan"
      return true;
    default:
      return false;
  }
}

}  // namespace nearmiss::content

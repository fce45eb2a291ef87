// Positions in a body: banner lines, labelled lines, page edges, legal
// legends and markings described rather than applied (position.h).
#include "content/position.h"

#include <array>

#include "base/ascii.h"
#include "content/banner_zone.h"
#include "content/labelled_line.h"
#include "content/legend_words.h"
#include "content/cui_label.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Verbs that describe a marking rather than apply it.
constexpr std::array<std::string_view, 7> kDescribingWords = {
    "marked", "labelled", "labeled", "stamped", "headed", "reading", "titled"};

// Words that make a marking opening a line the subject of its definition
// ("RESTREINT UE explained: ...", "EU RESTRICTED means ...", "SECRET//NOFORN
// is the banner ..."), not a banner run into the text ("COSMIC TOP SECRET
// ATOMAL papers are attached.").
constexpr std::array<std::string_view, 16> kDefiningWords = {
    "is",       "are",      "was",     "means",  "meaning", "refers",
    "stands",   "explained", "explainer", "defined", "definition",
    "describes", "vs",      "versus",  "guide",  "overview"};

// The line before `line_begin` and the one after `line_end` are blank, or
// the page's edge: the line is a paragraph of its own.
bool OwnParagraph(std::string_view text, std::size_t line_begin,
                  std::size_t line_end) {
  bool blank_above = line_begin == 0 || text[line_begin - 1] != '\n';
  if (!blank_above) {
    std::size_t above = LineStart(text, line_begin - 1);
    blank_above = IsBlankLine(text, above, line_begin - 1);
  }
  bool blank_below = line_end >= text.size() || text[line_end] != '\n';
  if (!blank_below) {
    blank_below = IsBlankLine(text, line_end + 1, LineEnd(text, line_end + 1));
  }
  return blank_above && blank_below;
}

// The top of the sender's text: the first line as ZoneLinesBefore counts
// it, or a paragraph of its own under no more than kBannerLines - 1 lines
// of an opener ("Hi Bob,\n\nAs discussed.\n\nUK SECRET\n\n...", a
// gateway's "CAUTION: This email originated outside ..." paragraph), the
// last of them not introducing it ("one word:\n\nSECRET" is a story's).
// The match's line closes the page's opening block (a blank line or the
// page's end below it) and every line above it on the page is a title or
// reference line, not a sentence: "Deployment plan\nUK SECRET\n\n...",
// "MEMORANDUM\nUK SECRET", "Ref: MOD/2026/114\nUK SECRET". Whether the
// banner counts depends on what the line above is, not on a blank line
// between them (issue 13, round 34 item 4). `before` lines are above it.
bool UnderTitleLines(std::string_view text, std::size_t line_begin,
                     std::size_t line_end, int before) {
  bool blank_below = line_end >= text.size() || text[line_end] != '\n' ||
                     IsBlankLine(text, line_end + 1, LineEnd(text, line_end + 1));
  if (!blank_below) return false;
  std::size_t end = line_begin;
  for (int seen = 0; seen < before && end > 0 && text[end - 1] == '\n';) {
    std::size_t start = LineStart(text, end - 1);
    std::string_view line = text.substr(start, end - 1 - start);
    end = start;
    while (!line.empty() && (IsBlank(line.back()) || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    ++seen;
    char last = line.back();
    if (last == '.' || last == '!' || last == '?' || last == ':' ||
        last == ';' || last == ',') {
      return false;  // a sentence, or a line that leads into the next
    }
    int words = 0;
    bool in_word = false;
    for (char c : line) {
      if (!IsBlank(c) && !in_word) ++words;
      in_word = !IsBlank(c);
    }
    if (words > 8) return false;
  }
  return true;
}

// `under_title`: a line closing an opening block of title lines
// (UnderTitleLines) is at the top too. A bare heading word is not asked
// so: under "Hello" it is a line of a note, not the note's heading.
bool AtTop(std::string_view text, std::size_t line_begin,
           std::size_t line_end, bool under_title = true) {
  int before = ZoneLinesBefore(text, line_begin, kBannerLines);
  if (before == 0) return true;
  if (before >= kBannerLines) return false;
  if (!OwnParagraph(text, line_begin, line_end)) {
    return under_title && UnderTitleLines(text, line_begin, line_end, before);
  }
  std::string_view above = NeighbourLine(text, line_begin, line_end, false);
  while (!above.empty() && IsBlank(above.back())) above.remove_suffix(1);
  return above.empty() || above.back() != ':';
}

// A sentence, not a name or a signature line: it ends as a sentence does,
// or has four words or more.
bool ReadsAsProse(std::string_view line) {
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?') return true;
  int words = 0;
  bool in_word = false;
  for (char c : line) {
    if (!IsBlank(c) && !in_word) ++words;
    in_word = !IsBlank(c);
  }
  return words >= 4;
}

}  // namespace

bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  std::string_view before = text.substr(line_begin, begin - line_begin);
  std::string_view after = text.substr(end, line_end - end);
  if (LabelledValue(text, begin, end)) return true;
  // A banner line laid out in cells ("MOD/2026/114<tab>UK SECRET<tab>Page 1
  // of 3", a header's left, centre and right parts, a table row's cells, a
  // PDF's wide gaps): the marking alone in its cell is alone on the line.
  // One rule for every container, not a split in each extractor (issue 13,
  // round 34 item 5).
  before = before.substr(LastCellBreak(before));
  if (IsCuiLabelForCode(text, begin, end, after, line_end)) return false;
  after = after.substr(0, FirstCellBreak(after));
  // Framed on either side by rules, box edges or symbols and padding
  // ("│   SECRET   │", "■■■ SECRET ■■■", "~~~ SECRET ~~~").
  if (!OnlyFrame(before) || !OnlyFrame(after)) {
    return TierHeadsBannerLine(text, begin, end);
  }
  // A lone "CONFIDENTIAL" over "This e-mail is intended only for ..."
  // heads a disclaimer. No other marking heads one: "UK SECRET" or
  // "OFFICIAL-SENSITIVE" above an appended disclaimer is the sender's bottom
  // banner, and the footer a transport rule added after it (issue 13,
  // breaker defect 2).
  if (IsDisclaimerHeading(text.substr(begin, end - begin)) &&
      DisclaimerFollows(text, line_end)) {
    return false;
  }
  return InBannerZone(text, begin, end);
}

bool IsLabelledLine(std::string_view text, std::size_t begin,
                    std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::string_view after = text.substr(end, LineEnd(text, end) - end);
  // A Purview sublabel's parent ("Classified as Confidential\All
  // Employees"): the child after Purview's '\' scopes it and says no level,
  // as in a label header (label_headers.cc).
  bool sublabel_parent = !after.empty() && after.front() == '\\';
  if (!OnlyDecoration(after) && !sublabel_parent) return false;
  return LabelBefore(text, line_begin, begin) != LineLabel::kNone;
}

bool InBannerZone(std::string_view text, std::size_t begin, std::size_t end) {
  return ZoneLinesBefore(text, LineStart(text, begin), kBannerLines) <
             kBannerLines ||
         ZoneLinesAfter(text, LineEnd(text, end), kBannerLines) < kBannerLines;
}

namespace {

// The match stands alone and undecorated on one line (not wrapped over
// two), with no rule line right above or below it: a word typed as a line,
// not a drawn banner. Sets the line's bounds.
bool PlainLoneLine(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t* line_begin_out, std::size_t* line_end_out) {
  // The match may take the blanks or the line break after the word.
  while (end > begin && (IsBlank(text[end - 1]) || text[end - 1] == '\n')) --end;
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, begin);
  if (end > line_end) return false;  // "TOP\nSECRET": a wrapped banner
  if (!IsBlankLine(text, line_begin, begin) || !IsBlankLine(text, end, line_end)) {
    return false;
  }
  if (line_begin > 0) {
    std::size_t above = LineStart(text, line_begin - 1);
    if (IsRuleLine(text.substr(above, line_begin - 1 - above))) return false;
  }
  if (line_end < text.size()) {
    std::size_t below_end = LineEnd(text, line_end + 1);
    if (IsRuleLine(text.substr(line_end + 1, below_end - line_end - 1))) {
      return false;
    }
  }
  *line_begin_out = line_begin;
  *line_end_out = line_end;
  return true;
}

}  // namespace

bool IsBareHeading(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t line_begin = 0, line_end = 0;
  if (!PlainLoneLine(text, begin, end, &line_begin, &line_end)) return false;
  if (ZoneLinesBefore(text, line_begin, 1) == 0) {
    return NonBlankLinesAfter(text, line_end, 1) > 0;
  }
  // Under an opener, a heading has prose under it; a name and a signature
  // under it make it the bottom banner ("Bob,\n\nThe convoy leaves at
  // 0600.\n\nSECRET\n\nAlice Smith\nJ3 Plans Officer").
  return AtTop(text, line_begin, line_end, /*under_title=*/false) &&
         ReadsAsProse(NeighbourLine(text, line_begin, line_end, true));
}

bool IsBareFooter(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t line_begin = 0, line_end = 0;
  if (!PlainLoneLine(text, begin, end, &line_begin, &line_end)) return false;
  // The last line the sender wrote, under text of its own: not the top
  // banner, nor a line in the middle.
  return NonBlankLinesAfter(text, line_end, 1) == 0 &&
         ZoneLinesBefore(text, line_begin, 1) > 0;
}

bool IsEdgeLine(std::string_view text, std::size_t begin, std::size_t end) {
  return AtTop(text, LineStart(text, begin), LineEnd(text, end)) ||
         ZoneLinesAfter(text, LineEnd(text, end), 1) == 0;
}

bool NearLegalLegend(std::string_view text, std::size_t begin,
                     std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t line_end = LineEnd(text, end);
  return HasLegalLegend(text.substr(line_begin, line_end - line_begin)) ||
         HasLegalLegend(NeighbourLine(text, line_begin, line_end, false)) ||
         HasLegalLegend(NeighbourLine(text, line_begin, line_end, true));
}

bool DescribedInProse(std::string_view text, std::size_t begin) {
  // At most one line break: a sentence wrapped before the marking
  // ("stamped\nTOP SECRET"), not a banner under a closing line ("Thanks
  // for reading\n\nSECRET//NOFORN").
  std::size_t i = begin;
  int breaks = 0;
  auto skip_back = [&] {
    while (i > 0 && (IsBlank(text[i - 1]) || text[i - 1] == '"' ||
                     text[i - 1] == '\'' ||
                     (text[i - 1] == '\n' && breaks++ == 0))) {
      --i;
    }
  };
  skip_back();
  // UTF-8 curly quotes (U+201C, U+2018) end in 0x9C or 0x98 after E2 80.
  while (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
         static_cast<unsigned char>(text[i - 2]) == 0x80) {
    i -= 3;
    skip_back();
  }
  std::size_t word_end = i;
  while (i > 0 && IsAlpha(text[i - 1])) --i;
  std::string_view word = text.substr(i, word_end - i);
  // "reading" describes only on the marking's own line ("a sign reading
  // TOP SECRET"): on the line above it is a closing ("Happy reading\n
  // SECRET//NOFORN", "Thanks for reading").
  if (breaks > 0 && word.size() == 7 && StartsWithNoCase(word, "reading")) {
    return false;
  }
  for (std::string_view w : kDescribingWords) {
    if (word.size() == w.size() && StartsWithNoCase(word, w)) return true;
  }
  return false;
}

bool OpensSentence(std::string_view text, std::size_t begin,
                   std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  if (!IsBlankLine(text, line_begin, begin)) return false;
  std::size_t e = end;
  while (e < text.size() && IsBlank(text[e])) ++e;
  bool spaced = e > end || (end > begin && IsBlank(text[end - 1]));
  if (!spaced || e >= text.size() || text[e] < 'a' || text[e] > 'z') {
    return false;
  }
  std::size_t word_end = e;
  while (word_end < text.size() && IsAlpha(text[word_end])) ++word_end;
  std::string_view word = text.substr(e, word_end - e);
  bool defines = false;
  for (std::string_view w : kDefiningWords) defines = defines || word == w;
  return defines &&
         ReadsAsProse(text.substr(line_begin, LineEnd(text, end) - line_begin));
}

bool InsideSentence(std::string_view text, std::size_t begin,
                    std::size_t end) {
  std::size_t b = begin;
  while (b > 0 && IsBlank(text[b - 1])) --b;
  std::size_t e = end;
  while (e < text.size() && IsBlank(text[e])) ++e;
  // Blanks on both sides (the match may end on one): words, not a glued
  // "re-SECRET//NOFORN" or a path.
  bool spaced_before = b < begin, spaced_after = e > end ||
                                                 (end > begin && IsBlank(text[end - 1]));
  if (end < text.size() && text[end] == '=') return true;
  if (end < text.size() && text[end] == '?') {
    const bool word_before = spaced_before && b > 0 && text[b - 1] >= 'a' && text[b - 1] <= 'z';
    return word_before || !IsBlankLine(text, end + 1, LineEnd(text, end));
  }
  return spaced_before && spaced_after && b > 0 && e < text.size() &&
         text[b - 1] >= 'a' && text[b - 1] <= 'z' && text[e] >= 'a' &&
         text[e] <= 'z';
}

namespace {

// Bytes of the sentence punctuation at text[at]: ASCII . , ; : ! and
// quotes, or a UTF-8 closing quote or ellipsis (U+2019, U+201D, U+2026);
// 0 for anything else.
std::size_t ClosingPunctuationBytes(std::string_view text, std::size_t at) {
  constexpr std::string_view kAscii = ".,;:!\"'";
  if (kAscii.find(text[at]) != std::string_view::npos) return 1;
  if (at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
      static_cast<unsigned char>(text[at + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(text[at + 2]);
    if (c == 0x99 || c == 0x9D || c == 0xA6) return 3;
  }
  return 0;
}

bool IsClosingPunctuation(std::string_view text, std::size_t at) {
  return ClosingPunctuationBytes(text, at) != 0;
}

}  // namespace

bool BracketedInSentence(std::string_view text, std::size_t begin, std::size_t end,
                         std::size_t* bracket_end) {
  if (begin == 0 || (text[begin - 1] != '(' && text[begin - 1] != '[')) return false;
  const char close = text[begin - 1] == '(' ? ')' : ']';
  const std::size_t line_end = LineEnd(text, end);
  std::size_t c = end;
  while (c < line_end && text[c] != close && text[c] != '(' && text[c] != '[') ++c;
  if (c >= line_end || text[c] != close) return false;
  // A word ending in lower case before it, past blanks; or past a list of
  // other bracketed forms before it ("such as (C//NF), (S//NF) and ...").
  const std::size_t line_begin = LineStart(text, begin);
  std::size_t b = begin - 1;
  bool listed = false;
  for (;;) {
    const std::size_t from = b;
    while (b > line_begin && (IsBlank(text[b - 1]) || text[b - 1] == ',')) --b;
    if (b > line_begin && b < from && (text[b - 1] == ')' || text[b - 1] == ']')) {
      const char open = text[b - 1] == ')' ? '(' : '[';
      std::size_t o = b - 1;
      while (o > line_begin && text[o - 1] != open) --o;
      if (o == line_begin) return false;
      b = o - 1;
      listed = true;
      continue;
    }
    break;
  }
  if ((b == begin - 1 && !listed) || b == line_begin || text[b - 1] < 'a' ||
      text[b - 1] > 'z') {
    return false;
  }
  std::size_t e = c + 1;
  if (bracket_end != nullptr) *bracket_end = e;
  if (e < line_end && text[e] == '?') return true;
  // The sentence's own closing punctuation after the bracket ("a portion
  // like (S//NF).", "(S//NF), and ...", "(S//NF)!\"") or the line's end: the
  // sentence that the words before it opened ran through the bracket
  // (round 56's tester 13, finding 5).
  std::size_t p = e;
  while (p < line_end && IsClosingPunctuation(text, p)) p += ClosingPunctuationBytes(text, p);
  if (p > e || IsBlankLine(text, e, line_end)) return true;
  const std::size_t after = e;
  while (e < line_end && IsBlank(text[e])) ++e;
  return e > after && e < line_end && text[e] >= 'a' && text[e] <= 'z';
}

namespace {

bool HasLowerCaseWord(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] >= 'a' && s[i] <= 'z' && s[i + 1] >= 'a' && s[i + 1] <= 'z') return true;
  }
  return false;
}

}  // namespace

bool QuotedInSentence(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t e = end;
  // "...NOFORN." or "...NOFORN," inside the quotes, as some write it.
  if (e < text.size() && (text[e] == '.' || text[e] == ',' || text[e] == '?')) ++e;
  std::size_t open = OpeningQuoteBefore(text, begin);
  const std::size_t close = ClosingQuoteAt(text, e);
  const std::size_t line_begin = LineStart(text, begin);
  const std::size_t line_end = LineEnd(text, end);
  std::size_t quote_begin = begin;  // where the quoted words start
  // The form closing a quoted title of words in lower case ('die Schulung
  // "Umgang mit VS-NfD"', '„Umgang mit VS-NfD“'): a course's or a book's
  // name, as quoted as the form alone (round 58b's tester 13, finding 12).
  if (open == 0 && close != 0) {
    for (std::size_t i = begin; i > line_begin; --i) {
      const char c = text[i - 1];
      std::size_t width = 0;
      if (c == '"') width = 1;
      if (i >= line_begin + 3 && text.compare(i - 3, 3, "\xe2\x80\x9e") == 0) width = 3;  // „
      if (i >= line_begin + 3 && text.compare(i - 3, 3, "\xe2\x80\x9c") == 0) width = 3;  // “
      if (width == 0) continue;
      if (HasLowerCaseWord(text.substr(i, begin - i))) {
        open = width;
        quote_begin = i;
      }
      break;
    }
  }
  if (open == 0 || close == 0) return false;
  std::string_view before = text.substr(line_begin, quote_begin - open - line_begin);
  while (!before.empty() && IsBlank(before.back())) before.remove_suffix(1);
  // 'Classification: "SECRET//NOFORN"', 'Classification = "SECRET"': a
  // labelled value, applied.
  if (LabelBefore(text, line_begin, begin) != LineLabel::kNone) return false;
  return HasLowerCaseWord(before) ||
         HasLowerCaseWord(text.substr(e + close, line_end - std::min(line_end, e + close)));
}

std::string WithoutQuotes(std::string_view text, std::size_t begin, std::size_t end,
                          std::size_t* shift) {
  std::size_t e = end;
  if (e < text.size() && (text[e] == '.' || text[e] == ',' || text[e] == '?')) ++e;
  const std::size_t open = OpeningQuoteBefore(text, begin);
  const std::size_t close = ClosingQuoteAt(text, e);
  if (open == 0 || close == 0) return {};
  std::string out(text.substr(0, begin - open));
  out.append(text.substr(begin, e - begin));
  out.append(text.substr(e + close));
  *shift = open;
  return out;
}

}  // namespace nearmiss::content

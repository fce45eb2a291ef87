// Portion marks: where a "(S)" or "(S//NF)" opens a paragraph, after its
// number or letter, and when a bare mark is a size, an option or initials
// instead (position.h: PortionMarkPlace).
#include "content/position.h"

#include <algorithm>
#include <array>

#include "base/ascii.h"
#include "content/copyright_credit.h"
#include "content/legend_words.h"
#include "content/line_text.h"
#include "content/portion_enumerator.h"
#include "content/portion_initials.h"
#include "content/portion_options.h"

namespace nearmiss::content {
namespace {

// "(S)", "(TS)", "(NR)", "(CUI)": a mark with no control after "/" or "//".
// Blanks inside the brackets ("( NS )") are the same mark.
bool IsBareMark(std::string_view spaced) {
  std::string compact = CompactPortionMark(spaced);
  std::string_view mark = compact;
  if (mark.size() < 3 || mark.size() > 5) return false;
  for (char c : mark.substr(1, mark.size() - 2)) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// Whether a line reads as a sentence: it ends in sentence punctuation after
// a word, or runs to kProseWords words. "(S) The convoy leaves at 0600." and
// "1.(S) Route." are portions; "(S) Blue T-shirt" and "(S) 36-38" are not.
constexpr int kProseWords = 4;
bool ProseFollows(std::string_view line) {
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  int words = 0;
  bool in_word = false, has_letter = false;
  for (char c : line) {
    if (IsBlank(c)) {
      if (in_word && has_letter) ++words;
      in_word = has_letter = false;
      continue;
    }
    in_word = true;
    if ((c >= 'a' && c <= 'z') || IsUpper(c)) has_letter = true;
  }
  if (in_word && has_letter) ++words;
  if (words >= kProseWords) return true;
  char last = line.empty() ? ' ' : line.back();
  return words >= 1 && (last == '.' || last == '!' || last == '?');
}

// Whether `rest` (after blanks) opens with a capital, a digit or a quote.
bool StartsSentence(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  if (i == rest.size()) return false;
  char c = rest[i];
  return IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The words after a bracketed mark are the name it abbreviates: "(TS) Tom
// Smith", "(CTS) Chris T. Stone", "(NC) Nick Clarke:" (minutes, action
// lists). Each letter starts the next capitalised word.
bool SpellsInitials(std::string_view letters, std::string_view rest) {
  std::size_t i = 0;
  for (char letter : letters) {
    while (i < rest.size() && IsBlank(rest[i])) ++i;
    if (i >= rest.size() || rest[i] != letter) return false;
    while (i < rest.size() && !IsBlank(rest[i])) ++i;
  }
  return true;
}

// A mark in the middle of a line after a sentence's end: ". (S//NF) The
// route ...". The stop must follow a word or a number, then a blank.
bool AfterSentenceEnd(std::string_view s, std::size_t line_begin,
                      std::size_t begin) {
  std::size_t i = begin;
  while (i > line_begin && IsBlank(s[i - 1])) --i;
  if (i == begin || i < line_begin + 2) return false;
  char stop = s[i - 1];
  char before = s[i - 2];
  return (stop == '.' || stop == '!' || stop == '?') &&
         (IsAlpha(before) || IsDigit(before) || before == ')');
}

// Several bracketed capitals each after its own number on one line: "1. (C)
// Coffee 2. (S) Strategy 3. (U) Update" is a list of tagged items run
// together, not paragraphs (a portion opens its own paragraph).
// `own` is where the line's lead mark stands (after its paragraph number,
// "Para 1. (S)"), or npos: the paragraph's own number is no item's.
bool InlineLabelledList(std::string_view line, std::size_t own) {
  int tagged = 0;
  for (std::size_t i = 1; i + 2 < line.size(); ++i) {
    if (line[i] != '(' || !IsUpper(line[i + 1]) || i == own) continue;
    if (line.substr(i, 6).find(')') == std::string_view::npos) continue;
    std::size_t j = i;
    while (j > 0 && IsBlank(line[j - 1])) --j;
    if (j == 0 || (line[j - 1] != '.' && line[j - 1] != ')')) continue;
    std::size_t k = j - 1;
    while (k > 0 && IsDigit(line[k - 1])) --k;
    // A list's item number: one or two digits ("2. (S)"), not the end
    // of a sentence about a time or a year ("at 0600. (S) The route").
    if (k == j - 1 || j - 1 - k > 2) continue;
    // The number stands after a blank in the line, not at its head.
    if (k == 0 || !IsBlank(line[k - 1]) || IsBlankLine(line, 0, k)) continue;
    ++tagged;
  }
  return tagged >= 1;
}

// Words (runs holding a letter) in `s`.
int CountWords(std::string_view s) {
  int words = 0;
  bool in_word = false, has_letter = false;
  for (char c : s) {
    if (IsBlank(c)) {
      if (in_word && has_letter) ++words;
      in_word = has_letter = false;
      continue;
    }
    in_word = true;
    if (IsAlpha(c)) has_letter = true;
  }
  return words + (in_word && has_letter ? 1 : 0);
}

// One capitalised word, then a dash or a colon and a value: "(C) Chemistry
// - pass", "(S) Spanish: pass": a tagged item of a list (results, options,
// a menu), not a sentence. A value that is a sentence of its own (four
// words or more) is a cable's paragraph heading: "1. (SBU) Summary: the
// visa backlog grew in May.", "(C) Comment: Post expects ..." (issue 13,
// round 33 defect 3).
bool LabelDashValue(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  if (i == rest.size() || !IsUpper(rest[i])) return false;
  while (i < rest.size() && IsAlpha(rest[i])) ++i;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  return i + 1 < rest.size() && (rest[i] == '-' || rest[i] == ':') &&
         IsBlank(rest[i + 1]) && CountWords(rest.substr(i + 1)) < kProseWords;
}

// The unclassified `mark` ("(U)", "(NU)") opens another line of the text
// (after its paragraph number, if any) with a sentence: "(TS) Convoy leaves at 0600.\n(U) Timings as agreed."
// (mixed paragraphs of the CAPCO layout, in mail often one line each with
// no blank line between). Only the kRepeatLook nearest others before and
// after are read: a text of many such lines must not make each mark search
// the whole text (issue 13, breaker defect 7 of the previous round).
// And only within kRepeatWindow bytes of the mark (a few paragraphs):
// a text with no "(U)" at all must not make each of its marks search all of
// it, which made 60,000 "(TS) ..." lines take 20 s (scan_cost_test).
constexpr int kRepeatLook = 4;
constexpr std::size_t kRepeatWindow = 2048;
bool OpensAnotherLine(std::string_view text, std::size_t begin,
                           std::size_t end, std::string_view mark) {
  std::size_t others[2 * kRepeatLook];
  int n = 0;
  const std::size_t low = begin > kRepeatWindow ? begin - kRepeatWindow : 0;
  for (std::size_t at = begin; n < kRepeatLook && at > low;) {
    at = text.substr(low, at + mark.size() - 1 - low).rfind(mark);
    if (at == std::string_view::npos) break;
    at += low;
    others[n++] = at;
  }
  text = text.substr(0, std::min(text.size(), end + kRepeatWindow));
  for (std::size_t at = text.find(mark, end), k = 0;
       k < kRepeatLook && at != std::string_view::npos;
       at = text.find(mark, at + 1), ++k) {
    others[n++] = at;
  }
  for (int k = 0; k < n; ++k) {
    std::size_t at = others[k];
    // At the line's head, or after its paragraph number ("2. (U) ...").
    std::size_t lead = LineStart(text, at);
    while (lead < at && IsBlank(text[lead])) ++lead;
    if (lead != at && SkipEnumerator(text, lead, at) != at) continue;
    std::size_t after = at + mark.size();
    std::string_view rest = text.substr(after, LineEnd(text, after) - after);
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    if (StartsSentence(rest) && ProseFollows(rest) &&
        !SpellsInitials(mark.substr(1, mark.size() - 2), rest)) {
      return true;
    }
  }
  return false;
}

// "©" (U+00A9): Word's AutoCorrect list turns a typed "(c)" into the
// copyright sign, so a CONFIDENTIAL portion typed in Word ("1. (C) The
// route ...") can arrive as "1. © The route ...". A copyright notice is
// the sign, the year and the owner (17 U.S.C. 401(b): "© 2026 Acme
// Ltd") or the owner alone ("© Acme Ltd. Registered in England",
// "© Photo: Reuters"). So the sign is the portion mark (C) only
// opening a sentence (a capital, prose after it) with no year, no
// "copyright" and no "rights reserved" on its line: after a paragraph
// number (DoDM 5200.01 Vol 2 Encl 3: the mark follows the paragraph's
// number), or where an unclassified "(U)" opens another line with a
// sentence (the CAPCO layout of mixed paragraphs). Opening an unnumbered
// line otherwise it counts only if the message agrees; mid-line it is
// always a copyright sign (issue 13, round 42 item 2).
constexpr std::string_view kCopyrightSign = "\xC2\xA9";

bool NamesYear(std::string_view line) {
  for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
    if ((i > 0 && IsDigit(line[i - 1])) || (line[i] != '1' && line[i] != '2')) continue;
    if (IsDigit(line[i + 1]) && IsDigit(line[i + 2]) && IsDigit(line[i + 3]) &&
        (i + 4 == line.size() || !IsDigit(line[i + 4])) &&
        (line.substr(i, 2) == "19" || line.substr(i, 2) == "20")) {
      return true;
    }
  }
  return false;
}

// An owner's legal form, as a copyright notice names its owner.
bool NamesCompany(std::string_view line) {
  static constexpr std::string_view kForms[] = {" Ltd", " Limited", " Inc", " LLC",
                                                " plc", " PLC", " GmbH", " LLP"};
  for (std::string_view form : kForms) {
    for (std::size_t at = line.find(form); at != std::string_view::npos;
         at = line.find(form, at + 1)) {
      std::size_t after = at + form.size();
      if (after == line.size() || !IsAlpha(line[after])) return true;
    }
  }
  return false;
}

PortionPlace CopyrightSignPlace(std::string_view text, std::size_t begin,
                                std::size_t end, bool numbered, bool mid_line) {
  if (mid_line) return PortionPlace::kNone;
  std::string_view rest = text.substr(end, LineEnd(text, end) - end);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  if (rest.empty() || !IsUpper(rest.front()) || !ProseFollows(rest) ||
      NamesYear(rest) || ContainsNoCase(rest, "copyright") ||
      ContainsNoCase(rest, "rights reserved") || NamesCompany(rest)) {
    return PortionPlace::kNone;
  }
  if (numbered || OpensAnotherLine(text, begin, end, "(U)")) return PortionPlace::kPortion;
  return PortionPlace::kIfCorroborated;
}

constexpr std::size_t kLegendBytes = 240;

// "(S) Satisfactory", "(U) Unsatisfactory", "(C) Commendable": a key of a
// form's grades or options, the bracketed letter the first letter of the
// one word it stands for, that word all of the entry (the line ends, or a
// comma, a semicolon, '=' or the next bracketed key follows). A portion is
// a sentence ("(S) Soldiers crossed the river."), never one word (round
// 41 item 9).
bool KeyEntry(char letter, std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  std::size_t word = i;
  while (i < rest.size() && IsAlpha(rest[i])) ++i;
  if (i - word < 3 || rest[word] != letter) return false;
  while (i < rest.size() && IsBlank(rest[i])) ++i;
  return i == rest.size() || rest[i] == ',' || rest[i] == ';' || rest[i] == '=' ||
         rest[i] == '(';
}

// "(U)", "(NU)": the unclassified portion marks (CAPCO; AC/35-D/2002).
bool UnclassifiedMark(std::string_view spaced) {
  std::string compact = CompactPortionMark(spaced);
  return compact == "(U)" || compact == "(NU)";
}

}  // namespace

std::string CompactPortionMark(std::string_view mark) {
  std::string out;
  for (char c : mark) {
    if (!IsBlank(c)) out.push_back(c);
  }
  return out;
}

bool BareMarkMayBeInitials(std::string_view spaced) {
  std::string compact = CompactPortionMark(spaced);
  std::string_view mark = compact;
  return mark.size() > 3 && IsBareMark(mark) && mark != "(CUI)" && mark != "(SBU)" &&
         mark != "(FOUO)";
}

bool ClassifiedMarkMayBeInitials(std::string_view mark) {
  return BareMarkMayBeInitials(mark) && mark != "(NU)";
}

PortionPlace PortionMarkPlace(std::string_view text, std::size_t begin,
                              std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t at = line_begin;
  while (at < begin && IsBlank(text[at])) ++at;
  // A paragraph number or letter ("1.", "2.1", "A.", "(a)", "Para 3"), not
  // a bullet or a quote marker.
  bool numbered = false;
  if (at < begin) {
    std::size_t lead = at;
    at = SkipEnumerator(text, at, begin);
    numbered = at != lead && text[lead] != '>' &&
               SkipListBullet(text, lead, begin) == lead;
  }
  bool mid_line = at != begin && AfterSentenceEnd(text, line_begin, begin);
  if (at != begin && !mid_line) return PortionPlace::kNone;
  std::size_t next = end;
  while (next < text.size() && IsBlank(text[next])) ++next;
  bool line_end =
      next == text.size() || text[next] == '\n' || text[next] == '\f';
  // Without a blank after it ("(S)Route.", "(S//NF):") the mark must be
  // followed by a capital or a colon: "(s)he" and "item(s)" are words.
  if (!line_end && next == end && !IsUpper(text[end]) && text[end] != ':') {
    return PortionPlace::kNone;
  }
  if (text.substr(begin, end - begin) == kCopyrightSign) {
    return CopyrightSignPlace(text, begin, end, numbered, mid_line);
  }
  // A dash set off by blanks between the mark and its sentence, a house
  // style as "1 - (S)" is for the number: "(S) - The convoy ...", "(S) –
  // ..." (en dash), "(S) -- ...", "(C) - Jones will brief ..." (round 59b's
  // tester 13, finding 3). The sentence after it is read as after the mark;
  // "(S)-ibuprofen" has no blank on either side and is no separator.
  std::size_t body = end;
  if (!line_end && next > end && text[next] != ':') {
    const std::size_t d = SkipEnumeratorDash(text, next, LineEnd(text, next));
    if (d != next) body = next = d;
  }
  if (!IsBareMark(text.substr(begin, end - begin))) {
    return PortionPlace::kPortion;  // (S//NF), (CUI//SP-PRVCY), (U//FOUO)
  }
  if (InOptionList(text, begin, end)) return PortionPlace::kNone;
  std::string_view rest = text.substr(body, LineEnd(text, body) - body);
  // "(U) This email is confidential and may be privileged": a legend,
  // which must not corroborate a doubtful mark elsewhere. Its words follow
  // the mark closely; reading only kLegendBytes of the line keeps a line of
  // thousands of marks from costing each mark the whole line times the
  // legend words (issue 13, breaker defect 7).
  // After a paragraph number the mark is the portion layout whatever its
  // sentence says ("1. (S) The intended route is the north road.", "1.
  // (C) Legal advice on the basing agreement follows."): disclaimers are
  // not numbered paragraphs (issue 13, breaker round 13 defect 5).
  // A disclaimer's words are everyday words too: the line is a disclaimer
  // only when it speaks of the mail it closes (legend_words.h,
  // ReadsAsDisclaimer; under a classified mark it names the mail itself:
  // "(S) This email is intended for the addressee only."), and a legal
  // legend closes nothing under a classified mark:
  // "(S) Unauthorized vehicles were seen ...", "(TS) The source intended
  // to travel ...", "(C) Legal advice ... it is privileged." are portions
  // (issue 13, tester 13 item 2).
  std::string_view legend = rest.substr(0, kLegendBytes);
  bool unclassified = UnclassifiedMark(text.substr(begin, end - begin));
  if (!numbered && (unclassified ? ReadsAsDisclaimer(legend) || HasLegalLegend(legend)
                                 : ReadsAsDisclaimerOfThisMail(legend))) {
    return PortionPlace::kNone;
  }
  std::size_t own = mid_line ? std::string_view::npos : begin - line_begin;
  if (InlineLabelledList(text.substr(line_begin, LineEnd(text, end) - line_begin), own)) {
    return PortionPlace::kNone;
  }
  // "(S) Spanish: pass" is a results list; after a paragraph number a
  // label and a value that ends as a sentence does are a report's
  // paragraph ("1. (S) Size: 12 personnel.", SALUTE and SITREP formats:
  // issue 13, tester 13 item 4); "1. (S) Spanish - pass" is still a list.
  if (LabelDashValue(rest) && (!numbered || !ProseFollows(rest))) {
    return PortionPlace::kNone;
  }
  // "Para 2 (NS): The convoy ...": a colon may stand between the mark and
  // its sentence, as after "(S//NF):".
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  if (end - begin == 3 && KeyEntry(text[begin + 1], rest)) return PortionPlace::kNone;
  // "(C) John Smith. Not for commercial use.": the copyright sign typed
  // before its owner's name (copyright_credit.h), unless a paragraph number
  // or an unclassified "(U)" opening another line makes it the portion
  // layout; otherwise it counts only if the message agrees.
  if (CompactPortionMark(text.substr(begin, end - begin)) == "(C)" && !numbered &&
      !mid_line && ReadsAsCopyrightCredit(rest) && !OpensAnotherLine(text, begin, end, "(U)")) {
    return PortionPlace::kIfCorroborated;
  }
  if (line_end || mid_line) return PortionPlace::kIfCorroborated;
  // Two or more letters: also a person's initials ("(TS) Tom to send the
  // slides", "(NC) Nick Clarke to confirm"), in minutes as in portions.
  std::string_view mark = text.substr(begin, end - begin);
  if (BareMarkMayBeInitials(mark)) {
    // Words that spell the initials ("(TS) Tom Smith to chair") make it a
    // name, unless an unclassified portion opens another line with a
    // sentence (the CAPCO layout of mixed paragraphs) or a paragraph number
    // stands before it ("1. (TS) The Syrian convoy ...", "1. (NS) Naval
    // Ships ..."): then they are its sentence's first words (issue 13,
    // tester 13 item 3). Numbered, they still leave it doubtful.
    bool mixed = OpensAnotherLine(text, begin, end, "(U)") ||
                 OpensAnotherLine(text, begin, end, "(NU)");
    bool spells = SpellsInitials(text.substr(begin + 1, end - begin - 2), rest);
    if (spells && !mixed && !numbered) return PortionPlace::kNone;
    // A bare mark opening a sentence is the portion layout ("(TS) Convoy
    // leaves at 0600.", "1. (NS) Exercise moves to phase 2."), unless the
    // text around it says it is someone's initials (portion_initials.h:
    // another initials group, a name it abbreviates, a minutes heading, an
    // action verb). An unclassified "(U)" or "(NU)" opening another line
    // with a sentence makes it the CAPCO layout of mixed paragraphs
    // whatever else the text holds: nobody's initials are one letter (issue
    // 13, breaker defects 6 and 8).
    if (!StartsSentence(rest) || !ProseFollows(rest)) {
      return PortionPlace::kIfCorroborated;
    }
    bool portion = mixed || (!spells && !InitialsEvidence(text, begin, end, rest));
    return portion ? PortionPlace::kPortion : PortionPlace::kIfCorroborated;
  }
  if (text[next] == ':') {
    ++next;
    while (next < text.size() && IsBlank(text[next])) ++next;
  }
  // A portion is a sentence: it starts with a capital, a digit or a quote.
  // "(TS) stands for timestamp" and "(S) small" are not, unless a banner
  // over them says the text is marked (slide bullets: "(TS) closing
  // remarks" under TOP SECRET//NOFORN).
  char c = next < text.size() ? text[next] : '\n';
  bool sentence = IsUpper(c) || (c >= '0' && c <= '9') || c == '"' ||
                  c == '\'' || static_cast<unsigned char>(c) >= 0x80;
  if (!sentence) return PortionPlace::kIfCorroborated;
  std::string_view line = text.substr(next, LineEnd(text, next) - next);
  // "(C) 2025 Example Ltd" and "(C) Crown copyright" are copyright lines.
  if (line.size() >= 4 && (line[0] == '1' || line[0] == '2') &&
      line[1] >= '0' && line[1] <= '9' && line[2] >= '0' && line[2] <= '9' &&
      line[3] >= '0' && line[3] <= '9') {
    return PortionPlace::kNone;
  }
  if (ContainsNoCase(line, "copyright") ||
      ContainsNoCase(line, "rights reserved")) {
    return PortionPlace::kNone;
  }
  // One letter in brackets is also a size, a grade, an option: alone it
  // needs a sentence after it, or another mark in the text to agree.
  if (end - begin == 3 && !ProseFollows(line)) {
    return PortionPlace::kIfCorroborated;
  }
  return PortionPlace::kPortion;
}

}  // namespace nearmiss::content

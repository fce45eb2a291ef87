// LabelBefore and LabelledValue (labelled_line.h).
#include "content/labelled_line.h"

#include <array>

#include "content/banner_tail.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/self_statement.h"

namespace nearmiss::content {
namespace {

// A key of a labelled line. `separated`: a word that takes a separator
// after it ("Classification: SECRET", "Classification - SECRET"); the
// phrases ("classified as") are followed by the value after a blank.
// `blank_only`: the word may be set off from the value by blanks alone on
// the value's own line ("Classification UK SECRET"): the classification
// keys, which no sentence opens with a marking after them.
struct LabelKeyWord {
  std::string_view word;
  bool separated;
  bool blank_only;
};

// The keys of the labelled lines of Purview's content marking (the tenant
// writes them: Microsoft Learn, "Learn about sensitivity labels") and of
// published data-classification policies' document headers and footers.
// The DoD e-mail layout ("Classification: UNCLASSIFIED\nCaveats: FOUO",
// DoDM 5200.01 Vol 2 encl. 4 on electronic mail) puts the dissemination
// control on a "Caveats:" line of its own.
// Purview's own footer wording, "Classified as <label>" (a content
// marking's text such as "Classified as ${Item.Label}"; Microsoft Learn,
// "Learn about sensitivity labels", dynamic markings), and a plain "Label:"
// are keys too (issue 13, breaker round 8 item 7).
// "Security marking:", "Security level:", "Handling:" and "Class:" are the
// keys senders type above a marking in their own words (tester 41 item 1,
// tester 43 finding 1). "Handle as" and "Treat as" open the handling
// instruction a sender writes as the banner ("Handle as UK SECRET"; round
// 44 tester, note 44 item 13). "Marked as" is the sender's own statement
// ("The attachment is marked as SECRET"; round 45 tester finding 5,
// self_statement.h). Longer keys first: "Classification level"
// before "Classification". The German keys of the VSA's forms
// ("VS-Einstufung: GEHEIM", "Geheimhaltungsgrad: VS-VERTRAULICH",
// "Einstufung: GEHEIM"; de pack, h46 finding 2).
constexpr std::array<LabelKeyWord, 32> kLabelKeys = {{
    {"security classification", true, true},
    // "Email Classification: UK SECRET" (round 50's tester 13, finding 5).
    {"email classification", true, true},
    {"e-mail classification", true, true},
    {"message classification", true, true},
    {"mail classification", true, true},
    {"data classification", true, true},
    {"information classification", true, true},
    {"document classification", true, true},
    {"classification level", true, true},
    {"classification", true, true},
    {"vs-einstufung", true, true},
    {"geheimhaltungsgrad", true, true},
    {"einstufung", true, true},
    {"protective marking", true, true},
    {"security marking", true, true},
    {"marking", true, false},
    {"security level", true, false},
    {"handling caveats", true, false},
    {"handling", true, false},
    {"sensitivity label", true, false},
    {"sensitivity", true, false},
    {"caveats", true, false},
    {"caveat", true, false},
    {"label", true, false},
    {"class", true, false},
    {"classified as", false, false},
    // "Classified UK SECRET" as a line of its own, top and bottom (round
    // 50's tester 13, finding 6).
    {"classified", false, false},
    {"labelled as", false, false},
    {"labeled as", false, false},
    {"marked as", false, false},
    {"handle as", false, false},
    {"treat as", false, false},
}};

// The last word of a key in a sender's own words ("Email Classification",
// "Document Marking", "Security", "Level", "Handling caveats"): any one to
// three words before it, a colon after it (GenericKey).
constexpr std::array<std::string_view, 12> kKeyHeads = {
    "classification", "classifications", "marking", "markings", "level",
    "label", "sensitivity", "security", "caveat", "caveats", "handling", "grading"};

// `s` from `lead` is up to three words, the last one of kKeyHeads, an
// optional remark in brackets ("Classification (email)") or "of <the
// text>", then a colon and only decoration: "Email Classification:",
// "Document Marking:", "Security:", "Level:", "Classification (email):".
// The fixed list of keys missed each wording a sender chose (round 50's
// tester 13, finding 5).
bool GenericKey(std::string_view s, std::size_t lead) {
  // "Clearance Level: TOP SECRET", "Eligibility Level:", "Access Level:",
  // "Investigation Level: TOP SECRET (T5)": a person's clearance, not the
  // text's marking (round 51's tester 13, finding 3; AboutClearance reads
  // those lines).
  if (NamesPersonsClearance(s.substr(lead, s.find(':', lead) - lead))) return false;
  std::size_t i = lead;
  for (int words = 0; words < 4; ++words) {
    const std::size_t w = i;
    while (i < s.size() && (IsAlpha(s[i]) || s[i] == '-')) ++i;
    if (i == w) return false;
    std::string_view word = s.substr(w, i - w);
    bool head = false;
    for (std::string_view k : kKeyHeads) {
      head = head || (word.size() == k.size() && StartsWithNoCaseAt(word, 0, k));
    }
    if (head) {
      std::size_t j = i;
      while (j < s.size() && IsBlank(s[j])) ++j;
      if (j < s.size() && s[j] == '(') {
        const std::size_t close = s.find(')', j);
        if (close == std::string_view::npos || close - j > 24) return false;
        j = close + 1;
      } else if (StartsWithNoCaseAt(s, i, " of ")) {
        if (const std::size_t subject = StatedSubject(s, i + 4); subject > 0) j = i + 4 + subject;
      }
      while (j < s.size() && IsBlank(s[j])) ++j;
      if (j < s.size() && s[j] == ':') {
        while (j < s.size() && s[j] == ':') ++j;
        if (OnlyDecoration(s.substr(j))) return true;
      }
    }
    if (i >= s.size() || !IsBlank(s[i])) return false;
    while (i < s.size() && IsBlank(s[i])) ++i;
  }
  return false;
}

// `rest` (what follows a key up to the value, or to its line's end) holds a
// loose separator: a decoration character that is not a blank.
bool HasSeparator(std::string_view rest) {
  for (char c : rest) {
    if (!IsBlank(c)) return true;
  }
  return false;
}

// How `s` (the text before the value on its line, or the whole line above
// it when `same_line` is false) reads as a key: blanks, then a statement's
// subject optionally ("This email is ", "The attachment has been ":
// self_statement.h), then a key, then only decoration.
LineLabel ReadKey(std::string_view s, bool same_line) {
  std::size_t lead = 0;
  while (lead < s.size() && IsBlank(s[lead])) ++lead;
  std::size_t statement = StatementSubject(s, lead);
  lead += statement;
  // "This document is classified UK SECRET", "The attachment is marked
  // SECRET": the statement without "as" (tester 43 finding 3, tester 45
  // finding 5), on the value's own line.
  if (statement > 0 && same_line) {
    for (std::string_view verb : {"classified ", "marked ", "labelled ", "labeled "}) {
      if (StartsWithNoCaseAt(s, lead, verb) &&
          IsBlankLine(s, lead + verb.size() - 1, s.size())) {
        return LineLabel::kLoose;
      }
    }
  }
  for (const LabelKeyWord& key : kLabelKeys) {
    if (!StartsWithNoCaseAt(s, lead, key.word)) continue;
    std::size_t i = lead + key.word.size();
    if (!key.separated) {
      if (OnlyDecoration(s.substr(i))) return LineLabel::kKeyed;
      continue;
    }
    if (i < s.size() && (IsAlpha(s[i]) || IsDigit(s[i]))) continue;  // "Classified"
    // "Protective marking of this email: UK SECRET" (round 49's tester 13,
    // finding 5): the key says whose marking it is.
    if (StartsWithNoCaseAt(s, i, " of ")) {
      if (const std::size_t subject = StatedSubject(s, i + 4); subject > 0) i += 4 + subject;
    }
    std::size_t colon = i;
    while (colon < s.size() && IsBlank(s[colon])) ++colon;
    if (colon < s.size() && s[colon] == ':') {
      while (colon < s.size() && s[colon] == ':') ++colon;
      if (OnlyDecoration(s.substr(colon))) return LineLabel::kKeyed;
      continue;
    }
    std::string_view rest = s.substr(i);
    if (!OnlyDecoration(rest)) continue;
    if (HasSeparator(rest)) return LineLabel::kLoose;
    if (same_line && key.blank_only && !rest.empty()) return LineLabel::kLoose;
  }
  return GenericKey(s, lead) ? LineLabel::kKeyed : LineLabel::kNone;
}

}  // namespace

LineLabel LabelBefore(std::string_view text, std::size_t line_begin,
                      std::size_t begin) {
  std::string_view before = text.substr(line_begin, begin - line_begin);
  before.remove_suffix(OpeningQuoteBefore(before, before.size()));
  LineLabel here = ReadKey(before, true);
  if (here != LineLabel::kNone) return here;
  if (!OnlyDecoration(before) || line_begin == 0 ||
      text[line_begin - 1] != '\n') {
    return LineLabel::kNone;
  }
  // One blank line may stand between: HTML writes one between two cells.
  for (int blank = 0; blank < 2; ++blank) {
    std::size_t above = LineStart(text, line_begin - 1);
    std::string_view line = text.substr(above, line_begin - 1 - above);
    if (!IsBlankLine(line, 0, line.size())) return ReadKey(line, false);
    if (above == 0 || text[above - 1] != '\n') return LineLabel::kNone;
    line_begin = above;
  }
  return LineLabel::kNone;
}

bool LabelledValue(std::string_view text, std::size_t begin, std::size_t end) {
  // Keyed or loose, the value is the marking and its banner furniture only
  // (issue 13, round 44 tester finding 9: "Classification: UK SECRET
  // material is handled in room 4 only." is a sentence after a colon).
  if (LabelBefore(text, LineStart(text, begin), begin) == LineLabel::kNone) {
    return false;
  }
  if (KnownBannerTail(text, end)) return true;
  std::string_view after = text.substr(end, LineEnd(text, end) - end);
  while (!after.empty() && (IsBlank(after.back()) || after.back() == '\r')) {
    after.remove_suffix(1);
  }
  // The quoted value's closing mark, when the key's line opened one
  // (`Classification: "UK SECRET"`, as a form's field or a sender quotes
  // it; round 49's tester 13, finding 3).
  if (begin > LineStart(text, begin) && OpeningQuoteBefore(text, begin) > 0) {
    const std::size_t closing = ClosingQuoteAt(after, 0);
    if (closing == 0) return false;
    after.remove_prefix(closing);
    if (KnownBannerTail(text, end + closing)) return true;
  }
  std::size_t i = 0;
  while (i < after.size() && IsBlank(after[i])) ++i;
  if (i == after.size() || after.substr(i) == ".") return true;
  if (after[i] >= 'a' && after[i] <= 'z') return false;
  char last = after.back();
  return last != '.' && last != '!' && last != '?';
}

bool InLabelledProse(std::string_view text, std::size_t begin) {
  constexpr int kMaxKeyWords = 4, kProseWords = 3, kProseWordsBefore = 2;
  const std::size_t line_begin = LineStart(text, begin);
  std::size_t i = line_begin;
  while (i < begin && IsBlank(text[i])) ++i;
  int key_words = 0;
  while (i < begin && IsAlpha(text[i])) {
    while (i < begin && (IsAlpha(text[i]) || text[i] == '-' || text[i] == '/')) ++i;
    ++key_words;
    while (i < begin && IsBlank(text[i])) ++i;
  }
  if (key_words == 0 || key_words > kMaxKeyWords || i >= begin || text[i] != ':') return false;
  // A quoted reply's subject line is a title, its marking the title's tag.
  for (std::string_view header : {"subject", "betreff", "objet", "asunto", "oggetto"}) {
    if (StartsWithNoCaseAt(text, line_begin, header)) return false;
  }
  ++i;
  while (i < begin && IsBlank(text[i])) ++i;
  if (i == begin) return false;  // the value is the rating itself
  // Words in lower case in the value, two before the match and one after
  // it: a sentence runs through it ("EAR - ECCN 3A001, licence required"
  // is a rating and its note).
  int lower = 0, before = 0;
  bool after = false;
  const std::size_t line_end = LineEnd(text, begin);
  for (std::size_t w = i; w < line_end;) {
    while (w < line_end && IsBlank(text[w])) ++w;
    if (w < line_end && text[w] >= 'a' && text[w] <= 'z') {
      ++lower;
      before += w < begin ? 1 : 0;
      after = after || w > begin;
    }
    while (w < line_end && !IsBlank(text[w])) ++w;
  }
  return lower >= kProseWords && before >= kProseWordsBefore && after;
}

}  // namespace nearmiss::content

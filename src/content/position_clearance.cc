// Classifications that name a security clearance (position.h,
// AboutClearance): job adverts, recruiter mail and vetting notices write the
// level of a clearance with the same words as a marking ("Active TOP
// SECRET/SCI clearance", "TS/SCI eligible"), but they mark nothing.
#include <algorithm>
#include <array>
#include <utility>

#include "content/cv_clearance.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/vacancy_text.h"

namespace nearmiss::content {
namespace {

// The word after the classification that makes it a clearance level by
// itself. "polygraph": "TS/SCI polygraph", "TS/SCI w/ polygraph" (via
// "w/").
constexpr std::array<std::string_view, 6> kClearanceWords = {
    "clearance", "clearances", "cleared", "polygraph", "poly", "w/"};

// Words after the classification that make it a clearance level only in a
// clearance's or a job's context (ClearanceContext): "TS/SCI eligible",
// "requires TOP SECRET eligibility", but "UK SECRET investigation
// findings", "SECRET position report" are marked subjects (issue 13,
// breaker round 13 defect 2).
constexpr std::array<std::string_view, 10> kContextWords = {
    "eligibility", "eligible",      "level",  "levels", "position",
    "positions",   "investigation", "holder", "holders", "required"};

// Labels of a clearance field at a line's start ("Clearance: TS/SCI").
constexpr std::array<std::string_view, 4> kClearanceLabels = {
    "clearance:", "clearance level:", "security clearance:",
    "required clearance:"};

// A letter of a label's word: ASCII, or a byte of a non-ASCII letter
// ("Ermächtigung").
bool LabelLetter(char c) { return IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80; }

bool WordIs(std::string_view text, std::size_t at, std::string_view word) {
  if (!StartsWithNoCaseAt(text, at, word)) return false;
  std::size_t after = at + word.size();
  return word.back() == '/' || after == text.size() || !IsAlpha(text[after]);
}

// A short field label before the match that names a clearance, in any of
// the words recruiters and vetting forms put around it: "Clearance
// required:", "Security clearance required:", "Minimum clearance:",
// "Security Clearance Level:", "Vetting required:", "Clearance needed -"
// (round 46's tester 13, finding 1; kClearanceLabels are the fixed ones).
// The label runs from `from` to `begin`: at most kMaxLabelWords words of
// letters, ending in ':' or a dash, that name a clearance
// (NamesPersonsClearance); "Security Classification:" is no such label.
constexpr std::size_t kMaxLabelWords = 5;
bool ClearanceFieldLabel(std::string_view text, std::size_t from, std::size_t begin) {
  std::size_t end = begin;
  while (end > from && IsBlank(text[end - 1])) --end;
  if (end == from) return false;
  const char last = text[end - 1];
  if (last != ':' && last != '-') return false;
  --end;
  std::size_t words = 0;
  for (std::size_t i = from; i < end;) {
    while (i < end && IsBlank(text[i])) ++i;
    if (i == end) break;
    std::size_t w = i;
    while (w < end && (LabelLetter(text[w]) || text[w] == '-')) ++w;
    if (w == i || (w < end && !IsBlank(text[w]))) return false;  // not a word of letters
    if (++words > kMaxLabelWords) return false;
    i = w;
  }
  return NamesPersonsClearance(text.substr(from, end - from));
}

// A generic level key ("Security:", "Sensitivity Level -") from `from` to
// `begin`, in a text that reads as a vacancy; or "Security:" / "Level:"
// keyed with a colon as one field of a record of `Key: value` fields (a
// job's or a booking's; vacancy_text.h, InFieldRecord). A Purview
// "Sensitivity:" line is a label's, so only the keys without it.
bool VacancyLevelField(std::string_view text, std::size_t from, std::size_t begin) {
  std::size_t end = begin;
  while (end > from && IsBlank(text[end - 1])) --end;
  if (end == from || (text[end - 1] != ':' && text[end - 1] != '-')) return false;
  const std::string_view key = text.substr(from, end - 1 - from);
  if (!GenericLevelKey(key)) return false;
  if (ReadsAsVacancy(text, begin)) return true;
  return text[end - 1] == ':' && !ContainsNoCase(key, "sensitivity") &&
         InFieldRecord(text, LineStart(text, begin));
}

// "TOP SECRET/SCI with polygraph", "TS/SCI with a full-scope poly": a
// polygraph within three words after "with" qualifies a person's clearance
// (a job spec's "Security Classification: TOP SECRET/SCI with polygraph",
// issue 13, tester 13 item 17). No marking is written with a polygraph.
bool WithPolygraph(std::string_view text, std::size_t word) {
  if (!WordIs(text, word, "with")) return false;
  std::size_t i = word + 4;
  for (int n = 0; n < 3; ++n) {
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (WordIs(text, i, "polygraph") || WordIs(text, i, "poly") ||
        WordIs(text, i, "FSP")) {
      return true;
    }
    while (i < text.size() && !IsBlank(text[i]) && text[i] != '\n') ++i;
  }
  return false;
}

// Words of a heading over a clearance in a job advert ("Clearance
// Required:", "Requirements:", "Essential qualifications:").
constexpr std::array<std::string_view, 6> kRequirementHeadings = {
    "clearance", "requirement", "qualification", "skills", "essential",
    "must have"};

// Words of a job advert's subject or title line ("Job alert: Systems Admin
// (TOP SECRET/SCI)", "Vacancy: Analyst - TS/SCI").
constexpr std::array<std::string_view, 8> kJobWords = {
    "job", "jobs", "vacancy", "vacancies", "hiring", "career", "careers",
    "recruiting"};

// Job titles and words of an opening ("TS/SCI Systems Engineer - Reston",
// "Intelligence Analyst (TS/SCI)", "TS/SCI: developer opening"): with the
// clearance's own spelling, "/SCI" after one slash, anywhere on the line,
// the line advertises a cleared job (round 41 item 6).
constexpr std::array<std::string_view, 20> kRoleWords = {
    "engineer",  "engineers", "analyst",   "analysts",   "developer",
    "developers", "administrator", "admin", "architect", "scientist",
    "specialist", "technician", "consultant", "manager",  "opening",
    "openings",  "opportunity", "opportunities", "role",  "roles"};

// Lines looked at above a list item for its heading.
constexpr int kListLines = 8;

bool IsListItem(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  return i < line.size() && SkipListBullet(line, i, line.size()) != i;
}

// A heading line: it ends in a colon and names what follows.
bool IsRequirementHeading(std::string_view line) {
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  if (line.empty() || line.back() != ':') return false;
  for (std::string_view w : kRequirementHeadings) {
    if (ContainsNoCase(line, w)) return true;
  }
  return false;
}

// The line above is a heading such as "Clearance Required:", or the match
// is a list item under "Requirements:" (other items and blanks between).
bool UnderRequirementHeading(std::string_view text, std::size_t line_begin) {
  bool item = IsListItem(
      text.substr(line_begin, LineEnd(text, line_begin) - line_begin));
  std::size_t end = line_begin;
  for (int n = 0; n < kListLines && end > 0 && text[end - 1] == '\n'; ++n) {
    std::size_t start = LineStart(text, end - 1);
    std::string_view line = text.substr(start, end - 1 - start);
    end = start;
    if (IsBlankLine(line, 0, line.size())) continue;
    if (IsRequirementHeading(line)) return true;
    if (!item || !IsListItem(line)) return false;
  }
  return false;
}

// "TOP SECRET/SCI", "TS/SCI": the clearance is written with one slash; a
// banner's control follows "//" ("TOP SECRET//SCI").
bool SingleSlashSci(std::string_view text, std::size_t begin, std::size_t end) {
  // Only [begin, stop) is searched: a search to the text's end, once per
  // match, made a text of many marks quadratic (issue 13, breaker defect 7).
  std::size_t stop = std::min(LineEnd(text, end), end + 5);
  if (stop <= begin) return false;
  std::size_t at = text.substr(begin, stop - begin).find("/SCI");
  if (at == std::string_view::npos) return false;
  at += begin;
  return at + 4 <= stop && at > begin && text[at - 1] != '/';
}

// A job word on the match's line before it: an advert's title or subject.
bool AfterJobWord(std::string_view text, std::size_t line_begin,
                  std::size_t begin) {
  for (std::size_t i = line_begin; i < begin; ++i) {
    if (i > line_begin && IsAlpha(text[i - 1])) continue;
    for (std::string_view w : kJobWords) {
      if (i + w.size() <= begin && WordIs(text, i, w)) return true;
    }
  }
  return false;
}

// The match's line speaks of a clearance or a job ("Applicants must be
// TS/SCI eligible", "Job: Engineer - TS/SCI required", "Position requires
// TOP SECRET eligibility and a CI polygraph"): a lower-case word just
// before the match (the level is a sentence's object, not a heading), or a
// clearance or job word anywhere on the line.
bool ClearanceContext(std::string_view text, std::size_t begin,
                      std::size_t end) {
  std::size_t line_begin = LineStart(text, begin);
  std::size_t i = begin;
  while (i > line_begin && IsBlank(text[i - 1])) --i;
  if (i > line_begin && text[i - 1] >= 'a' && text[i - 1] <= 'z') return true;
  std::string_view line =
      text.substr(line_begin, LineEnd(text, end) - line_begin);
  for (std::string_view w : {"clearance", "cleared", "polygraph", "vetting",
                             "candidate", "applicant"}) {
    if (ContainsNoCase(line, w)) return true;
  }
  return AfterJobWord(text, line_begin, LineEnd(text, end));
}

// The marking stands alone on its line under a clearance heading: the
// nearest line above with words is short (at most kHeadingWords words,
// its colon optional) and names a clearance ("Clearance:", "Clearance
// Level", "Security Clearance Required"). Job adverts put the field's value
// on the next line as often as after the colon.
constexpr int kHeadingWords = 4;
bool UnderClearanceHeading(std::string_view text, std::size_t line_begin,
                           std::size_t begin, std::size_t end) {
  std::size_t line_end = LineEnd(text, end);
  // A list bullet before it ("• TS/SCI"), a status or a polygraph after it
  // ("TOP SECRET/SCI (active)"; cv_clearance.h).
  std::size_t lead = line_begin;
  while (lead < begin && IsBlank(text[lead])) ++lead;
  lead = SkipListBullet(text, lead, begin);
  for (std::size_t i = lead; i < line_end; ++i) {
    bool in_match = i >= begin && i < end;
    if (!in_match && !IsBlank(text[i]) && text[i] != '/' && !IsUpper(text[i])) {
      return false;  // words other than the marking's on its line
    }
  }
  std::string_view above = NeighbourLine(text, line_begin, line_end, false);
  while (!above.empty() && (IsBlank(above.back()) || above.back() == ':')) {
    above.remove_suffix(1);
  }
  int words = 0;
  bool in_word = false;
  for (char c : above) {
    if (!IsBlank(c) && !in_word) ++words;
    in_word = !IsBlank(c);
  }
  if (words == 0 || words > kHeadingWords) return false;
  for (std::size_t i = 0; i < above.size(); ++i) {
    if ((i == 0 || !IsAlpha(above[i - 1])) &&
        (WordIs(above, i, "clearance") || WordIs(above, i, "clearances") ||
         WordIs(above, i, "vetting"))) {
      return true;
    }
  }
  return false;
}

// Clearance levels as recruiters list them (32 CFR 117 and DCSA: TOP
// SECRET, SECRET, CONFIDENTIAL, TS/SCI; OPM's PUBLIC TRUST positions), in
// the capitals of a list line.
constexpr std::array<std::string_view, 6> kClearanceLevels = {
    "TOP SECRET", "TS", "SECRET", "CONFIDENTIAL", "PUBLIC TRUST", "POSITIVE VETTING"};

// Neighbour lines longer than this are not list lines; the bound keeps the
// look at them constant per match.
constexpr std::size_t kMaxListLineBytes = 120;

// `line` opens, after blanks and a bullet, with a clearance level, its
// controls ("/SCI", "//SCI"), a separator and a place or a role: "TOP
// SECRET/SCI - Reston", "SECRET - Fort Meade", "* TS/SCI, Chantilly VA",
// "◦ TS/SCI with polygraph - Chantilly".
bool IsLevelListLine(std::string_view line) {
  if (line.size() > kMaxListLineBytes) return false;
  std::size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  i = SkipListBullet(line, i, line.size());
  while (i < line.size() && IsBlank(line[i])) ++i;
  std::size_t level_end = 0;
  for (std::string_view level : kClearanceLevels) {
    if (line.substr(i, level.size()) == level &&
        (i + level.size() == line.size() || !IsAlpha(line[i + level.size()]))) {
      level_end = i + level.size();
      break;
    }
  }
  if (level_end == 0) return false;
  i = level_end;
  while (i < line.size() && (line[i] == '/' || IsUpper(line[i]))) ++i;
  while (i < line.size() && IsBlank(line[i])) ++i;
  // The clearance's qualifier before the place: "TS/SCI with polygraph -
  // Chantilly, VA", "TS/SCI w/ Full Scope Poly - Reston".
  if (StartsWithNoCaseAt(line, i, "with ") || StartsWithNoCaseAt(line, i, "w/")) {
    while (i < line.size() && line[i] != '-' && line[i] != ',' && line[i] != '(' &&
           line[i] != '|') {
      ++i;
    }
  }
  if (i == line.size()) return false;
  char sep = line[i];
  if (sep != '-' && sep != ',' && sep != ':' && sep != '(' && sep != '|' &&
      sep != '@') {
    return false;
  }
  for (++i; i < line.size(); ++i) {
    if (IsAlpha(line[i])) return true;
  }
  return false;
}

// The line next to the one from `line_begin` to `line_end` (above, or below
// when `below`), with no blank line between; empty when there is none or
// it is longer than kMaxListLineBytes.
std::string_view AdjacentLine(std::string_view text, std::size_t line_begin,
                              std::size_t line_end, bool below) {
  if (below) {
    if (line_end >= text.size() || text[line_end] != '\n') return {};
    std::size_t b = line_end + 1, e = b;
    while (e < text.size() && text[e] != '\n' && e - b <= kMaxListLineBytes) ++e;
    return text.substr(b, e - b);
  }
  if (line_begin == 0 || text[line_begin - 1] != '\n') return {};
  std::size_t e = line_begin - 1, b = e;
  while (b > 0 && text[b - 1] != '\n' && e - b <= kMaxListLineBytes) --b;
  return text.substr(b, e - b);
}

// The match's line and a line right next to it are each a clearance level
// with a place or a role after it: a recruiter's list of cleared roles
// ("TOP SECRET/SCI - Reston\nSECRET - Fort Meade"). A marked message
// carries one level per banner line, and no banner stands on two lines in
// a row with two places after them (issue 13, breaker round 8 defect 9).
bool InClearanceList(std::string_view text, std::size_t line_begin,
                     std::size_t line_end) {
  if (line_end - line_begin > kMaxListLineBytes ||
      !IsLevelListLine(text.substr(line_begin, line_end - line_begin))) {
    return false;
  }
  return IsLevelListLine(AdjacentLine(text, line_begin, line_end, false)) ||
         IsLevelListLine(AdjacentLine(text, line_begin, line_end, true));
}

// A word of a label that alone names a person's clearance, and the pairs
// that do ("Access Level", not "Access:"; "Investigation Level", not the
// "Fraud investigation - UK SECRET" of a marked subject).
// "Eligibility:" alone too: no marking is keyed so.
// German adverts' and vetting forms' words: "VS-Ermächtigung" (the
// authorisation to VS a person holds, VSA § 3), "Sicherheitsüberprüfung"
// and its level "Ü1/Ü2/Ü3" (SÜG §§ 8-10), "Ü-Stufe" (round 58b's tester
// 13, finding 7). Non-ASCII letters compare byte for byte, in the case
// written here or the word's first capital.
constexpr std::array<std::string_view, 11> kPersonLabelWords = {
    "clearance", "clearances", "vetting", "vetted", "eligibility",
    "vs-ermächtigung", "ermächtigung", "vs-ermaechtigung", "sicherheitsüberprüfung",
    "sicherheitsueberpruefung", "ü-stufe"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPersonLabelPairs = {{
    {"access", "level"},
    {"investigation", "level"},
    {"investigation", "type"},
    {"background", "investigation"},
    {"position", "sensitivity"},
    {"position", "designation"},
}};

bool SameWord(std::string_view word, std::string_view name) {
  if (word.size() == name.size() && StartsWithNoCaseAt(word, 0, name)) return true;
  // "Ü-Stufe": a non-ASCII first letter in capitals ("Ü" is C3 9C, "ü" C3 BC).
  return word.size() == name.size() && word.size() > 2 &&
         static_cast<unsigned char>(word[0]) == 0xC3 && word[0] == name[0] &&
         (static_cast<unsigned char>(word[1]) | 0x20) == static_cast<unsigned char>(name[1]) &&
         StartsWithNoCaseAt(word.substr(2), 0, name.substr(2));
}

}  // namespace

bool RoleWordOnLine(std::string_view text, std::size_t line_begin, std::size_t line_end) {
  for (std::size_t i = line_begin; i < line_end; ++i) {
    if (i > line_begin && IsAlpha(text[i - 1])) continue;
    for (std::string_view w : kRoleWords) {
      if (i + w.size() <= line_end && WordIs(text, i, w)) return true;
    }
  }
  return false;
}

bool NamesPersonsClearance(std::string_view label) {
  std::string_view previous;
  for (std::size_t i = 0; i < label.size();) {
    while (i < label.size() && !LabelLetter(label[i])) ++i;
    const std::size_t w = i;
    while (i < label.size() && (LabelLetter(label[i]) || label[i] == '-')) ++i;
    const std::string_view word = label.substr(w, i - w);
    if (word.empty()) break;
    for (std::string_view name : kPersonLabelWords) {
      if (SameWord(word, name)) return true;
    }
    for (const auto& [first, second] : kPersonLabelPairs) {
      if (SameWord(previous, first) && SameWord(word, second)) return true;
    }
    previous = word;
  }
  return false;
}

namespace {

// A German vetting level, "Ü1", "Ü2" or "Ü3" (SÜG §§ 8-10: the simple,
// extended and extended-with-enquiries Sicherheitsüberprüfung), as a word
// on the match's line: "Sicherheitsüberprüfung: Ü2 (VS-VERTRAULICH)",
// "Systemadministrator (Ü2, VS-NfD)" (round 58b's tester 13, findings 7
// and 12). A document's banner line names no vetting level.
bool VettingLevelOnLine(std::string_view text, std::size_t line_begin, std::size_t line_end) {
  static constexpr std::string_view kU = "\xc3\x9c";  // "Ü"
  for (std::size_t at = text.find(kU, line_begin); at != std::string_view::npos && at < line_end;
       at = text.find(kU, at + 1)) {
    const std::size_t digit = at + kU.size();
    if (digit >= line_end || text[digit] < '1' || text[digit] > '3') continue;
    if (at > line_begin && (LabelLetter(text[at - 1]) || IsDigit(text[at - 1]))) continue;
    if (digit + 1 < line_end && (LabelLetter(text[digit + 1]) || IsDigit(text[digit + 1]))) continue;
    return true;
  }
  return false;
}

}  // namespace

bool AboutClearance(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t i = end;
  // Controls the match stopped before ("TOP SECRET" + "/SCI clearance").
  while (i < text.size() && text[i] == '/') {
    while (i < text.size() && text[i] == '/') ++i;
    while (i < text.size() && (IsUpper(text[i]) || text[i] == '-')) ++i;
  }
  // Blanks, or one hyphen joining the words ("SECRET-cleared"); a dash
  // between blanks or "--" is a subject's separator ("UK SECRET - position
  // report 0600Z"), and what follows it is the message's own words.
  std::size_t word = i;
  while (word < text.size() && IsBlank(text[word])) ++word;
  bool joined = word == i && word < text.size() && text[word] == '-' &&
                word + 1 < text.size() && IsAlpha(text[word + 1]);
  if (joined) ++word;
  bool separated = word > i || (i > begin && IsBlank(text[i - 1]));
  if (separated) {
    for (std::string_view w : kClearanceWords) {
      if (WordIs(text, word, w)) return true;
    }
    if (WithPolygraph(text, word)) return true;
    for (std::string_view w : kContextWords) {
      if (WordIs(text, word, w) && ClearanceContext(text, begin, end)) {
        return true;
      }
    }
    // "TOP SECRET security clearance", not "SECRET security review".
    if (StartsWithNoCaseAt(text, word, "security ") &&
        WordIs(text, word + 9, "clearance")) {
      return true;
    }
  }
  // "TS/SCI (active)", "Active TOP SECRET/SCI": a CV's clearance with its
  // status (cv_clearance.h; round 56's tester 13, finding 1).
  const std::size_t qualified = ClearanceQualifierEnd(text, i);
  if (qualified != i || StatusWordBefore(text, begin)) return true;
  std::size_t line_begin = LineStart(text, begin);
  if (VettingLevelOnLine(text, line_begin, LineEnd(text, end))) return true;
  std::size_t lead = line_begin;
  while (lead < begin && (IsBlank(text[lead]) || text[lead] == '-' ||
                          text[lead] == '*')) {
    ++lead;
  }
  // The label at the line's head, or at the head of the match's cell in a
  // row of cells (a tab, or three blanks once normalised: a staff list's
  // "J Smith<tab>Clearance: SECRET", csv_text.h; round 41 item 7).
  std::size_t cell = begin;
  for (std::size_t n = 0; cell > line_begin && n < kMaxListLineBytes; --cell, ++n) {
    if (text[cell - 1] == '\t' || (cell >= line_begin + 3 && text[cell - 1] == ' ' &&
                                   text[cell - 2] == ' ' && text[cell - 3] == ' ')) {
      break;
    }
  }
  for (std::size_t at : {lead, cell}) {
    for (std::string_view label : kClearanceLabels) {
      if (StartsWithNoCaseAt(text, at, label) && at + label.size() <= begin) return true;
    }
    if (at < begin && ClearanceFieldLabel(text, at, begin)) return true;
    // "Sensitivity Level: TOP SECRET", "Security: SECRET" in a vacancy: the
    // post's clearance, keyed as a document's level would be
    // (vacancy_text.h; round 52's tester 13, finding 5).
    if (at < begin && VacancyLevelField(text, at, begin)) return true;
  }
  if (UnderClearanceHeading(text, line_begin, begin, std::max(end, qualified))) return true;
  if (InClearanceList(text, line_begin, LineEnd(text, end))) return true;
  // Only the clearance's own spelling, "/SCI" after one slash, in these
  // looser places: a real "SECRET//NOFORN" under "Requirements:" or in a
  // subject about hiring still counts.
  if (!SingleSlashSci(text, begin, end)) return false;
  return InCvHeaderBlock(text, begin, i) || UnderRequirementHeading(text, line_begin) ||
         AfterJobWord(text, line_begin, begin) ||
         RoleWordOnLine(text, line_begin, LineEnd(text, end));
}

}  // namespace nearmiss::content

// GenericLevelKey and ReadsAsVacancy (vacancy_text.h).
#include "content/vacancy_text.h"

#include <algorithm>
#include <array>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// Words a post's requirement is keyed with beside a level's word.
constexpr std::array<std::string_view, 9> kQualifiers = {
    "required", "requirement", "requirements", "minimum", "position", "role", "post", "job",
    "needed"};
constexpr std::array<std::string_view, 3> kLevelWords = {"security", "sensitivity", "level"};

// Phrases of a vacancy: an employer's or a recruiter's words about a post.
constexpr std::array<std::string_view, 16> kVacancyPhrases = {
    "we are hiring", "we're hiring", "we\xE2\x80\x99re hiring", "now hiring", "hiring for",
    "position requires", "role requires", "post requires", "job opening", "vacancy",
    "vacancies", "successful candidate", "applicants", "apply now", "job description",
    "how to apply"};

bool InList(std::string_view word, std::string_view list_word) {
  return word.size() == list_word.size() && StartsWithNoCaseAt(word, 0, list_word);
}

// Words of the keys a marked document's own header block uses: the marking
// keys (labelled_line.h) and a memo's or a quoted mail header's fields. A
// block keyed by these is the document's, not a job's or a booking's record.
constexpr std::array<std::string_view, 34> kDocumentKeyWords = {
    "classification", "classified", "marking", "markings", "caveat", "caveats",
    "handling", "label", "sensitivity", "security", "level", "class", "grading",
    "releasability", "declassify", "derived", "reason", "from", "to", "cc", "bcc",
    "date", "sent", "subject", "subj", "re", "ref", "reference", "title", "file",
    "author", "originator", "attachments", "owner"};

// The line [b, e) is "Key: value": one to three words of letters, a colon,
// then a value. Sets *key to the key.
bool FieldLine(std::string_view text, std::size_t b, std::size_t e, std::string_view* key) {
  while (b < e && IsBlank(text[b])) ++b;
  b = SkipListBullet(text, b, e);  // "- Salary: 55k", "* Room: The Vault"
  while (b < e && IsBlank(text[b])) ++b;
  std::size_t i = b;
  for (int words = 0; words < 3; ++words) {
    const std::size_t w = i;
    while (i < e && (IsAlpha(text[i]) || text[i] == '-')) ++i;
    if (i == w) return false;
    if (i < e && text[i] == ':') break;
    if (i >= e || !IsBlank(text[i])) return false;
    ++i;
  }
  if (i >= e || text[i] != ':') return false;
  *key = text.substr(b, i - b);
  return !IsBlankLine(text, i + 1, e);
}

// A record's field: a key none of whose words is a document's key word.
bool RecordField(std::string_view text, std::size_t b, std::size_t e) {
  std::string_view key;
  if (!FieldLine(text, b, e, &key)) return false;
  for (std::size_t i = 0; i < key.size();) {
    while (i < key.size() && !IsAlpha(key[i])) ++i;
    const std::size_t w = i;
    while (i < key.size() && IsAlpha(key[i])) ++i;
    if (i == w) break;
    for (std::string_view k : kDocumentKeyWords) {
      if (InList(key.substr(w, i - w), k)) return false;
    }
  }
  return true;
}

}  // namespace

bool InFieldRecord(std::string_view text, std::size_t line_begin) {
  std::size_t up = line_begin;
  for (int n = 0; n < kRecordLines && up > 0 && text[up - 1] == '\n'; ++n) {
    const std::size_t start = LineStart(text, up - 1);
    if (IsBlankLine(text, start, up - 1)) break;
    if (RecordField(text, start, up - 1)) return true;
    up = start;
  }
  std::size_t down = LineEnd(text, line_begin);
  for (int n = 0; n < kRecordLines && down < text.size() && text[down] == '\n'; ++n) {
    const std::size_t stop = LineEnd(text, down + 1);
    if (IsBlankLine(text, down + 1, stop)) break;
    if (RecordField(text, down + 1, stop)) return true;
    down = stop;
  }
  return false;
}

bool GenericLevelKey(std::string_view label) {
  bool level_word = false;
  int words = 0;
  for (std::size_t i = 0; i < label.size();) {
    while (i < label.size() && (IsBlank(label[i]) || label[i] == '\r')) ++i;
    if (i == label.size()) break;
    const std::size_t w = i;
    while (i < label.size() && IsAlpha(label[i])) ++i;
    if (i == w || (i < label.size() && !IsBlank(label[i]) && label[i] != '\r')) return false;
    const std::string_view word = label.substr(w, i - w);
    bool known = false;
    for (std::string_view k : kLevelWords) {
      if (InList(word, k)) known = level_word = true;
    }
    for (std::string_view k : kQualifiers) known = known || InList(word, k);
    if (!known || ++words > 4) return false;
  }
  return level_word;
}

bool ReadsAsVacancy(std::string_view text, std::size_t at) {
  const std::size_t from = at > kVacancyReach ? at - kVacancyReach : 0;
  const std::size_t to = std::min(text.size(), at + kVacancyReach);
  // One pass over the window, a phrase tried only where its first letter
  // starts a word: asked once per labelled line, so a text of many such
  // lines stays linear (scan_cost_test).
  for (std::size_t i = from; i < to; ++i) {
    if (i > from && IsAlpha(text[i - 1])) continue;
    const char first = static_cast<char>(text[i] | 0x20);
    for (std::string_view p : kVacancyPhrases) {
      if (p.front() == first && i + p.size() <= to && StartsWithNoCaseAt(text, i, p)) return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content

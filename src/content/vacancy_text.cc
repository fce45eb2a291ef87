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

}  // namespace

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

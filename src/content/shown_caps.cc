#include "content/shown_caps.h"

#include <algorithm>

#include "content/line_text.h"

namespace nearmiss::content {
namespace {

// A run that is nothing but a level's name, in any case ("Secret", "Top
// Secret", "UK Official-Sensitive"): shown in capitals it is the banner the
// reader sees, as a lone heading or footer line typed in capitals is, and
// the position rules (heading_word, footer_word) judge it as one. A run
// with other words keeps its typed case ("Top secret: surprise party").
bool OnlyLevelWords(std::string_view s) {
  static constexpr std::string_view kLevels[] = {
      "secret", "top secret", "confidential", "restricted", "official",
      "official-sensitive", "official sensitive", "protected", "uk secret",
      "uk top secret", "uk official", "uk official-sensitive", "uk restricted",
      "uk confidential", "nato secret", "nato restricted", "nato confidential",
      "cosmic top secret"};
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  for (std::string_view level : kLevels) {
    if (s.size() == level.size() && StartsWithNoCaseAt(s, 0, level)) return true;
  }
  return false;
}

}  // namespace

void AppendUpperAscii(std::string* text, std::string_view s, std::vector<RaisedRun>* raised) {
  if (!OnlyLevelWords(s) &&
      std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    text->append(s);
    return;
  }
  const std::size_t begin = text->size();
  for (char c : s) {
    text->push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  bool letters = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (raised != nullptr && letters) raised->push_back({begin, text->size()});
}

void TypedCaseInCellRows(std::string* text, const std::vector<RaisedRun>& raised) {
  std::string_view all(*text);
  for (const RaisedRun& run : raised) {
    if (run.end > text->size() || run.begin >= run.end) continue;
    // A run that spans lines is judged by each: lowered where its line is
    // a row of cells, as the run's words sit there.
    for (std::size_t at = run.begin; at < run.end;) {
      std::size_t line_begin = LineStart(all, at);
      std::size_t line_end = LineEnd(all, at);
      std::size_t stop = std::min(run.end, line_end);
      if (IsCellRow(all.substr(line_begin, line_end - line_begin))) {
        for (std::size_t k = at; k < stop; ++k) {
          char& c = (*text)[k];
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
      }
      at = stop + 1;
    }
  }
}

}  // namespace nearmiss::content

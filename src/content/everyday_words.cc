// Everyday English words (everyday_words.h).
#include "content/everyday_words.h"

#include <array>
#include <string>
#include <unordered_set>

#include "content/line_text.h"

namespace nearmiss::data {
extern const std::string_view kEverydayWords;
}  // namespace nearmiss::data

namespace nearmiss::content {
namespace {

// Short words of social mail that are not acronyms of an organisation or a
// report, though written in capitals.
// "bar", "inn", "spa", "gym": a venue's kind after its name ("TOP SECRET
// COCKTAIL BAR"; round 57b's tester 13, finding 4).
// "run", "day", "mum", "mom", "dad", "tea", "pie", "new", "kid": an event's
// or a product's own words ("SECRET FUN RUN", "SECRET LABOUR DAY SALE",
// "SECRET MUM HACKS"; round 58c's tester 13, finding 2). No word a
// government names a unit, a system or a report with ("MOD", "OPS", "SUB",
// "GUN", "NET", "LAB").
constexpr std::array<std::string_view, 21> kEverydayShortWords = {
    "bbq", "diy", "faq", "lol", "omg", "bff", "fun", "pub", "bar", "inn", "spa",
    "gym", "run", "day", "mum", "mom", "dad", "tea", "pie", "new", "kid"};

const std::unordered_set<std::string_view>& Words() {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string_view>();
    std::string_view list = data::kEverydayWords;
    while (!list.empty()) {
      std::size_t end = list.find('\n');
      if (end == std::string_view::npos) end = list.size();
      if (end > 0) set->insert(list.substr(0, end));
      list.remove_prefix(end == list.size() ? end : end + 1);
    }
    return set;
  }();
  return *words;
}

}  // namespace

bool IsEverydayWord(std::string_view word) {
  if (word.empty() || word.size() > 32) return false;
  std::string lower;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return false;
    lower.push_back(c);
  }
  if (lower.size() < 4) {
    for (std::string_view w : kEverydayShortWords) {
      if (w == lower) return true;
    }
    return false;
  }
  if (Words().contains(lower)) return true;
  // A noun the lists keep only in the plural, used before another noun:
  // "PYJAMA PARTY" ("pyjamas", "pajamas"; round 58c's tester 13, finding 2).
  return Words().contains(lower + "s");
}

bool OnlyEverydayWordsInCapitals(std::string_view words) {
  std::size_t i = 0, count = 0, numbers = 0;
  while (i < words.size()) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '\t')) ++i;
    if (i == words.size()) break;
    std::size_t j = i;
    while (j < words.size() && words[j] != ' ' && words[j] != '\t') ++j;
    std::string_view word = words.substr(i, j - i);
    // A year or an edition's number in the name ("SECRET COLOUR RUN 2026").
    if (word.find_first_not_of("0123456789") == std::string_view::npos) {
      if (++numbers > 1) return false;
      i = j;
      continue;
    }
    for (char c : word) {
      if (c < 'A' || c > 'Z') return false;
    }
    if (++count > kMaxEverydayNameWords || !IsEverydayWord(word)) return false;
    i = j;
  }
  return count > 0;
}

std::string_view NameTailAfter(std::string_view text, std::size_t end) {
  const std::size_t line_end = LineEnd(text, end);
  if (!IsBlankLine(text, end, line_end) || line_end >= text.size()) {
    return text.substr(end, line_end - end);
  }
  const std::size_t next_end = LineEnd(text, line_end + 1);
  return text.substr(line_end + 1, next_end - line_end - 1);
}

}  // namespace nearmiss::content

// Everyday English words (everyday_words.h).
#include "content/everyday_words.h"

#include <array>
#include <string>
#include <unordered_set>

namespace nearmiss::data {
extern const std::string_view kEverydayWords;
}  // namespace nearmiss::data

namespace nearmiss::content {
namespace {

// Short words of social mail that are not acronyms of an organisation or a
// report, though written in capitals.
// "bar", "inn", "spa", "gym": a venue's kind after its name ("TOP SECRET
// COCKTAIL BAR"; round 57b's tester 13, finding 4).
constexpr std::array<std::string_view, 12> kEverydayShortWords = {
    "bbq", "diy", "faq", "lol", "omg", "bff", "fun", "pub",
    "bar", "inn", "spa", "gym"};

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
  return Words().contains(lower);
}

bool OnlyEverydayWordsInCapitals(std::string_view words) {
  std::size_t i = 0, count = 0;
  while (i < words.size()) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '\t')) ++i;
    if (i == words.size()) break;
    std::size_t j = i;
    while (j < words.size() && words[j] != ' ' && words[j] != '\t') ++j;
    std::string_view word = words.substr(i, j - i);
    for (char c : word) {
      if (c < 'A' || c > 'Z') return false;
    }
    if (++count > kMaxEverydayNameWords || !IsEverydayWord(word)) return false;
    i = j;
  }
  return count > 0;
}

}  // namespace nearmiss::content

// LabelWords: see label_words.h.
#include "content/label_words.h"

#include "content/label_table.h"

namespace nearmiss::content {
namespace {

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::vector<std::string> LabelWords(std::string_view name) {
  name = DropVersionSuffix(TrimLabel(name));
  std::vector<std::string> words;
  std::string word;
  auto end_word = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '\\' || c == '/') {
      end_word();
      continue;
    }
    if (!word.empty() && Upper(c)) {
      const char before = word.back();
      const bool next_lower = i + 1 < name.size() && Lower(name[i + 1]);
      // "HighlyConfidential" at the 'C'; "UKSecret" at the 'S'.
      if (Lower(before) || (Upper(before) && next_lower)) end_word();
    }
    word.push_back(c);
  }
  end_word();
  return words;
}

bool InternalNameShape(std::string_view name) {
  name = DropVersionSuffix(TrimLabel(name));
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    const char c = name[i];
    if ((c == '_' || c == '-') && name[i + 1] != ' ' && name[i - 1] != ' ') return true;
  }
  for (std::size_t i = 1; i < name.size(); ++i) {
    if (Upper(name[i]) && Lower(name[i - 1])) return true;
  }
  return false;
}

std::string JoinLabelWords(const std::vector<std::string>& words, std::size_t begin,
                           std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

}  // namespace nearmiss::content

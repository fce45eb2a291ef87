// ReadsAsCopyrightCredit (copyright_credit.h).
#include "content/copyright_credit.h"

#include <array>

#include "base/ascii.h"
#include "content/line_text.h"

namespace nearmiss::content {
namespace {

constexpr int kMaxNameWords = 6;

// Words that open a sentence, never a name: "(C) The convoy ...".
constexpr std::array<std::string_view, 22> kSentenceOpeners = {
    "the", "this", "that", "these", "those", "a", "an", "our", "we", "your", "you",
    "their", "they", "it", "its", "all", "no", "some", "each", "every", "there", "i"};

// Words that join the parts of a name: "Smith and Jones", "Ann de Vries".
constexpr std::array<std::string_view, 6> kJoiners = {"and", "&", "de", "van", "von", "da"};

template <std::size_t N>
bool CreditWordOf(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list) {
    if (EqualsNoCase(word, w)) return true;
  }
  return false;
}

bool IsYear(std::string_view w) {
  return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) && IsDigit(w[2]) &&
         IsDigit(w[3]);
}

// A capitalised word: a capital, then letters, apostrophes, hyphens or
// bytes of a non-ASCII letter ("O'Neil", "Smith-Jones", "Zoë").
bool IsCapitalised(std::string_view w) {
  if (w.empty() || !IsUpper(w[0])) return false;
  for (char c : w.substr(1)) {
    if (!IsAlpha(c) && c != '\'' && c != '-' && static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ReadsAsCopyrightCredit(std::string_view rest) {
  std::size_t i = 0;
  int tokens = 0, names = 0;
  bool year = false;
  for (;;) {
    while (i < rest.size() && (IsBlank(rest[i]) || rest[i] == ',')) ++i;
    if (i == rest.size()) break;  // the name runs to the line's end
    std::size_t w = i;
    while (i < rest.size() && !IsBlank(rest[i]) && rest[i] != ',' && rest[i] != '.') ++i;
    std::string_view word = rest.substr(w, i - w);
    // An initial's stop ("J. Smith") is part of the name; another stop
    // ends it.
    const bool stop = i < rest.size() && rest[i] == '.';
    const bool initial = stop && word.size() == 1 && IsUpper(word[0]);
    if (word.empty()) return false;  // a stop or a sign with no word before it
    if (++tokens > kMaxNameWords) return false;
    if (IsYear(word)) {
      year = true;
    } else if (IsCapitalised(word)) {
      if (tokens == 1 && CreditWordOf(word, kSentenceOpeners)) return false;
      ++names;
    } else if (!CreditWordOf(word, kJoiners) || tokens == 1) {
      return false;  // a lower-case word: a sentence, not a name
    }
    if (stop && !initial) {
      ++i;
      // The stop ends the name: the line ends, or a blank and the next
      // sentence follow ("(C) John Smith. Not for commercial use.").
      if (i < rest.size() && !IsBlank(rest[i])) return false;
      break;
    }
    if (stop) ++i;
  }
  return names >= 2 || (names >= 1 && year);
}

}  // namespace nearmiss::content

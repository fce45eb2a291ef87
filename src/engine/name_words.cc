#include "engine/name_words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <utility>

#include "content/header_encode.h"
#include "content/normalize.h"
#include "engine/display_name.h"
#include "engine/family_particles.h"
#include "engine/honorifics.h"
#include "engine/role_words.h"

namespace nearmiss::engine {
namespace {

// A name of more words than this is a phrase, not a name.
constexpr size_t kMaxWords = 6;

struct Word {
  std::string text;
  bool hyphened = false;  // a hyphen joins it to the next ("Xiao-Ming")
};

// `text` case folded (ICU full folding, CaseFolding.txt), without its
// combining marks, cut into words of letters; an apostrophe between
// letters is inside a word ("O'Neill"), text in (), [] or {} is skipped.
std::vector<Word> Words(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString name = icu::UnicodeString::fromUTF8(text);
  name.foldCase();
  const icu::UnicodeString decomposed = nfd->normalize(name, status);
  if (U_FAILURE(status)) return {};
  std::vector<Word> out;
  icu::UnicodeString word;
  int depth = 0;
  UChar32 previous = 0;
  auto end_word = [&](bool hyphened) {
    if (word.isEmpty()) return;
    Word w;
    word.toUTF8String(w.text);
    w.hyphened = hyphened;
    out.push_back(std::move(w));
    word.remove();
  };
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const UChar32 next = i < decomposed.length() ? decomposed.char32At(i) : 0;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth > 0) continue;
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalpha(c)) {
      word.append(c);
    } else if ((c == '\'' || c == 0x2019) && !word.isEmpty() && u_isalpha(next)) {
      // inside the word
    } else if ((c == '-' || c == 0x2010) && u_isalpha(previous) && u_isalpha(next)) {
      end_word(/*hyphened=*/true);
    } else {
      end_word(false);
    }
    previous = c;
  }
  end_word(false);
  return out;
}

// Honorifics before the name and suffixes after it dropped, two words
// left; then the list with hyphenated words apart, and joined.
void AddReadings(std::vector<Word> words, std::vector<std::vector<std::string>>* out) {
  std::vector<std::string> plain;
  for (const Word& w : words) plain.push_back(w.text);
  const size_t lead = LeadingHonorifics(plain);
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(lead));
  while (words.size() > 2 && IsNameSuffix(words.back().text)) words.pop_back();
  if (words.size() < 2 || words.size() > kMaxWords) return;
  // "Accounts Payable": a desk, no person (role_words.h).
  for (const Word& w : words) {
    if (IsRoleWord(w.text)) return;
  }
  std::vector<std::string> apart, joined;
  bool join = false;
  for (const Word& w : words) {
    apart.push_back(w.text);
    if (join) {
      joined.back() += w.text;
    } else {
      joined.push_back(w.text);
    }
    join = w.hyphened;
  }
  for (std::vector<std::string>* list : {&apart, &joined}) {
    if (std::find(out->begin(), out->end(), *list) == out->end()) out->push_back(std::move(*list));
  }
}

// The octets of the first character of `w` (UTF-8).
size_t FirstLength(std::string_view w) {
  if (w.empty()) return 0;
  const unsigned char lead = static_cast<unsigned char>(w[0]);
  const size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(n, w.size());
}

bool IsInitial(std::string_view w) { return !w.empty() && FirstLength(w) == w.size(); }

// Assigns typed[i..] to distinct unused learned words.
bool Assign(const std::vector<std::string>& typed, const std::vector<std::string>& learned,
            size_t i, std::vector<bool>* used) {
  if (i == typed.size()) return true;
  const std::string& t = typed[i];
  for (size_t j = 0; j < learned.size(); ++j) {
    if ((*used)[j]) continue;
    const std::string& l = learned[j];
    const bool fits = IsInitial(t) ? !IsInitial(l) && l.compare(0, t.size(), t) == 0 : t == l;
    if (!fits) continue;
    (*used)[j] = true;
    if (Assign(typed, learned, i + 1, used)) return true;
    (*used)[j] = false;
  }
  return false;
}

}  // namespace

std::vector<std::vector<std::string>> NameWordLists(std::string_view display) {
  std::vector<std::vector<std::string>> out;
  if (display.empty() || !DisplayAddress(display).empty()) return out;
  for (const std::string& form : DisplayNameForms(display)) AddReadings(Words(form), &out);
  std::string decoded = content::DecodedPhrase(display);
  if (!content::IsAlreadyNormal(decoded)) {
    std::string normal;
    content::NormalizeText(decoded, &normal);
    decoded = std::move(normal);
  }
  AddReadings(Words(decoded), &out);
  return out;
}

bool WordsNameLearned(const std::vector<std::string>& typed,
                      const std::vector<std::string>& learned, size_t min_whole) {
  if (typed.size() < 2 || typed.size() > learned.size()) return false;
  size_t names = 0, whole = 0;
  for (const std::string& t : typed) {
    if (IsParticle(t)) continue;
    ++names;
    if (!IsInitial(t) && t.size() >= 2) ++whole;
  }
  if (names < 2 || whole < std::max<size_t>(min_whole, 1)) return false;
  std::vector<bool> used(learned.size());
  return Assign(typed, learned, 0, &used);
}

bool DisplayWordsName(std::string_view typed_display, std::string_view learned_display) {
  const auto learned = NameWordLists(learned_display);
  for (const auto& typed : NameWordLists(typed_display)) {
    for (const auto& l : learned) {
      if (WordsNameLearned(typed, l, 1)) return true;
    }
  }
  return false;
}

std::vector<std::vector<std::string>> HyphenedGroups(std::string_view display) {
  std::vector<std::vector<std::string>> out;
  auto add = [&out](const std::vector<Word>& words) {
    std::vector<std::string> group;
    for (const Word& w : words) {
      group.push_back(w.text);
      if (w.hyphened) continue;
      if (group.size() >= 2 && std::find(out.begin(), out.end(), group) == out.end()) {
        out.push_back(group);
      }
      group.clear();
    }
  };
  for (const std::string& form : DisplayNameForms(display)) add(Words(form));
  add(Words(content::DecodedPhrase(display)));
  return out;
}

std::vector<std::string> NameIndexWords(std::string_view display) {
  std::vector<std::string> out;
  for (const auto& list : NameWordLists(display)) {
    for (const std::string& w : list) {
      if (IsInitial(w) || IsParticle(w)) continue;
      if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
  }
  return out;
}

}  // namespace nearmiss::engine

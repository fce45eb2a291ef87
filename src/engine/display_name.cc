#include "engine/display_name.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>
#include <vector>

#include "content/header_encode.h"
#include "content/normalize.h"
#include "engine/address_fold.h"
#include "engine/family_particles.h"
#include "engine/honorifics.h"
#include "engine/name_spellings.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

// A name has at most this many words once titles and suffixes are dropped
// (given, middle, family, and one more): more is a phrase, not a name.
constexpr size_t kMaxNameWords = 4;

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words of a display name that are no name: titles before it (RFC 5322
// leaves the phrase free; directories and clients put "Mr", "Herr", "Sra."
// there: data/names/honorifics.txt, honorifics.h).
bool IsTitle(std::string_view w) { return IsHonorific(w); }

}  // namespace

// Generational or degree suffixes after a name.
bool IsNameSuffix(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd",
                                                   "md", "esq"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), w) != std::end(kSuffixes);
}

std::vector<std::string> DisplayNameForms(std::string_view display) {
  std::vector<std::string> out;
  if (display.empty()) return out;
  // NFKC first (content/normalize.h): a full-width "Ｍａｒｉａ Ｇａｒｃｉａ"
  // reads as Maria Garcia, as the confusable folding below expects.
  std::string decoded = content::DecodedPhrase(display);
  if (!content::IsAlreadyNormal(decoded)) {
    std::string normal;
    content::NormalizeText(decoded, &normal);
    decoded = std::move(normal);
  }
  out.push_back(lookalike::AsciiLookalike(decoded).text);
  bool german = false;
  std::string transcribed = TranscribedLetters(decoded, &german);
  if (german) out.push_back(lookalike::AsciiLookalike(transcribed).text);
  for (size_t i = 0, n = out.size(); i < n; ++i) {
    std::string swapped = GaelicPrefixSwapped(out[i]);
    if (!swapped.empty()) out.push_back(std::move(swapped));
  }
  return out;
}

bool DisplayNames(std::string_view display, std::string* given, std::string* family) {
  std::array<std::string, kMaxNameWords> words;
  std::array<bool, kMaxNameWords> hyphened{};  // the word ended at a hyphen
  size_t n = 0;
  std::string word;
  bool comma = false;
  std::vector<std::string> titles;  // leading titles dropped
  size_t family_group = 0;  // words before the comma of "van der Berg, Pieter"
  int depth = 0;  // inside (), [] or {}
  for (size_t i = 0; i <= display.size(); ++i) {
    char c = i < display.size() ? display[i] : ' ';
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth == 0 && IsLetter(c)) {
      word += Lower(c);
      continue;
    }
    // An apostrophe between letters joins one name ("O'Connor" is
    // oconnor in addresses; NamesPerson reads names as whole words). A
    // hyphen divides a double name, either half of which is used alone.
    if (depth == 0 && c == '\'' && !word.empty() && i + 1 < display.size() &&
        IsLetter(display[i + 1])) {
      continue;
    }
    if (depth == 0 && c == ',' && n == 0 && !word.empty()) comma = true;
    // "van der Berg, Pieter", "de la Cruz, María", "Al-Rashid, Ahmed": a
    // family name of particles and a name, or of two halves joined by a
    // hyphen, before the comma (round 47's tester 14, finding 1).
    if (depth == 0 && c == ',' && n > 0 && !comma && !word.empty() && family_group == 0) {
      bool group = true;
      for (size_t k = 0; k < n; ++k) group = group && (IsParticle(words[k]) || hyphened[k]);
      if (group) family_group = n + 1;
    }
    if (!word.empty()) {
      // A title leads the name ("Mr John Smith"; after a comma, "Smith,
      // Dr John"); a suffix ends it.
      // "Dott.ssa": a title and what ends it.
      const bool leading = n == 0 && (IsTitle(word) || (!titles.empty() &&
                                                         EndsHonorific(titles.back(), word)));
      bool skip = IsTitle(word) && comma && n == 1;
      skip |= IsNameSuffix(word) && n >= 2;
      if (leading) {
        titles.push_back(std::move(word));
      } else if (!skip) {
        if (n == kMaxNameWords) return false;
        hyphened[n] = c == '-';
        words[n++] = std::move(word);
      }
      word.clear();
    }
  }
  // A title is dropped only with two name words after it: "Pan Wei" is
  // a name (Pan a Chinese family name, and a Polish title).
  if (n < 2 && n + titles.size() >= 2 && n + titles.size() <= kMaxNameWords) {
    std::move_backward(words.begin(), words.begin() + n, words.begin() + n + titles.size());
    std::move(titles.begin(), titles.end(), words.begin());
    n += titles.size();
  }
  if (n < 2) return false;
  if (family_group != 0 && family_group < n) {
    // The family name's last word keys it, as for "Pieter van der Berg".
    *given = words[family_group];
    *family = words[family_group - 1];
  } else {
    *given = comma ? words[1] : words[0];
    *family = comma ? words[0] : words[n - 1];
  }
  // Two words, one an initial: "P. Okonkwo", "Okonkwo, P.", "Maria G.",
  // "Nakamura K." (which of the two is the initial is read by NamesPerson).
  const bool one_initial = n == 2 && (given->size() == 1) != (family->size() == 1);
  return one_initial || (given->size() >= 2 && family->size() >= 2);
}

namespace {

// The other readings of a name's word order (DisplayNameReadings): a family
// name first without a comma ("NOVAK Petr", "DUPONT Jean", "Tanaka Taro":
// the order of French, Hungarian and Japanese directories), and a family
// name of two words ("García López, Ana María", "GARCÍA LÓPEZ Ana María":
// the Spanish directory's two surnames, either of which the address may
// carry). Each family word is paired with the first given word (round 50's
// tester 14, findings 1 and 3). Titles, suffixes and bracketed remarks are
// skipped as DisplayNames skips them.
// Whether each word of `display` (the name as written, before the folding
// that lower-cases it) is in capitals: two ASCII letters or more, none lower
// case ("GARCÍA", "DUPONT"); split as OrderReadings splits, a byte of a
// non-ASCII letter counted as a letter. Empty when `display` is empty.
std::vector<bool> WordCapitals(std::string_view display) {
  std::vector<bool> out;
  int letters = 0;
  bool lower = false, in_word = false;
  int depth = 0;
  for (size_t i = 0; i <= display.size(); ++i) {
    const char c = i < display.size() ? display[i] : ' ';
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    const bool letter = IsLetter(c) || static_cast<unsigned char>(c) >= 0x80 ||
                        (c == '\'' && in_word && i + 1 < display.size() && IsLetter(display[i + 1]));
    if (depth == 0 && letter) {
      in_word = true;
      letters += IsLetter(c) ? 1 : 0;
      lower = lower || (c >= 'a' && c <= 'z');
      continue;
    }
    if (in_word) out.push_back(letters >= 2 && !lower);
    in_word = false;
    letters = 0;
    lower = false;
  }
  return out;
}

void OrderReadings(std::string_view form, std::string_view display, bool ambiguous,
                   std::vector<std::pair<std::string, std::string>>* out) {
  struct Word {
    std::string lower;
    bool capitals;  // every letter upper case, two letters or more
    bool hyphened;  // a hyphen joins it to the next ("Anne-Marie")
  };
  const std::vector<bool> capitals = WordCapitals(display);
  std::vector<Word> words, titles;  // titles: leading ones dropped
  size_t raw = 0;  // words read, skipped ones too: the index into `capitals`
  size_t comma_after = 0;  // words before the first comma
  std::string word;
  bool upper = true;
  int depth = 0;
  for (size_t i = 0; i <= form.size(); ++i) {
    const char c = i < form.size() ? form[i] : ' ';
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth == 0 && IsLetter(c)) {
      upper = upper && c >= 'A' && c <= 'Z';
      word += Lower(c);
      continue;
    }
    if (depth == 0 && c == '\'' && !word.empty() && i + 1 < form.size() && IsLetter(form[i + 1])) {
      continue;
    }
    if (!word.empty()) {
      const bool leading = words.empty() && (IsTitle(word) || (!titles.empty() &&
                                                                EndsHonorific(titles.back().lower, word)));
      const bool skip = (IsTitle(word) && words.size() == comma_after && !words.empty()) ||
                        (IsNameSuffix(word) && words.size() >= 2);
      const bool caps = raw < capitals.size() ? capitals[raw] : upper && word.size() >= 2;
      ++raw;
      if (leading) {
        titles.push_back({word, caps, c == '-'});
      } else if (!skip) {
        words.push_back({word, caps, c == '-'});
      }
      if (words.size() > kMaxNameWords) return;
      word.clear();
    }
    upper = true;
    if (depth == 0 && c == ',' && comma_after == 0 && !words.empty()) comma_after = words.size();
  }
  // Titles are dropped only with two name words after them (DisplayNames).
  if (words.size() < 2 && words.size() + titles.size() <= kMaxNameWords) {
    if (comma_after > 0) comma_after += titles.size();
    words.insert(words.begin(), titles.begin(), titles.end());
  }
  if (words.size() < 2) return;
  size_t family_words = 0;  // the family name's words, first
  if (comma_after > 0 && comma_after < words.size()) {
    family_words = comma_after;
  } else if (comma_after == 0) {
    size_t caps = 0;
    while (caps < words.size() && words[caps].capitals) ++caps;
    // "NOVAK Petr", "GARCÍA LÓPEZ Ana María": capitals first, then a name
    // that is not; two words in mixed case may be either order.
    if (caps > 0 && caps < words.size()) {
      family_words = caps;
    } else if (words.size() == 2 && ambiguous) {
      family_words = 1;
    }
  }
  if (family_words == 0 || family_words >= words.size()) return;
  const std::string& given = words[family_words].lower;
  // "DUBOIS Anne-Marie" on am.dubois: a double given name is written by
  // its initials, read as NamesPerson reads an initial (round 50's tester
  // 14, finding 4).
  const bool double_given = words[family_words].hyphened && family_words + 1 < words.size();
  for (size_t k = 0; k < family_words; ++k) {
    if (words[k].lower.size() < 2 || IsParticle(words[k].lower)) continue;
    for (std::pair<std::string, std::string> reading :
         {std::pair<std::string, std::string>{given, words[k].lower},
          std::pair<std::string, std::string>{double_given ? given.substr(0, 1) : std::string(),
                                              words[k].lower}}) {
      if (reading.first.empty()) continue;
      if (std::find(out->begin(), out->end(), reading) == out->end()) {
        out->push_back(std::move(reading));
      }
    }
  }
}

}  // namespace

namespace {

// DisplayNameReadings of one writing of the name.
void ReadingsOfWriting(std::string_view form, std::string_view display, bool ambiguous_order,
                       std::vector<std::pair<std::string, std::string>>* readings) {
  std::vector<std::pair<std::string, std::string>>& out = *readings;
  auto read = [&out](std::string_view part) {
    std::string given, family;
    if (DisplayNames(part, &given, &family)) out.emplace_back(std::move(given), std::move(family));
  };
  read(form);
  OrderReadings(form, display, ambiguous_order, &out);
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  // Where the qualifier starts at `i`, its length; 0 when none does.
  auto qualifier = [&](size_t i) -> size_t {
    const char c = form[i];
    if (c == '|' || c == '/' || c == '\\' || c == ';' || c == ',' || c == '@') return 1;
    if (c == '-' && ((i > 0 && blank(form[i - 1])) || (i + 1 < form.size() && blank(form[i + 1])))) {
      return 1;
    }
    // U+2010..U+2015: hyphens and dashes (en dash, em dash, bar), when
    // the folding kept them.
    if (c == '\xE2' && i + 2 < form.size() && form[i + 1] == '\x80' &&
        static_cast<unsigned char>(form[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(form[i + 2]) <= 0x95) {
      return 3;
    }
    for (std::string_view word : {"via", "at"}) {
      if (form.compare(i, word.size(), word) == 0 && i > 0 && blank(form[i - 1]) &&
          i + word.size() < form.size() && blank(form[i + word.size()])) {
        return word.size();
      }
    }
    return 0;
  };
  int depth = 0;  // inside (), [] or {}: DisplayNames skips it
  size_t start = 0;
  bool split = false;
  for (size_t i = 0; i < form.size(); ++i) {
    const char c = form[i];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth > 0) continue;
    if (size_t n = qualifier(i); n > 0) {
      read(form.substr(start, i - start));
      start = i + n;
      i += n - 1;
      split = true;
    }
  }
  if (split) read(form.substr(start));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DisplayNameReadings(std::string_view form,
                                                                     std::string_view display,
                                                                     bool ambiguous_order) {
  std::vector<std::pair<std::string, std::string>> out;
  ReadingsOfWriting(form, display, ambiguous_order, &out);
  // Every combination of the writings; one that writes what another did
  // (kDropPatronymics where there is no patronymic) is read once.
  std::vector<std::string> seen;
  for (int how = 1; how <= (kJoinInitials | kJoinParticles | kDropPatronymics); ++how) {
    const std::string written = DisplayNameWriting(form, how);
    if (written.empty() || std::find(seen.begin(), seen.end(), written) != seen.end()) continue;
    seen.push_back(written);
    // The name as written rewritten alike, for the capitals OrderReadings
    // reads; when that changes nothing (an encoded word), the form's own.
    const std::string as_written = display.empty() ? std::string() : DisplayNameWriting(display, how);
    std::vector<std::pair<std::string, std::string>> more;
    ReadingsOfWriting(written, as_written, ambiguous_order, &more);
    for (auto& reading : more) {
      if (std::find(out.begin(), out.end(), reading) == out.end()) out.push_back(std::move(reading));
    }
  }
  return out;
}

std::string DisplayAddress(std::string_view display) {
  std::string out;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!display.empty() && blank(display.front())) display.remove_prefix(1);
  while (!display.empty() && blank(display.back())) display.remove_suffix(1);
  for (char c : display) {
    if (blank(c)) return {};
    if (c == '\'' || c == '"' || c == '<' || c == '>') continue;
    out += Lower(c);
  }
  size_t at = out.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == out.size() ||
      out.find('@') != at) {
    return {};
  }
  return out;
}

namespace {

// The words of a local part, lower case: runs of letters (an octet of
// 0x80 or more counts as one), split at separators and digits.
std::vector<std::string> LocalWords(std::string_view local) {
  std::vector<std::string> words(1);
  for (char c : local) {
    if (IsLetter(c) || static_cast<unsigned char>(c) >= 0x80) {
      words.back() += Lower(c);
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Whether what stands beside the family name in a run-together word
// (`other`, "john" of johnsmith, "j" of smithj) is the given name: whole,
// its initial, or either with one middle initial (johnqsmith, jqsmith).
bool GivenRunFits(std::string_view other, std::string_view given) {
  return other.empty() || other == given || other == given.substr(0, 1) ||
         (other.size() == given.size() + 1 && other.starts_with(given)) ||
         (other.size() == 2 && other[0] == given[0]);
}

// Whether the words beside the family name (`others`) are the given name:
// run together (mary.jane for "Mary-Jane"), its initial, or one word that
// is either among other whole words (john.a.smith, john.paul.smith).
bool GivenWordsFit(const std::vector<std::string_view>& others, std::string_view given) {
  if (others.empty()) return true;
  std::string joined;
  for (std::string_view w : others) joined.append(w);
  if (joined == given) return true;
  // Other whole words beside it are middle names or qualifiers the display
  // name need not show (john.paul.smith for "John Smith").
  return std::any_of(others.begin(), others.end(), [given](std::string_view w) {
    return w == given || w == given.substr(0, 1);
  });
}

}  // namespace

bool NamesPerson(std::string_view local, std::string_view given, std::string_view family) {
  // A name is read in whole words: "John Smith" is not john.smithson nor
  // johnson.smith, where one name only starts or ends another (issue 14
  // breaker, round 32, item 1: the frequent contact's display name on
  // john.smithson@ was taken as fitting it, and a plain acknowledgement
  // then settled mail addressed to John Smith).
  const std::vector<std::string> words = LocalWords(local);
  if (words.empty()) return false;
  const bool one_initial = given.size() == 1 || family.size() == 1;
  // The name that must stand whole, and what may stand beside it.
  const std::string_view name = one_initial && given.size() > 1 ? given : family;
  const std::string_view beside = one_initial && given.size() > 1 ? family : given;
  if (name.size() < 2) return false;
  // Beside an initial ("P. Okonkwo", "Maria G."): nothing, or one word
  // starting with it (pieter.okonkwo, garcia.maria; mgarcia is not
  // "Maria G.").
  auto fits_beside = [&](const std::vector<std::string_view>& others) {
    if (!one_initial) return GivenWordsFit(others, beside);
    return others.empty() || (others.size() == 1 && others[0][0] == beside[0]);
  };
  if (words.size() == 1) {
    const std::string_view w = words[0];
    if (w == given || w == family) return true;
    if (w.size() <= name.size()) return false;
    std::string_view other;
    if (w.starts_with(name)) {
      other = w.substr(name.size());
    } else if (w.ends_with(name)) {
      other = w.substr(0, w.size() - name.size());
    } else {
      return false;
    }
    return one_initial ? other[0] == beside[0] : GivenRunFits(other, beside);
  }
  // The name as one word or a run of words (jan.van.den.berg for
  // "Jan van den Berg" read with family "vandenberg").
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t j = i; j < words.size() && run.size() < name.size(); ++j) {
      run.append(words[j]);
      if (run != name) continue;
      std::vector<std::string_view> others;
      for (size_t k = 0; k < words.size(); ++k) {
        if (k < i || k > j) others.push_back(words[k]);
      }
      if (fits_beside(others)) return true;
    }
  }
  // One of the two names alone, split by a separator (mary-jane@ for
  // "Mary-Jane Smith").
  if (!one_initial) {
    std::string joined;
    for (const std::string& w : words) joined.append(w);
    if (joined == given || joined == family) return true;
  }
  return false;
}

}  // namespace nearmiss::engine

#include "engine/display_name.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "content/header_encode.h"
#include "content/normalize.h"
#include "lookalike/visual_key.h"

namespace nearmiss::engine {
namespace {

// A name has at most this many words once titles and suffixes are dropped
// (given, middle, family, and one more): more is a phrase, not a name.
constexpr size_t kMaxNameWords = 4;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Words of a display name that are no name: titles before it (RFC 5322
// leaves the phrase free; directories and clients put "Mr", "Dr" there)
// and generational or degree suffixes after it.
bool IsTitle(std::string_view w) {
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "miss", "mx", "dr",
                                                 "prof", "sir", "dame", "rev", "lord", "lady"};
  return std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles);
}
bool IsSuffix(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"jr", "sr", "ii", "iii", "iv", "phd",
                                                   "md", "esq"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), w) != std::end(kSuffixes);
}

// DIN 5007-2 transcriptions, the forms German names take in addresses.
constexpr std::pair<std::string_view, std::string_view> kGerman[] = {
    {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}, {"\xC3\x84", "Ae"},
    {"\xC3\x96", "Oe"}, {"\xC3\x9C", "Ue"}, {"\xC3\x9F", "ss"}, {"\xE1\xBA\x9E", "SS"},
};

std::string German(const std::string& text, bool* changed) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kGerman) {
      if (text.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        replaced = *changed = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace

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
  std::string transcribed = German(decoded, &german);
  if (german) out.push_back(lookalike::AsciiLookalike(transcribed).text);
  return out;
}

bool DisplayNames(std::string_view display, std::string* given, std::string* family) {
  std::array<std::string, kMaxNameWords> words;
  size_t n = 0;
  std::string word;
  bool comma = false;
  int depth = 0;  // inside (), [] or {}
  for (size_t i = 0; i <= display.size(); ++i) {
    char c = i < display.size() ? display[i] : ' ';
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (depth == 0 && IsLetter(c)) {
      word += Lower(c);
      continue;
    }
    if (depth == 0 && c == ',' && n == 0 && !word.empty()) comma = true;
    if (!word.empty()) {
      // A title leads the name ("Mr John Smith"; after a comma, "Smith,
      // Dr John"); a suffix ends it.
      bool skip = IsTitle(word) && (n == 0 || (comma && n == 1));
      skip |= IsSuffix(word) && n >= 2;
      if (!skip) {
        if (n == kMaxNameWords) return false;
        words[n++] = std::move(word);
      }
      word.clear();
    }
  }
  if (n < 2) return false;
  *given = comma ? words[1] : words[0];
  *family = comma ? words[0] : words[n - 1];
  // Two words, one an initial: "P. Okonkwo", "Okonkwo, P.", "Maria G.",
  // "Nakamura K." (which of the two is the initial is read by NamesPerson).
  const bool one_initial = n == 2 && (given->size() == 1) != (family->size() == 1);
  return one_initial || (given->size() >= 2 && family->size() >= 2);
}

std::vector<std::pair<std::string, std::string>> DisplayNameReadings(std::string_view form) {
  std::vector<std::pair<std::string, std::string>> out;
  auto read = [&out](std::string_view part) {
    std::string given, family;
    if (DisplayNames(part, &given, &family)) out.emplace_back(std::move(given), std::move(family));
  };
  read(form);
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

bool NamesPerson(std::string_view local, std::string_view given, std::string_view family) {
  std::string rest;
  for (char c : local) {
    if (IsLetter(c) || static_cast<unsigned char>(c) >= 0x80) rest += Lower(c);
  }
  if (given.size() == 1 || family.size() == 1) {
    // One name and one initial, in either order ("P. Okonkwo", "Maria
    // G."): the name whole, and nothing else or a word starting with the
    // initial (p.okonkwo, pieter.okonkwo, okonkwo; maria.garcia, mgarcia is
    // not "Maria G." but garcia.maria is).
    const std::string_view name = given.size() == 1 ? family : given;
    const char initial = given.size() == 1 ? given[0] : family[0];
    if (name.size() < 2) return false;
    for (size_t at = rest.find(name); at != std::string::npos; at = rest.find(name, at + 1)) {
      const std::string other = rest.substr(0, at) + rest.substr(at + name.size());
      if (other.empty() || other[0] == initial) return true;
    }
    return false;
  }
  if (rest == given || rest == family) return true;
  for (size_t at = rest.find(family); at != std::string::npos; at = rest.find(family, at + 1)) {
    std::string other = rest.substr(0, at) + rest.substr(at + family.size());
    if (other.empty() || other == given.substr(0, 1) ||
        other.find(given) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss::engine

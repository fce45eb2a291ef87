// Shared pieces of the names data files' readers (data/names/*.txt:
// given-names.txt, given-name-forms.txt, family-particles.txt): what a word
// of those files may be, and the error that names where one is wrong.
// Internal to src/engine (name_order.cc, name_forms.cc, family_particles.cc,
// initial_forms.cc).
//
// Thread safety: pure functions.
#ifndef NEARMISS_ENGINE_NAME_TEXT_H_
#define NEARMISS_ENGINE_NAME_TEXT_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `s` is one or more lower-case ASCII letters (a-z): the form of
// every word in the names files, and of a local-part piece that can be
// compared with them (callers fold case first). Empty is false.
inline bool Letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Calls `word(w, line)` for each blank-separated word of a names file
// outside '#' comments, LINE counted from 1.
template <typename F>
void EachNameWord(std::string_view text, F word) {
  size_t line = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    for (size_t i = 0; i < l.size();) {
      while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r')) ++i;
      size_t j = i;
      while (j < l.size() && l[j] != ' ' && l[j] != '\t' && l[j] != '\r') ++j;
      if (j > i) word(l.substr(i, j - i), line);
      i = j;
    }
  }
}

// The words of a names file that are lower-case a-z (Letters), as views
// into `text`, which must outlive the set (the embedded data does: callers
// keep the set in a function-local static). Words of any other form are the
// file's error, which CheckNameWords names in the data tests.
inline std::unordered_set<std::string_view> NameWordSet(std::string_view text) {
  std::unordered_set<std::string_view> out;
  EachNameWord(text, [&](std::string_view w, size_t) {
    if (Letters(w)) out.insert(w);
  });
  return out;
}

// kInvalidArgument "SOURCE:LINE: WHAT", LINE counted from 1: the error of a
// names file line that does not parse, so a maintainer can open the line.
inline Status NamesLineError(std::string_view source, size_t line, std::string_view what) {
  std::string m(source);
  m.append(":").append(std::to_string(line)).append(": ").append(what);
  return Status::InvalidArgument(std::move(m));
}

// The first word of a names file (`text`, read as EachNameWord reads it)
// that is not lower-case a-z, as NamesLineError naming `source`:LINE; Ok
// when every word is.
inline Status CheckNameWords(std::string_view text, std::string_view source) {
  Status bad;
  EachNameWord(text, [&](std::string_view w, size_t line) {
    if (!bad.ok() || Letters(w)) return;
    // Appended, not "'" + std::string(w): GCC 12's -O3 reports a false
    // -Wrestrict on operator+(const char*, string&&) (GCC bug 105329).
    std::string what = "'";
    what.append(w).append("' is not a lower-case ASCII name (a-z only)");
    bad = NamesLineError(source, line, what);
  });
  return bad;
}

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_NAME_TEXT_H_

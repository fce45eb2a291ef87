#include "engine/family_name_list.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/*-family-names.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kChineseFamilyNames;
extern const std::string_view kJapaneseFamilyNames;
extern const std::string_view kKoreanFamilyNames;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

struct NameList {
  std::string_view text;
  std::string_view source;
};

const std::array<NameList, 3>& Lists() {
  static const std::array<NameList, 3> lists{{
      {data::kChineseFamilyNames, "data/names/chinese-family-names.txt"},
      {data::kJapaneseFamilyNames, "data/names/japanese-family-names.txt"},
      {data::kKoreanFamilyNames, "data/names/korean-family-names.txt"},
  }};
  return lists;
}

// spelling -> the names (list index * 65536 + line) it spells. A spelling
// can spell two names of one list (yu: 유 and 류) and names of two lists
// (wang: Chinese and Korean).
using Index = std::unordered_map<std::string_view, std::vector<size_t>>;

const Index& Spellings() {
  static const Index index = [] {
    Index out;
    for (size_t l = 0; l < Lists().size(); ++l) {
      // Views into the embedded text, which lives as long as the program.
      EachNameWord(Lists()[l].text, [&](std::string_view w, size_t line) {
        if (Letters(w) && w.size() >= 2) out[w].push_back(l * 65536 + line);
      });
    }
    return out;
  }();
  return index;
}

// Whether the longer of `a` and `b` is the shorter with one letter added.
bool OneLetterAddedOrDropped(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() != b.size() + 1) return false;
  size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  return a.substr(i + 1) == b.substr(i);
}

}  // namespace

bool OtherCommonFamilyNames(std::string_view a, std::string_view b) {
  if (a == b) return false;
  // One letter dropped or added (wan and wang, chen and cheng, ki and kim,
  // sato and saito): the usual typing slip, commoner than another person
  // (bench/relationships: pamela.ki for the frequent pamela.kim; round
  // 54's tester 14, finding 3). A letter changed (zhang and wang, kang
  // and jang) or two edits (tanabe and tanaka) stay two names.
  if (OneLetterAddedOrDropped(a, b)) return false;
  const Index& index = Spellings();
  auto ia = index.find(a), ib = index.find(b);
  if (ia == index.end() || ib == index.end()) return false;
  bool same_list = false;
  for (size_t x : ia->second) {
    for (size_t y : ib->second) {
      if (x == y) return false;  // two spellings of one name
      same_list |= x / 65536 == y / 65536;
    }
  }
  return same_list;
}

int CommonFamilyNameRank(std::string_view word) {
  const Index& index = Spellings();
  auto it = index.find(word);
  if (it == index.end()) return -1;
  size_t best = 65536;
  for (size_t x : it->second) best = std::min(best, x % 65536);
  return static_cast<int>(best);
}

Status CheckCommonFamilyNames() {
  for (const NameList& list : Lists()) {
    if (Status s = CheckNameWords(list.text, list.source); !s.ok()) return s;
  }
  return Status::Ok();
}

bool OtherCommonFamilyName(std::string_view typed, const Parts& t, std::string_view known,
                           const Parts& k) {
  if (t.n != k.n || t.n == 0) return false;
  if (t.n == 1) {
    // One word: the same letters (an initial, a given name) at one end, a
    // family name at the other.
    const size_t shorter = std::min(typed.size(), known.size());
    for (size_t p = 1; p < shorter && typed[p - 1] == known[p - 1]; ++p) {
      if (OtherCommonFamilyNames(typed.substr(p), known.substr(p))) return true;
    }
    for (size_t s = 1; s < shorter && typed[typed.size() - s] == known[known.size() - s]; ++s) {
      if (OtherCommonFamilyNames(typed.substr(0, typed.size() - s),
                                 known.substr(0, known.size() - s))) {
        return true;
      }
    }
    return false;
  }
  const size_t differing = OnlyDifferingPart(t, k);
  if (differing == t.n) return false;
  // First or last, whatever the domain's order: name_order.h reads it by
  // Western given names, so kim.minjun at a Korean partner reads as given
  // first. A given name that is a common family name too (wei, yang) is
  // read as one: two such words one or two edits apart are two names.
  return (differing == 0 || differing + 1 == t.n) &&
         OtherCommonFamilyNames(t.p[differing], k.p[differing]);
}

}  // namespace nearmiss::engine

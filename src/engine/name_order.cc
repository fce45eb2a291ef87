#include "engine/name_order.h"

#include <string>
#include <unordered_set>

#include "engine/local_part_rules.h"
#include "engine/name_forms.h"
#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/given-names.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kGivenNames;
extern const std::string_view kGivenNameForms;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

constexpr std::string_view kSource = "data/names/given-names.txt";

const std::unordered_set<std::string>& Lexicon() {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> out;
    EachNameWord(data::kGivenNames, [&](std::string_view w, size_t) {
      if (Letters(w)) out.emplace(w);
    });
    Result<std::vector<GivenNameForms>> forms =
        ParseGivenNameForms(data::kGivenNameForms, "data/names/given-name-forms.txt");
    if (forms.ok()) {
      for (const GivenNameForms& g : *forms) {
        out.insert(g.name);
        out.insert(g.forms.begin(), g.forms.end());
      }
    }
    return out;
  }();
  return names;
}

// +1 given-first, -1 family-first, 0 nothing told, for outer parts a, b.
int Tells(std::string_view a, std::string_view b) {
  if (a.size() == 1 && b.size() >= 2) return +1;  // j.castro
  if (b.size() == 1 && a.size() >= 2) return -1;  // castro.j
  const bool ga = IsGivenName(a), gb = IsGivenName(b);
  return ga == gb ? 0 : ga ? +1 : -1;
}

}  // namespace

bool IsGivenName(std::string_view word) {
  return word.size() >= 2 && Lexicon().count(std::string(word)) > 0;
}

Status CheckGivenNameList() { return CheckNameWords(data::kGivenNames, kSource); }

void NameOrderVotes::Add(std::string_view local) {
  const Parts parts = Split(local);
  if (parts.n < 2) return;
  const int t = Tells(parts.p[0], parts.p[parts.n - 1]);
  if (t > 0) ++given_first_;
  if (t < 0) ++family_first_;
}

NameOrder NameOrderVotes::Order() const {
  if (given_first_ == family_first_) return NameOrder::kUnknown;
  return given_first_ > family_first_ ? NameOrder::kGivenFirst : NameOrder::kFamilyFirst;
}

bool ReadsAsInitialAndFamily(std::string_view local) {
  if (local.size() < 3 || !Letters(local)) return false;
  for (size_t cut = 3; cut + 3 <= local.size(); ++cut) {
    if (IsGivenName(local.substr(0, cut))) return false;
  }
  return true;
}

}  // namespace nearmiss::engine

#include "engine/address_typo_split_name.h"

#include <string>
#include <vector>

#include "engine/display_name.h"
#include "engine/given_name_list.h"

namespace nearmiss::engine {
namespace {

using Pieces = std::vector<std::string>;

// The display name's words, lower case ASCII ("María José García López" ->
// maria, jose, garcia, lopez); words of one letter (initials) are no part
// of a run-together name.
Pieces Words(std::string_view display) {
  Pieces words;
  const std::vector<std::string> forms = DisplayNameForms(display);
  if (forms.empty()) return words;
  std::string word;
  for (char c : forms[0] + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
      continue;
    }
    if (word.size() >= 2) words.push_back(word);
    word.clear();
  }
  return words;
}

// `part` as two or more display words in the order they were written
// (garcialopez -> garcia, lopez): how the known address ran them together.
Pieces InOrder(std::string_view part, const Pieces& words) {
  for (size_t first = 0; first < words.size(); ++first) {
    Pieces run;
    std::string joined;
    for (size_t i = first; i < words.size() && joined.size() < part.size(); ++i) {
      joined += words[i];
      run.push_back(words[i]);
      if (joined == part && run.size() >= 2) return run;
    }
  }
  return {};
}

// `part` as two or more distinct display words in any order (lopezgarcia ->
// lopez, garcia): a typed part that holds the same names.
bool AnyOrder(std::string_view part, const Pieces& words, std::vector<bool>& used, Pieces& out) {
  if (part.empty()) return out.size() >= 2;
  for (size_t i = 0; i < words.size(); ++i) {
    if (used[i] || !part.starts_with(words[i])) continue;
    used[i] = true;
    out.push_back(words[i]);
    if (AnyOrder(part.substr(words[i].size()), words, used, out)) return true;
    out.pop_back();
    used[i] = false;
  }
  return false;
}

// Without a learned display name, a first part that is two common given
// names of three letters or more (mariajose, annmarie): one split only,
// never a guess between several.
Pieces TwoGivenNames(std::string_view part) {
  Pieces found;
  for (size_t cut = 3; cut + 3 <= part.size(); ++cut) {
    if (IsCommonGivenName(part.substr(0, cut)) && IsCommonGivenName(part.substr(cut))) {
      if (!found.empty()) return {};
      found = {std::string(part.substr(0, cut)), std::string(part.substr(cut))};
    }
  }
  return found;
}

// Parts from `pieces` (viewing into it), joined by '.' in `*joined`;
// false when there are more than kMaxParts.
bool Assemble(const std::vector<Pieces>& pieces, Parts* parts, std::string* joined) {
  size_t n = 0;
  for (const Pieces& p : pieces) n += p.size();
  if (n > kMaxParts) return false;
  parts->n = 0;
  joined->clear();
  for (const Pieces& p : pieces) {
    for (const std::string& s : p) {
      if (!joined->empty()) *joined += '.';
      *joined += s;
      parts->p[parts->n++] = s;
    }
  }
  return true;
}

}  // namespace

Shape SplitNameShapeOf(const Parts& typed, const Parts& known, std::string_view learned_display,
                       bool crowded) {
  if (typed.n == 0 || known.n == 0) return {};
  const Pieces words = Words(learned_display);
  // Each known part as it stands and, where it runs names together, split.
  std::vector<Pieces> whole(known.n), split(known.n);
  bool any = false;
  for (size_t i = 0; i < known.n; ++i) {
    whole[i] = {std::string(known.p[i])};
    split[i] = words.empty() ? (i == 0 && known.n >= 2 ? TwoGivenNames(known.p[i]) : Pieces{})
                             : InOrder(known.p[i], words);
    any = any || !split[i].empty();
  }
  if (!any) return {};
  // The typed parts made of the same words, split alike (lopezgarcia).
  std::vector<Pieces> typed_whole(typed.n), typed_split(typed.n);
  for (size_t i = 0; i < typed.n; ++i) {
    typed_whole[i] = {std::string(typed.p[i])};
    std::vector<bool> used(words.size(), false);
    Pieces out;
    typed_split[i] = AnyOrder(typed.p[i], words, used, out) ? out : typed_whole[i];
  }
  // Every choice of known parts to split (at least one), against the typed
  // parts as typed and as split: mj.garcialopez is read against
  // maria.jose.garcialopez, mariajose.lopez.garcia against
  // mariajose.garcia.lopez.
  for (unsigned mask = 1; mask < (1u << known.n); ++mask) {
    std::vector<Pieces> chosen(known.n);
    bool usable = true;
    for (size_t i = 0; i < known.n; ++i) {
      const bool take = (mask >> i) & 1u;
      if (take && split[i].empty()) usable = false;
      chosen[i] = take ? split[i] : whole[i];
    }
    Parts k;
    std::string k_joined;
    if (!usable || !Assemble(chosen, &k, &k_joined)) continue;
    for (const std::vector<Pieces>* t_pieces : {&typed_whole, &typed_split}) {
      Parts t;
      std::string t_joined;
      if (!Assemble(*t_pieces, &t, &t_joined) || t_joined == k_joined) continue;
      if (Shape shape = ShapeOf(t_joined, t, k_joined, k, crowded); shape.score > 0) return shape;
    }
  }
  return {};
}

}  // namespace nearmiss::engine

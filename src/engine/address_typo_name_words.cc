// AddressIndex's index of learned display names by their words, for the
// names the (given, family) readings miss: a middle name or patronymic
// with the words reordered, written as initials, or the family name left
// out (name_words.h; issue 14, tester 14 round 56, findings 1 and 2).
#include <algorithm>
#include <string>
#include <vector>

#include "engine/address_typo.h"
#include "engine/name_groups.h"
#include "engine/name_words.h"
#include "engine/person_names.h"

namespace nearmiss::engine {

void AddressIndex::AddNameWords(std::string_view scope, const Frequent& f,
                                std::string_view learned) {
  if (learned_words_.find(f.address) == learned_words_.end()) {
    learned_words_.emplace(f.address, NameWordLists(learned));
  }
  for (const std::string& word : NameIndexWords(learned)) {
    std::vector<Frequent>& list = name_words_[NamePartKey(scope, 'w', word)];
    const bool again = std::any_of(list.begin(), list.end(),
                                   [&f](const Frequent& o) { return o.address == f.address; });
    if (!again) list.push_back(f);
  }
}

std::vector<const AddressIndex::Frequent*> AddressIndex::NamedByLearnedWords(
    std::string_view scope, std::string_view display, size_t min_whole) const {
  std::vector<const Frequent*> out;
  if (display.empty() || name_words_.empty()) return out;
  const std::vector<std::vector<std::string>> typed = NameWordLists(display);
  std::vector<std::string_view> tried;  // addresses compared already
  for (const std::vector<std::string>& words : typed) {
    for (const std::string& word : words) {
      auto it = name_words_.find(NamePartKey(scope, 'w', word));
      if (it == name_words_.end()) continue;
      for (const Frequent& f : it->second) {
        if (std::find(tried.begin(), tried.end(), f.address) != tried.end()) continue;
        tried.push_back(f.address);
        auto learned = learned_words_.find(f.address);
        if (learned == learned_words_.end()) continue;
        const auto& learned_lists = learned->second;
        const bool named = std::any_of(typed.begin(), typed.end(), [&](const auto& t) {
          return std::any_of(learned_lists.begin(), learned_lists.end(),
                             [&](const auto& l) { return WordsNameLearned(t, l, min_whole); });
        });
        if (named && LearnedNameGroupsAgree(display_names_, f.address, display)) out.push_back(&f);
      }
    }
  }
  return out;
}

}  // namespace nearmiss::engine

#include "engine/role_words.h"

#include <unordered_set>

#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/role-words.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kRoleWords;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

const std::unordered_set<std::string_view>& RoleWords() {
  static const std::unordered_set<std::string_view> words = NameWordSet(data::kRoleWords);
  return words;
}

}  // namespace

bool IsRoleWord(std::string_view word) { return RoleWords().count(word) > 0; }

Status CheckRoleWords() { return CheckNameWords(data::kRoleWords, "data/names/role-words.txt"); }

}  // namespace nearmiss::engine

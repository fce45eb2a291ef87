#include "engine/honorifics.h"

#include <string>
#include <vector>
#include <unordered_set>

#include "engine/name_text.h"

namespace nearmiss::data {
// data/names/honorifics.txt, compiled in (nm_embed, src/engine/CMakeLists.txt).
extern const std::string_view kHonorifics;
}  // namespace nearmiss::data

namespace nearmiss::engine {
namespace {

const std::unordered_set<std::string_view>& Honorifics() {
  static const std::unordered_set<std::string_view> words = NameWordSet(data::kHonorifics);
  return words;
}

}  // namespace

bool IsHonorific(std::string_view word) { return Honorifics().count(word) > 0; }

bool EndsHonorific(std::string_view title, std::string_view next) {
  if (!IsHonorific(title) || next.empty()) return false;
  std::string run(title);
  run.append(next);
  return IsHonorific(run);
}

size_t LeadingHonorifics(const std::vector<std::string>& words) {
  size_t n = 0;
  while (n < words.size() &&
         (IsHonorific(words[n]) || (n > 0 && EndsHonorific(words[n - 1], words[n])))) {
    ++n;
  }
  return words.size() - n >= 2 ? n : 0;
}

Status CheckHonorifics() {
  return CheckNameWords(data::kHonorifics, "data/names/honorifics.txt");
}

}  // namespace nearmiss::engine

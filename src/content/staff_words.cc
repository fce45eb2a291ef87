// Words of staff work (staff_words.h).
#include "content/staff_words.h"

#include <array>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

// "operation", "project", "exercise", "mission", "task" (of "TASK FORCE"),
// "plan": the work a staff titles (round 59b's tester 13, finding 1). The
// rest: the orders and reports it writes about that work (round 58).
constexpr std::array<std::string_view, 21> kStaffWords = {
    "exercise",  "operation",  "orders",   "order",   "convoy",       "deployment",
    "mission",   "briefing",   "assessment", "intelligence", "threat", "patrol",
    "movement",  "targeting",  "tasking",  "sortie",  "brigade",      "project",
    "task",      "taskforce",  "plan"};

}  // namespace

bool IsStaffWord(std::string_view word) {
  for (std::string_view w : kStaffWords) {
    if (EqualsNoCase(word, w)) return true;
    if (word.size() == w.size() + 1 && (word.back() == 's' || word.back() == 'S') &&
        EqualsNoCase(word.substr(0, w.size()), w)) {
      return true;
    }
  }
  return false;
}

bool HasStaffWord(std::string_view words) {
  std::size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && (words[i] == ' ' || words[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < words.size() && words[j] != ' ' && words[j] != '\t') ++j;
    if (j > i && IsStaffWord(words.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

}  // namespace nearmiss::content

// MakesClosingTierComplement (subject_complement.h).
#include "content/subject_complement.h"

#include <array>

#include "base/ascii.h"

namespace nearmiss::content {
namespace {

// Copular verbs: the level word after them is what the subject is or
// stays, not its marking.
constexpr std::array<std::string_view, 36> kCopulas = {
    "be",     "is",      "are",     "was",    "were",    "been",   "being",  "stay",
    "stays",  "stayed",  "remain",  "remains", "remained", "become", "becomes", "became",
    "seem",   "seems",   "seemed",  "appear", "appears", "appeared", "keep",  "keeps",
    "kept",   "get",     "gets",    "got",    "go",      "goes",   "went",   "gone",
    "looks",  "sounds",  "turns",   "turned"};

// Prepositions that take the level word as their object.
constexpr std::array<std::string_view, 13> kPrepositions = {
    "about", "on",   "of",   "for",  "regarding", "re",     "into",
    "concerning", "with", "than", "like", "from", "without"};

// Nouns in "-ing" that end a subject's title before an appended marking
// ("Weekly meeting SECRET", "Convoy briefing SECRET").
constexpr std::array<std::string_view, 40> kIngNouns = {
    "meeting",   "briefing",  "planning",  "training",  "reporting", "tasking",
    "targeting", "routing",   "staffing",  "funding",   "timing",    "building",
    "morning",   "evening",   "wedding",   "booking",   "landing",   "ceiling",
    "listing",   "setting",   "spring",    "string",    "thing",     "offering",
    "opening",   "hearing",   "heading",   "rating",    "ending",    "warning",
    "drawing",   "painting",  "clothing",  "housing",   "parking",   "shipping",
    "pricing",   "marketing", "engineering", "accounting"};

template <std::size_t N>
bool ComplementWordOf(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list) {
    if (EqualsNoCase(word, w)) return true;
  }
  return false;
}

}  // namespace

bool MakesClosingTierComplement(std::string_view word) {
  if (ComplementWordOf(word, kCopulas) || ComplementWordOf(word, kPrepositions)) return true;
  return word.size() >= 5 && EndsWithNoCase(word, "ing") && !ComplementWordOf(word, kIngNouns);
}

}  // namespace nearmiss::content

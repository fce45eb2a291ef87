// Classifications that name a security clearance (position.h,
// AboutClearance): job adverts, recruiter mail and vetting notices write the
// level of a clearance with the same words as a marking ("Active TOP
// SECRET/SCI clearance", "TS/SCI eligible"), but they mark nothing.
#include <array>

#include "content/line_text.h"
#include "content/position.h"

namespace nearmiss::content {
namespace {

// The word after the classification that makes it a clearance level.
// "polygraph": "TS/SCI polygraph", "TS/SCI w/ polygraph" (via "w/").
constexpr std::array<std::string_view, 16> kClearanceWords = {
    "clearance",  "clearances", "cleared",    "eligibility",
    "eligible",   "level",      "levels",     "position",
    "positions",  "required",   "investigation", "polygraph",
    "poly",       "w/",         "holder",     "holders"};

// Labels of a clearance field at a line's start ("Clearance: TS/SCI").
constexpr std::array<std::string_view, 4> kClearanceLabels = {
    "clearance:", "clearance level:", "security clearance:",
    "required clearance:"};

bool WordIs(std::string_view text, std::size_t at, std::string_view word) {
  if (!StartsWithNoCaseAt(text, at, word)) return false;
  std::size_t after = at + word.size();
  return word.back() == '/' || after == text.size() || !IsAlpha(text[after]);
}

}  // namespace

bool AboutClearance(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t i = end;
  // Controls the match stopped before ("TOP SECRET" + "/SCI clearance").
  while (i < text.size() && text[i] == '/') {
    while (i < text.size() && text[i] == '/') ++i;
    while (i < text.size() && (IsUpper(text[i]) || text[i] == '-')) ++i;
  }
  std::size_t word = i;
  while (word < text.size() && (IsBlank(text[word]) || text[word] == '-')) {
    ++word;
  }
  bool separated = word > i || (i > begin && (IsBlank(text[i - 1]) ||
                                              text[i - 1] == '-'));
  if (separated) {
    for (std::string_view w : kClearanceWords) {
      if (WordIs(text, word, w)) return true;
    }
    // "TOP SECRET security clearance", not "SECRET security review".
    if (StartsWithNoCaseAt(text, word, "security ") &&
        WordIs(text, word + 9, "clearance")) {
      return true;
    }
  }
  std::size_t line_begin = LineStart(text, begin);
  std::size_t lead = line_begin;
  while (lead < begin && (IsBlank(text[lead]) || text[lead] == '-' ||
                          text[lead] == '*')) {
    ++lead;
  }
  for (std::string_view label : kClearanceLabels) {
    if (StartsWithNoCaseAt(text, lead, label) && lead + label.size() <= begin) {
      return true;
    }
  }
  return false;
}

}  // namespace nearmiss::content

// WrittenInCapitals and MixedCaseLeadsSubject (word_strength.h): the case
// a marking is written in, and whether a mixed-case form leads a subject.
#include <algorithm>

#include "content/banner_tail.h"
#include "content/line_text.h"
#include "content/position.h"
#include "content/word_strength.h"

namespace nearmiss::content {

bool WrittenInCapitals(std::string_view matched) {
  for (char c : matched) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

// A label in its own brackets ("[SEC=OFFICIAL:Sensitive] Budget Estimates
// Brief", "[SEC=PROTECTED, ACCESS=Legal-Privilege] Cabinet Submission") is
// set off by them: the PSPF email standard's label, which senders put at
// the head of the subject as well as at its end (issue 13, tester 13 item
// 5).
bool MixedCaseLeadsSubject(std::string_view text, const RawMatch& m) {
  std::string_view matched = text.substr(m.begin, m.end - m.begin);
  if (WrittenInCapitals(matched)) return true;
  if (matched.size() > 2 && (matched.front() == '[' || matched.front() == '(' ||
                             matched.front() == '{') &&
      (matched.back() == ']' || matched.back() == ')' || matched.back() == '}')) {
    return true;
  }
  bool lower = std::none_of(matched.begin(), matched.end(),
                            [](char c) { return c >= 'A' && c <= 'Z'; });
  if (FollowedBySeparator(text, m.end) || lower) {
    return FollowedBySeparator(text, m.end);
  }
  // "Official-Sensitive Personal: sickness record": a descriptor between
  // the tier and the separator (banner_tail.h).
  if (KnownTailThenSeparator(text, m.end)) return true;
  // The next word starts in lower case ("Nato Secret exercise plan"), and
  // does not make the level word an adjective of everyday speech ("UK
  // Secret service tour", "Nato Secret agents quiz": round 42).
  std::size_t i = m.end;
  while (i < text.size() && IsBlank(text[i])) ++i;
  if (i == m.end || i >= text.size() || text[i] < 'a' || text[i] > 'z') return false;
  static constexpr std::string_view kEverydayNouns[] = {
      "service", "services", "agent", "agents", "police", "weapon", "weapons",
      "society", "santa", "garden"};
  std::size_t e = i;
  while (e < text.size() && IsAlpha(text[e])) ++e;
  for (std::string_view noun : kEverydayNouns) {
    if (text.substr(i, e - i) == noun) return false;
  }
  return true;
}

}  // namespace nearmiss::content

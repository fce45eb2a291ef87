// NamesMarkingInSubject (subject_mention.h).
#include "content/subject_mention.h"

#include <array>

#include "content/line_text.h"
#include "content/position.h"
#include "content/subject_complement.h"

namespace nearmiss::content {
namespace {

// Words of doubt or instruction: the subject asks or tells about the
// marking ("how to handle", "why you must not email", "what counts as").
constexpr std::array<std::string_view, 11> kDoubtWords = {
    "how", "why", "what", "whether", "not", "never", "don't", "dont", "can't", "cannot",
    "mustn't"};

// Verbs whose object the marking is: handling a class of material.
constexpr std::array<std::string_view, 24> kHandlingVerbs = {
    "handle", "handling", "handled", "store", "storing", "protect", "protecting",
    "mark", "declassify", "declassifying", "declassified", "destroy", "destroying",
    "dispose", "disposing", "transport", "transporting", "print", "printing",
    "recognise", "recognize", "identify", "identifying", "classify"};

// Nouns after the marking that make it the name of the rules and places
// for a class of material. Not "level": "at UK SECRET level" states one.
constexpr std::array<std::string_view, 38> kClassNouns = {
    "storage", "cabinet", "cabinets",
    "container", "containers", "safe", "safes", "system", "systems", "network", "networks",
    "laptop", "laptops", "device", "devices", "handling", "marking", "markings",
    "classification", "levels", "exhibition", "exhibit", "archive", "archives", "museum",
    "history", "training", "course", "e-learning", "awareness", "guidance", "rules",
    "policy", "procedure", "procedures", "sop", "quiz", "exam"};

// Nouns after the marking that name the material itself: a class of it
// in a sentence about its rules ("Guidance on UK SECRET material"), but the
// message's own content in a title's tag ("Convoy plan - UK SECRET
// information", "ACTION: NATO SECRET material for Exercise STEADFAST").
constexpr std::array<std::string_view, 4> kContentNouns = {"material", "materials",
                                                           "information", "info"};

// Words by which the sender says THIS message carries the material
// ("contains UK SECRET material", "UK SECRET information enclosed").
constexpr std::array<std::string_view, 12> kCarriageWords = {
    "contains", "containing", "contain", "attached", "attaching", "attach", "enclosed",
    "enclosing", "encl", "herewith", "includes", "included"};

// Verbs after the marking that make it the sentence's subject.
constexpr std::array<std::string_view, 6> kOwnVerbs = {"is", "are", "was", "were", "means",
                                                       "explained"};

// Verbs of news within kNewsReach words after the marking.
constexpr std::array<std::string_view, 10> kNewsVerbs = {
    "leaked", "leak", "leaks", "stolen", "lost", "found", "revealed", "exposed", "published",
    "declassified"};
constexpr int kNewsReach = 3;

template <typename Words>
bool OneOf(std::string_view word, const Words& words) {
  for (std::string_view w : words) {
    if (word.size() == w.size() && StartsWithNoCaseAt(word, 0, w)) return true;
  }
  return false;
}

bool WordChar(char c) { return IsAlpha(c) || c == '\'' || c == '-'; }

// Some word of `s` is one of `words`.
template <typename Words>
bool AnyWordOf(std::string_view s, const Words& words) {
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && !WordChar(s[i])) ++i;
    const std::size_t w = i;
    while (i < s.size() && WordChar(s[i])) ++i;
    if (i > w && OneOf(s.substr(w, i - w), words)) return true;
  }
  return false;
}

// A noun of the material itself after the marking names a class of it
// only where the subject also speaks of rules, places or training for it
// ("New SOP for UK SECRET material", "UK SECRET information handling") and
// does not say the message carries it ("Convoy plan - contains UK SECRET
// material", "UK SECRET information enclosed"; round 52's tester 13,
// finding 2).
bool ContentNamedAsClass(std::string_view text) {
  return AnyWordOf(text, kClassNouns) && !AnyWordOf(text, kCarriageWords);
}

// A subject's separator at `i`: ':', '|', brackets, or a dash between
// blanks.
bool IsClauseBreak(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ':' || c == '|' || c == '[' || c == ']' || c == '(' || c == ')') return true;
  return c == '-' && i > 0 && i + 1 < s.size() && IsBlank(s[i - 1]) && IsBlank(s[i + 1]);
}

// The word at or after `i` in `s`, blanks skipped, its end in *next.
std::string_view WordAfter(std::string_view s, std::size_t i, std::size_t* next) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  const std::size_t w = i;
  while (i < s.size() && WordChar(s[i])) ++i;
  *next = i;
  return s.substr(w, i - w);
}

}  // namespace

bool NamesMarkingInSubject(std::string_view text, std::size_t begin, std::size_t end) {
  // The words of the match's clause before it, the nearest last: a
  // separator ends a clause ("DO NOT FORWARD: UK SECRET plan" tags the
  // topic after its colon).
  std::size_t clause = begin;
  while (clause > 0 && !IsClauseBreak(text, clause - 1)) --clause;
  std::string_view previous;
  for (std::size_t i = clause; i < begin;) {
    while (i < begin && !WordChar(text[i])) ++i;
    const std::size_t w = i;
    while (i < begin && WordChar(text[i])) ++i;
    if (i == w) break;
    previous = text.substr(w, i - w);
    if (OneOf(previous, kDoubtWords)) return true;
  }
  // Right before: one blank, so "Handling UK SECRET", not "Handling: UK
  // SECRET" (a label's value).
  if (begin >= 2 && text[begin - 1] == ' ' && WordChar(text[begin - 2]) &&
      previous.data() + previous.size() == text.data() + begin - 1 &&
      OneOf(previous, kHandlingVerbs)) {
    return true;
  }
  // "Training on CUI", "Questions about UK SECRET": closing the subject as
  // the object of a preposition, a gerund or a copular verb
  // (subject_complement.h).
  if (begin >= 2 && text[begin - 1] == ' ' && WordChar(text[begin - 2]) &&
      previous.data() + previous.size() == text.data() + begin - 1 &&
      MakesClosingTierComplement(previous) && SubjectDecorationStart(text, end) == end) {
    return true;
  }
  std::size_t i = end;
  if (i < text.size() && !IsBlank(text[i])) return false;  // "UK SECRET:", "UK SECRET//X"
  std::string_view next = WordAfter(text, i, &i);
  if (OneOf(next, kClassNouns) || OneOf(next, kOwnVerbs)) return true;
  if (OneOf(next, kContentNouns)) return ContentNamedAsClass(text);
  for (int n = 0; n < kNewsReach && !next.empty(); ++n) {
    if (OneOf(next, kNewsVerbs)) return true;
    if (i < text.size() && !IsBlank(text[i])) break;  // a separator ends the phrase
    next = WordAfter(text, i, &i);
  }
  return false;
}

}  // namespace nearmiss::content

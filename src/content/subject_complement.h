// Whether the word right before a level word that closes a subject makes
// the level word part of the subject's sentence rather than a marking
// appended to its title: the complement of a copular verb ("Why our sauce
// stays SECRET", "Our new product name remains SECRET", "The party is
// SECRET"), the object of a preposition ("Questions about TOP SECRET",
// "Training on CUI", "Guidance regarding SECRET") or of a gerund ("New
// guidance on handling SECRET", "Webinar: protecting CUI"). A sender who
// appends a marking writes it after the title's noun or verb ("Convoy
// timings SECRET", "Send SECRET", "Report SECRET", "plan [SECRET]"), and
// such a word class never names a title's last word (README, the subject's
// rules; issue 13, tester round 59 finding 2).
//
// position_subject_end.cc (EndsSubjectUnseparated) and subject_mention.cc
// (NamesMarkingInSubject) ask it of the word before a closing tier. Pure
// function over ASCII text, words case-folded.
#ifndef NEARMISS_CONTENT_SUBJECT_COMPLEMENT_H_
#define NEARMISS_CONTENT_SUBJECT_COMPLEMENT_H_

#include <string_view>

namespace nearmiss::content {

// `word` is one of:
// - a copular verb in any form (be, is, are, was, stay, stays, remain,
//   remains, become, becomes, seem, seems, appear, keep, kept, get, go);
// - a preposition that takes an object (about, on, of, for, regarding, re,
//   into, concerning, with, than, like, from, without);
// - a gerund: a word of five letters or more ending in "ing" ("handling",
//   "protecting", "marking"), except the nouns in "-ing" that name a
//   title's topic ("meeting", "briefing", "planning", "training",
//   "reporting", "building", "morning", "thing"): "Weekly meeting SECRET"
//   is still a title and its marking.
bool MakesClosingTierComplement(std::string_view word);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SUBJECT_COMPLEMENT_H_

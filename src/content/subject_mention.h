// A national or compound form inside a subject's sentence that names a
// kind of material, not the message's level: security training and
// guidance ("Training: how to handle UK SECRET material", "New SOP for UK
// SECRET storage cabinets", "Why you must not email UK SECRET to gmail"),
// a visit or a quiz ("Museum trip - COSMIC TOP SECRET exhibition", "Quiz
// answer: UK TOP SECRET is the highest level") and news ("BREAKING: NATO
// SECRET REPORT LEAKED TO PRESS"). A marked subject carries the marking as
// a title's tag, at its head or end or before the topic it marks ("UK
// SECRET: plan", "RE: plan - UK SECRET", "Update on SECRET//NOFORN convoy
// plan"); a sentence that makes it the object of handling, the name of a
// class of things or the subject of its own verb speaks about the marking
// (README: "a marking named in prose" is no marking; round 51's tester
// 13, finding 8).
//
// word_strength.cc and marking_strength.cc ask it of a form in capitals
// that neither leads nor ends the subject. Pure function over ASCII text,
// words case-folded.
#ifndef NEARMISS_CONTENT_SUBJECT_MENTION_H_
#define NEARMISS_CONTENT_SUBJECT_MENTION_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The match [begin, end) of the subject `text` is named, not applied:
// - a word of doubt or instruction before it in the subject ("how",
//   "why", "what", "whether", "not", "never", "don't", "can't");
// - a verb of handling right before it ("handle", "handling", "store",
//   "protect", "mark", "declassify", "destroy", "transport", "print",
//   "recognise", "identify");
// - right after it a noun of the rules or places for a class of material
//   ("storage", "cabinets", "containers", "systems", "networks", "handling",
//   "markings", "exhibition", "archives", "training", "course", "guidance",
//   "policy", "SOP", "quiz"), or a verb that makes it the sentence's subject
//   ("is", "are", "was", "means");
// - right after it a noun of the material itself ("material",
//   "information") where such a noun of rules stands elsewhere in the
//   subject ("SOP for UK SECRET material") and no word says the message
//   carries it ("contains", "attached", "enclosed", "includes": those make
//   it the message's tag);
// - a verb of news within three words after it ("REPORT LEAKED", "files
//   found", "laptop stolen").
bool NamesMarkingInSubject(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SUBJECT_MENTION_H_

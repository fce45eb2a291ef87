// WordStrength: the weight of a classification word or a label name (a
// marking of MarkingKind::kClassification or kLabel) by its place in the
// text and its case; the case helpers the other kinds share. Internal to
// MarkingStrength (marking_strength.h).
//
// Thread safety: as MarkingStrength.
#ifndef NEARMISS_CONTENT_WORD_STRENGTH_H_
#define NEARMISS_CONTENT_WORD_STRENGTH_H_

#include <string_view>

#include "content/marking_strength.h"
#include "content/scanner_rep.h"

namespace nearmiss::content {

// Whether the matched text has no lower-case ASCII letter: the standards
// write markings in capitals ("Top secret: surprise party" is prose).
bool WrittenInCapitals(std::string_view matched);

// A form the pack lets be written in mixed case ("Nato Secret: plan",
// "Official-Sensitive: staffing") leads a subject as the capitals do: with
// a separator after it or before the subject's own words in lower case.
// Title case before more title case is a name or a headline ("Nato Secret
// Files documentary", "Cosmic Top Secret Escape Room"); all lower case
// ("official sensitive data handling training") is prose unless a
// separator marks it off. Capitals are not asked (issue 13, round 34
// items 12 and 15).
bool MixedCaseLeadsSubject(std::string_view text, const RawMatch& m);

// A bare level word that ordinary mail writes alone at a body's edge and
// that its own scheme never writes so alone, by the pack's rules: the
// business word (footer_word: CONFIDENTIAL, which companies put above a
// letter and under a signature), and a word whose scheme marks a message
// another way (subject_head other than "any": AU PROTECTED by [SEC=...];
// RESTRICTED). Uncorroborated at the body's edge it is a weak finding that
// does not ask the sender (breaker round 14 D1; b13t defect 5).
bool OrdinaryMailWord(const PatternEntry& p);

// A classification word or label name in a strong place, or not.
Counts WordStrength(const PatternEntry& p, TextKind kind, const Scratch::Rep& s,
                    std::string_view text, const RawMatch& m, Strength* strength);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_WORD_STRENGTH_H_

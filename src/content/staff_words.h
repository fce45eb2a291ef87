// Words of military and government staff work that make the words in
// capitals after a level word the message's own title, not an everyday
// name: "TOP SECRET EXERCISE STEEL SABRE ORDERS", "SECRET OPERATION
// TRIDENT", "SECRET" over "PROJECT ATLAS".
// Source: ACP 121 subject lines and NATO APP-11's message titles (the
// orders, plans and reports a staff writes), and the names of the work they
// title (an operation, an exercise, a project, a task force).
#ifndef NEARMISS_CONTENT_STAFF_WORDS_H_
#define NEARMISS_CONTENT_STAFF_WORDS_H_

#include <string_view>

namespace nearmiss::content {

// Whether `word` (any case) is a staff-work word or its plural
// ("EXERCISE", "OPERATIONS", "PROJECT", "TASK" of "TASK FORCE").
bool IsStaffWord(std::string_view word);

// Whether any blank-separated word of `words` is a staff-work word: the
// tail "OPERATION TRIDENT" under or after a bare "SECRET" titles an
// operation, as "OP TRIDENT" does, where "ESCAPES" or "COMEDY CLUB" names
// a brand or a venue (round 59b's tester 13, finding 1).
bool HasStaffWord(std::string_view words);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_STAFF_WORDS_H_

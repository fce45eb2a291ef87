// A job vacancy's fields: "Sensitivity Level: TOP SECRET", "Security:
// SECRET", "Security Level: TOP SECRET" in a recruiter's or an employer's
// advert name the clearance the post requires, not the marking of the
// message (round 52's tester 13, finding 5). In a record of other `Key:
// value` fields (a job's, a booking's: InFieldRecord) they are the record's
// field too. Elsewhere the same keys are a document's ("Security Level: SECRET" over a convoy plan stays a
// marking; labelled_line.h).
//
// Offsets are byte offsets into normalised text; pure functions.
#ifndef NEARMISS_CONTENT_VACANCY_TEXT_H_
#define NEARMISS_CONTENT_VACANCY_TEXT_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// `label` (a field's key, the text before its colon or dash) is made only of
// the generic words a document's key and a post's requirement share, one of
// "security", "sensitivity" or "level" among them: "Security", "Sensitivity
// Level", "Security Level", "Required Security Level", "Minimum Security".
// Case-insensitive. A key naming a classification or a marking
// ("Classification Level", "Protective Marking") is no such key.
bool GenericLevelKey(std::string_view label);

// The text around `at` (kVacancyReach bytes either side) reads as a job
// vacancy: "we are hiring", "we're hiring", "now hiring", "position
// requires", "role requires", "post requires", "job opening", "vacancy",
// "successful candidate", "applicants", "apply now", "job description".
// Case-insensitive.
inline constexpr std::size_t kVacancyReach = 1024;
bool ReadsAsVacancy(std::string_view text, std::size_t at);

// The line starting at `line_begin` is one field of a record of `Key: value`
// fields: its paragraph (no blank line between, kRecordLines lines either
// side) holds another line keyed by a word that names no marking and is no
// memo's or mail header's field ("Role: Cyber Analyst", "Salary: 55k",
// "Room: The Vault", "Players: 5"). A recruiter's advert lists the clearance
// a post needs as "Security: Top Secret" beside the salary, an escape room's
// booking its game's "Level: TOP SECRET" beside the room (round 57's tester
// 13, finding 1): neither standard's manual keys a marking "Security" or
// "Level" (labelled_line.h lists the keys they use), and a marked document's
// header block is keyed by markings and memo fields ("Classification:",
// "Caveats:", "From:", "Date:", "Reference:").
inline constexpr int kRecordLines = 8;
bool InFieldRecord(std::string_view text, std::size_t line_begin);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_VACANCY_TEXT_H_

// A job vacancy's fields: "Sensitivity Level: TOP SECRET", "Security:
// SECRET", "Security Level: TOP SECRET" in a recruiter's or an employer's
// advert name the clearance the post requires, not the marking of the
// message (round 52's tester 13, finding 5). Outside a vacancy the same keys
// are a document's ("Security Level: SECRET" over a convoy plan stays a
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

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_VACANCY_TEXT_H_

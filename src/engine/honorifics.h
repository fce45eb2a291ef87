// Honorifics and titles written before a name ("Mr", "Prof. Dr.", "Herr",
// "Sra.", "Dott.ssa", "Ato"), from data/names/honorifics.txt: no part of
// the person's name, dropped before a display name is compared (issue 14,
// tester 14 round 56, finding 4: "Herr Thomas Großmann" on another address
// was not read as Thomas Großmann). RFC 5322 leaves the display phrase
// free; directories, CRM exports and signatures put the title there.
//
// Thread safety: pure functions over an immutable table built on first use
// (a function-local static).
#ifndef NEARMISS_ENGINE_HONORIFICS_H_
#define NEARMISS_ENGINE_HONORIFICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nearmiss/status.h"

namespace nearmiss::engine {

// Whether `word` (lower-case ASCII, as the display-name folding reads it)
// is on data/names/honorifics.txt.
bool IsHonorific(std::string_view word);

// Whether `title` (an honorific) and the `next` word written after it with
// a dot between them are one honorific ("dott" "ssa" for "Dott.ssa",
// "sig" "ra" for "Sig.ra"): their run is on the list.
bool EndsHonorific(std::string_view title, std::string_view next);

// How many of the first words of a name (`words`, lower case, in order)
// are honorifics to drop: the leading run of IsHonorific words (and what
// ends one, EndsHonorific), or 0 when fewer than two words would be left
// ("Pan Wei" is a name: Pan is a Chinese family name and a Polish title).
size_t LeadingHonorifics(const std::vector<std::string>& words);

// Checks the embedded list: kInvalidArgument naming
// data/names/honorifics.txt:LINE and the word that is not lower-case a-z.
Status CheckHonorifics();

}  // namespace nearmiss::engine

#endif  // NEARMISS_ENGINE_HONORIFICS_H_

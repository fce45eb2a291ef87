// A person's clearance as a CV (résumé) writes it (issue 13, round 56's
// tester 13, finding 1). A CV names the holder's clearance in a few fixed
// shapes, with the words of a marking but marking nothing:
//   - the level and its controls followed by the clearance's status in
//     brackets: "TS/SCI (active)", "TOP SECRET/SCI (current)", "SECRET
//     (inactive, reinstatable)"; or a status word before it: "Active
//     TS/SCI". DCSA and agency CV guidance write a clearance with its status
//     (active, current, inactive, expired, interim ...); no marking
//     register (32 CFR 2001.21, DoD Manual 5200.01 Vol. 2) has such a word.
//   - the clearance's own spelling with one slash ("TS/SCI", "TOP
//     SECRET/SCI"; a banner's controls follow "//") alone on a line of a
//     CV's header block: the paragraph of short lines with the holder's name,
//     title and contact details, in a text with a CV's sections
//     (EXPERIENCE, EDUCATION, ...) or whose block carries a job title or
//     contact details.
// A real banner ("TOP SECRET//SCI" at the top or bottom of a document) has
// neither: no status word, and "//" before its controls.
#ifndef NEARMISS_CONTENT_CV_CLEARANCE_H_
#define NEARMISS_CONTENT_CV_CLEARANCE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Where a clearance qualifier after the level ends: from `at` (after the
// match and its controls), blanks, then a bracketed status ("(active)",
// "(current - 2025)") or "with [CI|full-scope] polygraph". `at` when there
// is none.
std::size_t ClearanceQualifierEnd(std::string_view text, std::size_t at);

// A status word right before the match on its line ("Active TS/SCI",
// "Current TOP SECRET/SCI").
bool StatusWordBefore(std::string_view text, std::size_t begin);

// The match (with its controls and qualifier up to `end`) stands alone on
// a line of a CV's header block (above).
bool InCvHeaderBlock(std::string_view text, std::size_t begin, std::size_t end);

// A job title or an opening's word on text[line_begin, line_end)
// (position_clearance.cc).
bool RoleWordOnLine(std::string_view text, std::size_t line_begin, std::size_t line_end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CV_CLEARANCE_H_

// FramesSection: a marking alone on a line that opens or closes a marked
// section in the middle of a page, the same line standing at the section's
// other end ("UK SECRET\n\nAnnex A\n\nRoute options in detail.\n\nUK
// SECRET" inside an OFFICIAL note). GSC 2014/2023 and DoDM 5200.01 Vol 2
// encl. 3 mark a part of a document (an annex, an appendix, a paragraph
// block) with its own level at its start and end; a sender pasting an
// annex into a mail body, a text file or a sheet carries the two lines
// over without the page break that would put them at a page's edges (issue
// 13, round 43 tester finding 4, round 44 tester finding 3).
//
// Prose that mentions a marking does not write it alone on a line twice.
// Used by WordStrength for the forms that are not everyday words (the
// caller asks; "TOP SECRET" twice in a newsletter is an advert's).
//
// Pure function over the normalised text; nothing allocates.
#ifndef NEARMISS_CONTENT_SECTION_BANNER_H_
#define NEARMISS_CONTENT_SECTION_BANNER_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// The lines a section may hold between its two banner lines, and the bytes
// looked through for the other one.
inline constexpr int kSectionLines = 200;
inline constexpr std::size_t kSectionBytes = 32 * 1024;

// The match [begin, end) is alone on its line (blanks and frame characters
// around it, OnlyFrame; a cell of its own in a row of cells), and within
// kSectionLines lines above or below it on the same page (no form feed
// between) another line reads the same (the same words, the frame around
// them aside), with a line of text between the two. The same line right
// next to it (no words between) ends the search that way: "UK SECRET"
// typed twice is one banner, and a run of them costs a line each. Adds the
// bytes it looked through to `*work` (the scan's position budget,
// scanner_rep.h).
bool FramesSection(std::string_view text, std::size_t begin, std::size_t end,
                   std::size_t* work);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_SECTION_BANNER_H_

// Where a marking stands decides how much it counts. These functions look at
// the normalised text around a match [begin, end) and say whether it is in a
// strong position: leading a subject (after Re:/Fw:/AW:/TR: and tags) or in
// brackets there, alone on a banner line near the top or bottom of a page, at
// the start of a paragraph (portion marks), or after "Classification:".
#ifndef NEARMISS_CONTENT_POSITION_H_
#define NEARMISS_CONTENT_POSITION_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// A subject or file name: the match leads it (after reply prefixes and tags
// such as "[EXT]"), or is wrapped in [ ] or ( ).
bool IsSubjectMarking(std::string_view text, std::size_t begin,
                      std::size_t end);

// Body text: the match is alone on its line (decoration such as "*", "=",
// "-" allowed) within the first or last kBannerLines non-blank lines of its
// page (pages are split by form feeds), or follows "Classification:" /
// "Security classification:" / "Protective marking:" at a line start.
inline constexpr int kBannerLines = 3;
bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end);

// The match starts a line (only blanks before it) and is followed by a blank
// and more text or the line end, as a portion mark does.
bool IsAtParagraphStart(std::string_view text, std::size_t begin,
                        std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_POSITION_H_

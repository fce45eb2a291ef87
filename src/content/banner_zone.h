// The lines of a body page that count for banner positions (position.h,
// IsBannerMarking and IsEdgeLine). A banner stands at the top and bottom of
// the text a sender wrote (DoDM 5200.01 Vol 2 encl. 3; GSC email guidance:
// the marking leads and closes the message), but mail puts other lines
// around it: a greeting above the top banner ("Bob,"), and below the bottom
// one a closing and signature ("Thanks,\nAlice Smith\nJ3 Plans"), the RFC 3676
// 4.3 signature delimiter "-- ", a disclaimer, or a quoted reply
// ("-----Original Message-----", "On Tue, Bob wrote:", the quoted "From:",
// "Sent:", "Subject:" fields, each a boundary of the text above and below
// it), and rules drawn around the banner ("-----\nSECRET\n-----"; also of
// "=", "*", "_", "#"). A sign-off of up to two lines typed straight under
// the banner, above a "-- " ("SECRET\nAlice\n-- "), is a closing too.
// These helpers count lines as if those were not there.
//
// Offsets are byte offsets into the normalised text (lines end at '\n',
// pages at '\f'). Each call looks at a bounded number of lines around the
// match, so a text with many matches costs no more than a constant per match.
// Nothing allocates; thread-safe (pure functions).
#ifndef NEARMISS_CONTENT_BANNER_ZONE_H_
#define NEARMISS_CONTENT_BANNER_ZONE_H_

#include <cstddef>
#include <string_view>

namespace nearmiss::content {

// Non-blank lines before the line starting at `line_begin`, back to the top
// of its page or to a reply boundary, a greeting first line not counted.
// Stops counting at `limit`.
int ZoneLinesBefore(std::string_view s, std::size_t line_begin, int limit);

// Non-blank lines after the line ending at `line_end`, up to the end of its
// page, a signature delimiter or a reply boundary, the closing blocks
// (signature-like or disclaimer paragraphs, kMaxClosingLines lines in all)
// not counted. Stops counting at `limit`.
int ZoneLinesAfter(std::string_view s, std::size_t line_end, int limit);

// Lines a signature and closing may take. RFC 3676 asks for four at most
// ("sig limit"), but the signature blocks of government and corporate mail
// run to a dozen and more (name, role, unit, building, street, city,
// telephone, mobile, GTN, e-mail, web), with a closing word and a name
// before them.
inline constexpr int kMaxClosingLines = 16;

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_BANNER_ZONE_H_

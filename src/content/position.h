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

// A subject or file name: the match leads it (after reply and forward
// prefixes, "EXT:"/"EXTERNAL:", and gateway tags such as "[EXTERNAL]",
// "(EXT)", "*EXTERNAL*"), or is wrapped in [ ] or ( ).
bool IsSubjectMarking(std::string_view text, std::size_t begin,
                      std::size_t end);

// Body text: the match is alone on its line (decoration such as "*", "=",
// "-" allowed) within the first or last kBannerLines non-blank lines of its
// page (pages are split by form feeds), and the next line is not an email
// disclaimer ("CONFIDENTIAL" heading "This e-mail is intended only for
// ..."); or it follows "Classification:" / "Security classification:" /
// "Protective marking:" at a line start.
inline constexpr int kBannerLines = 3;
bool IsBannerMarking(std::string_view text, std::size_t begin,
                     std::size_t end);

// A portion mark's place: the match starts a line, after blanks and at most
// one list enumerator ("1.", "1.2", "a.", "(1)", "iv.", "-", "*", a bullet),
// and is followed by the line end or a blank. A one-letter mark ((S), (C))
// must then start a sentence (a capital, a digit or a quote: "(S) small" on
// a size chart is not a portion), on a line that is not a copyright notice
// ("(C) 2025 Example Ltd", "(C) Crown copyright").
bool IsAtParagraphStart(std::string_view text, std::size_t begin,
                        std::size_t end);

// After blanks, the text ends or a separator follows (: ; , - / | ] ) . or
// a line break): "SECRET: plans", "SECRET - plans", but not "SECRET SANTA".
bool FollowedBySeparator(std::string_view text, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_POSITION_H_

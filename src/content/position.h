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

// A portion mark's place (DoDM 5200.01 Vol 2, CAPCO manual: the mark opens
// each paragraph, after its number or letter).
//
// The rule that tells a portion mark from a list bullet, and why:
// - Place: the match starts a line, after blanks and at most one list
//   enumerator ("1.", "1.2", "a.", "(1)", "iv.", "-", "*", a bullet, "Para 2"),
//   with or without a blank before it ("1.(S)"); after it a blank, the line
//   end, or directly a capital or a colon ("(S)Route.", "(S//NF):").
// - A mark with controls ("(S//NF)", "(CUI//SP-PRVCY)", "(U//FOUO)") is
//   written by nobody by accident: that place is enough (kPortion).
// - A bare mark ("(S)", "(TS)", "(NR)") is also a size, a grade, an option or
//   an abbreviation. On its own it counts only as the start of a sentence (a
//   capital, a digit or a quote after it; "(TS) stands for timestamp" is
//   kIfCorroborated), never on a copyright line ("(C) 2025 Example Ltd"),
//   and never among option labels:
//   a single capital other than U, C, S or a clothing size in brackets within
//   kOptionLines lines ("(S) 36-38 / (M) 40-42", "(A) London (B) Berlin
//   (C) Paris") makes the line a list of options (kNone).
// - A one-letter bare mark ("(S)", "(C)") must further open prose (the
//   line ends in . ! ? after a word, or has four words): "(S) The convoy
//   leaves at 0600." is a portion, "(S) Blue T-shirt" is not on its own.
//   Alone on its line or before a short phrase it is kIfCorroborated: it
//   counts only if the same text holds another marking that agrees (a banner,
//   a classification on a banner line, another portion mark), as real
//   portion marks never come alone (the scanner decides, scan.cc).
enum class PortionPlace { kNone, kPortion, kIfCorroborated };
PortionPlace PortionMarkPlace(std::string_view text, std::size_t begin,
                              std::size_t end);

// After blanks, the text ends or a separator follows (: ; , - / | ] ) . or
// a line break): "SECRET: plans", "SECRET - plans", but not "SECRET SANTA".
bool FollowedBySeparator(std::string_view text, std::size_t end);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_POSITION_H_

// Untrusted text kept to one line: the characters that break a line, or
// show it in another order than it holds, so a field a sender wrote (a
// justification, a claimed address) cannot forge the next line of a
// record a person reads (`nearmiss audit --events`, logs).
//
// Thread safety: pure functions.
#ifndef NEARMISS_BASE_LINE_TEXT_H_
#define NEARMISS_BASE_LINE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss {

// Whether the UTF-8 sequence `c` (1 to 4 bytes, one character) is one of
// ControlCharacterAt's characters.
bool IsLineControl(std::string_view c);

// The length of the UTF-8 sequence that `lead` starts, 1 to 4; 0 when
// `lead` starts none (a continuation byte, or 0xF8 and above).
std::size_t Utf8SequenceLength(unsigned char lead);

// The byte offset of the first character in `s` that can break or reorder
// a line of text, std::string_view::npos when none: C0 controls and DEL,
// C1 controls (U+0080..U+009F), the line and paragraph separators
// (U+2028, U+2029) and the bidirectional embeddings, overrides and
// isolates (U+202A..U+202E, U+2066..U+2069; Unicode UAX #9), with which a
// line shows text in another order than it holds.
std::size_t ControlCharacterAt(std::string_view s);

// The length of the valid UTF-8 sequence `s` starts with (RFC 3629: no
// overlong form, no surrogate, nothing past U+10FFFF), 1 to 4; 0 when it
// starts none (or is empty).
std::size_t ValidUtf8Sequence(std::string_view s);

// `s` safe to print on a terminal: every ControlCharacterAt character and
// every byte that starts no valid UTF-8 sequence (binary data, Latin-1
// text) written as "\xNN" per byte; the rest as it is (a backslash too,
// so a Windows path reads as written). A log file's excerpt quoted in a
// message (a binary file's "first unrecognised line") can then neither
// move the cursor nor garble the terminal (round 51's tester 16,
// finding 7).
std::string TerminalText(std::string_view s);

}  // namespace nearmiss

#endif  // NEARMISS_BASE_LINE_TEXT_H_

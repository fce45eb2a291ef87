// UnflowText: a text/plain body sent with format=flowed (RFC 3676) as its
// reader shows it. A line ending in a blank is soft-broken: it runs on into
// the next one; with delsp=yes that blank is the sender's client's and is
// deleted too (RFC 3676 4.2, 4.5), so "UK SEC " / "RET" reads "UK SECRET".
// A line's quote marks ('>' at its start) and the stuffed blank after them
// (4.4) are kept as they stand: a soft break joins lines of the same quote
// depth only (4.5), and the signature separator "-- " is a hard break.
//
// MessageWalker reads the joined text as a second reading of the body
// ("body (joined as format=flowed)", reading_place.h): a banner a client
// wrapped inside a word reads whole, while the lines as sent keep their
// own reading.
#ifndef NEARMISS_CONTENT_FLOWED_TEXT_H_
#define NEARMISS_CONTENT_FLOWED_TEXT_H_

#include <string>
#include <string_view>

namespace nearmiss::content {

// Writes `text` with its soft breaks joined to `*out`; false (and `*out`
// untouched) when `text` has no soft break, so nothing differs.
bool UnflowText(std::string_view text, bool delsp, std::string* out);

// The Content-Type's format and delsp parameters as given ("flowed",
// "yes"), case-insensitive; null or another value is fixed text.
bool IsFlowed(const char* format);
bool IsDelsp(const char* delsp);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_FLOWED_TEXT_H_

// Header values the plain path (plain_message.h) reads without calling
// GMime, where GMime's answer is known from the bytes alone: a bench
// message's From and Subject cost the milter ~12,000 and ~5,000
// instructions a message in GMime's address parser (its list, mailbox and
// GObject set-up and tear-down) and RFC 2047 decoder (issue 20, callgrind).
// Anything else still goes to GMime: each function below says when it
// answers (DecodesToItself true, BareAddrSpec a value); otherwise GMime
// is asked as before. plain_header_test holds
// every answer to GMime's own over generated values.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_PLAIN_HEADER_H_
#define NEARMISS_CONTENT_PLAIN_HEADER_H_

#include <optional>
#include <string>
#include <string_view>

namespace nearmiss::content {

// Whether g_mime_utils_header_decode_text(options, unfolded) returns
// `unfolded` (a value as g_mime_utils_header_unfold leaves it) unchanged
// and warns of nothing: true when it is printable ASCII, tab and space,
// with no "=?". RFC 2047 decoding only rewrites encoded words (section
// 6.1; they open with "=?") and 8-bit text, and GMime's parser warns only
// of those.
bool DecodesToItself(std::string_view unfolded);

// What AddressListString(internet_address_list_parse(options, raw)) gives
// for a From value (`raw`: after the colon, folds and line end included)
// that is one bare addr-spec (RFC 5322 3.4.1): blanks and line ends around
// it, a dot-atom local part, '@', and a domain of LDH labels (RFC 1035
// 2.3.1) joined by single dots, ASCII without "xn--" (AddressToString:
// such a mailbox is its addr-spec as parsed). No display name, angle
// brackets, comment, quoted string or domain literal: those go to GMime.
std::optional<std::string> BareAddrSpec(std::string_view raw);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PLAIN_HEADER_H_

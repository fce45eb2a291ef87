// Small text helpers the address module shares: trimming, UTF-8 checks, and
// safe echoes of user input inside error messages.
//
// Thread safety: pure functions.
#ifndef NEARMISS_ADDRESS_TEXT_H_
#define NEARMISS_ADDRESS_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace nearmiss::address {

// Echoes longer than this are cut (Postfix's `%.100s` habit): messages stay
// readable and a pasted megabyte does not end up in a log line.
inline constexpr std::size_t kMaxEcho = 100;

// Drops ASCII white space and no-break spaces (U+00A0, common in pasted
// text) from both ends.
std::string_view TrimSpace(std::string_view s);

bool IsValidUtf8(std::string_view s);

// `s` cut to at most `max` octets on a character boundary ("…" marks the
// cut), with controls and invalid UTF-8 shown as '?' and format characters
// (ZWJ, bidi overrides) as "<U+200D>", so a message cannot forge log lines
// or reorder itself, and shows what is invisible.
std::string Echo(std::string_view s, std::size_t max = kMaxEcho);

// "'!'" for a printable ASCII character, "U+000A" for a control, "byte
// 0xC3" for a non-ASCII byte.
std::string DescribeByte(unsigned char c);

// `utf8` made fit for an SMTP reply line (RFC 5321 4.2: printable US-ASCII),
// for a person to read: a domain or address with non-ASCII letters in its
// domain becomes its A-label form ("x@яндекс.рф" -> "x@xn--d1acpjx3f.xn--p1ai",
// which the sender can paste back), any other non-ASCII letter "U+043B",
// "…" "...", an invalid UTF-8 byte or a control '?'. ASCII input is returned
// as is.
std::string SmtpReplyText(std::string_view utf8);

// Lower-cases ASCII letters only (domains; local parts keep their case).
using nearmiss::AsciiLower;

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_TEXT_H_

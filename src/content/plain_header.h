// Header values the plain path (plain_message.h) reads without calling
// GMime, where GMime's answer is known from the bytes alone: a bench
// message's From and Subject cost the milter ~12,000 and ~5,000
// instructions a message in GMime's address parser (its list, mailbox and
// GObject set-up and tear-down) and RFC 2047 decoder (issue 20, callgrind);
// the Date cleanup(8) adds, ~13,000 in GMime's date parser (a GTimeZone
// made and freed per message), and the Message-ID 9% of the milter's user
// time together under Postfix (perf, round 46).
// Anything else still goes to GMime: each function below says when it
// answers (DecodesToItself true, BareAddrSpec a value); otherwise GMime
// is asked as before. plain_header_test holds
// every answer to GMime's own over generated values.
//
// Thread safety: pure functions.
#ifndef NEARMISS_CONTENT_PLAIN_HEADER_H_
#define NEARMISS_CONTENT_PLAIN_HEADER_H_

#include <cstdint>
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

// What g_mime_utils_decode_message_id(value) gives for a Message-ID value
// (`value`: unfolded, as the plain path decodes it) that is one plain
// msg-id (RFC 5322 3.6.4): blanks around it, '<', a dot-atom local part,
// '@', a domain of LDH labels joined by single dots, '>'. Then the id is
// local@domain, as GMime returns it. Comments, quoted local parts, domain
// literals or anything else go to GMime.
std::optional<std::string> PlainMessageId(std::string_view value);

// What g_date_time_to_unix(g_mime_utils_header_decode_date(value)) gives
// for a Date value (unfolded) in RFC 5322 3.3's own form, as Postfix's
// cleanup(8) writes it ("Wed,  2 Dec 2026 03:50:00 +0000 (UTC)"): an
// optional day name (Mon..Sun, then ','), a day of the month (1 or 2
// digits, valid for the month), a month name (Jan..Dec), a 4-digit year
// from 1970 (GMime gives no date for 1900), hh:mm with optional :ss
// (23:59:59 at most), a numeric zone (+hhmm or -hhmm, hh at most 23, mm at
// most 59), and an optional comment without parentheses in it, separated
// by blanks. Anything else (obsolete 2-digit years, zone names, a leap
// second, an impossible date) goes to GMime. Unix seconds, UTC.
std::optional<int64_t> PlainDate(std::string_view value);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_PLAIN_HEADER_H_

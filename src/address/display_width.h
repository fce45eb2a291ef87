// The width a terminal gives text, in columns, for tables a person reads:
// an address with a CJK or full-width character (UAX #11 East Asian Width
// W or F) takes two columns per such character, and combining marks and
// format characters (Unicode general categories Mn, Me, Cf) none, so a
// table padded by bytes or code points would go out of line.
//
// The widths are ICU's Unicode properties (UCHAR_EAST_ASIAN_WIDTH,
// u_charType), as wcwidth(3) implementations derive them (Markus Kuhn's
// wcwidth.c). Thread safety: pure functions.
#ifndef NEARMISS_ADDRESS_DISPLAY_WIDTH_H_
#define NEARMISS_ADDRESS_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace nearmiss::address {

// Columns `utf8` takes; an invalid byte counts one column (shown as U+FFFD).
size_t DisplayWidth(std::string_view utf8);

// `utf8` followed by blanks up to `width` columns (nothing added when it
// is as wide or wider).
std::string PadToWidth(std::string_view utf8, size_t width);

}  // namespace nearmiss::address

#endif  // NEARMISS_ADDRESS_DISPLAY_WIDTH_H_
